/**
 * Reads a PDF back as a person sees it, with Mozilla's PDF.js (a reader independent of the writer): the
 * lines of each page top to bottom, each with its text, its left edge and whether it is set in bold.
 * For tests and checks; never bundled into a Lambda (pdfjs-dist is a dev dependency).
 */

export interface PdfLine {
  text: string;
  /** From the left edge of the page, points. */
  x: number;
  /** From the top of the page, points. */
  y: number;
  bold: boolean;
  italic: boolean;
  size: number;
  /** From the left edge of the first piece of text to the right edge of the last, points. */
  width: number;
}

interface Item {
  str: string;
  transform: number[];
  fontName: string;
  width: number;
}

export const readPdf = async (bytes: Uint8Array): Promise<PdfLine[][]> => {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const pages: PdfLine[][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const height = page.view[3] ?? 0;
    await page.getOperatorList(); // loads the fonts into commonObjs, where their real names are
    const content = await page.getTextContent();
    const fontName = (id: string): string => {
      try {
        return (page.commonObjs.get(id) as { name?: string }).name ?? '';
      } catch {
        return '';
      }
    };
    const rows = new Map<number, Item[]>();
    for (const raw of content.items) {
      const it = raw as Item;
      if (!('str' in it) || it.str === '') continue;
      const y = Math.round(height - (it.transform[5] ?? 0));
      const key = [...rows.keys()].find((k) => Math.abs(k - y) <= 2) ?? y;
      rows.set(key, [...(rows.get(key) ?? []), it]);
    }
    const lines: PdfLine[] = [];
    for (const [y, items] of [...rows.entries()].sort((a, b) => a[0] - b[0])) {
      // Two columns on one baseline (header, signatures) are separate lines: split where a gap is wider
      // than a justified space (a stretched body line may split too; join with spaces to read it).
      const sorted = items.sort((a, b) => (a.transform[4] ?? 0) - (b.transform[4] ?? 0));
      let cur: Item[] = [];
      const flush = () => {
        if (!cur.length) return;
        const first = cur[0] as Item;
        const name = fontName(first.fontName);
        let text = '';
        let end = first.transform[4] ?? 0;
        for (const it of cur) {
          const x = it.transform[4] ?? 0;
          if (text && x - end > 1) text += ' ';
          text += it.str;
          end = x + it.width;
        }
        lines.push({
          text: text.replace(/\s+/gu, ' ').trim(),
          x: first.transform[4] ?? 0,
          y,
          bold: /Bold/u.test(name),
          italic: /Italic/u.test(name),
          size: Math.round(Math.abs(first.transform[0] ?? 0)),
          width: end - (first.transform[4] ?? 0),
        });
        cur = [];
      };
      let prevEnd = Number.NEGATIVE_INFINITY;
      for (const it of sorted) {
        const x = it.transform[4] ?? 0;
        const prev = cur[cur.length - 1];
        const gap = x - prevEnd;
        const restyled = prev && (prev.fontName !== it.fontName || prev.transform[0] !== it.transform[0]);
        if (cur.length && (gap > 14 || (gap > 8 && restyled))) flush();
        cur.push(it);
        prevEnd = x + it.width;
      }
      flush();
    }
    pages.push(lines);
  }
  await doc.destroy();
  return pages;
};

export const pdfText = async (bytes: Uint8Array): Promise<string> =>
  (await readPdf(bytes)).map((p) => p.map((l) => l.text).join('\n')).join('\n\f\n');
