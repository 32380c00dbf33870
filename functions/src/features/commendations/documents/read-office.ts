import { strFromU8, unzipSync } from 'fflate';

/**
 * Reads generated Office files back as text: used by tests (and handy for checks) to assert on what a
 * person would read, without depending on how runs are split.
 */

const unescapeXml = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The paragraphs of `word/document.xml`, each as plain text. */
export const docxParagraphs = (bytes: Uint8Array): string[] => {
  const files = unzipSync(bytes);
  const xmlBytes = files['word/document.xml'];
  if (!xmlBytes) throw new Error('word/document.xml missing');
  const xml = strFromU8(xmlBytes);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    unescapeXml([...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1] ?? '').join('')),
  );
};

export const docxText = (bytes: Uint8Array): string => docxParagraphs(bytes).join('\n');

/** "C7" → 2: the column of a cell reference. */
const columnIndex = (ref: string): number =>
  [...(ref.match(/^[A-Z]+/)?.[0] ?? '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/**
 * The cells of the first worksheet, row by row, placed by their references: the writer leaves empty cells
 * out, and a person still sees them as empty columns, so gaps (and a short row's tail) read as ''.
 */
export const xlsxRows = (bytes: Uint8Array): string[][] => {
  const files = unzipSync(bytes);
  const sheet = files['xl/worksheets/sheet1.xml'];
  if (!sheet) throw new Error('xl/worksheets/sheet1.xml missing');
  const xml = strFromU8(sheet);
  const rows = [...xml.matchAll(/<row [^>]*>([\s\S]*?)<\/row>/g)].map((r) => {
    const row: string[] = [];
    for (const c of (r[1] ?? '').matchAll(
      /<c r="([A-Z]+\d+)"[^>]*>(?:<is><t[^>]*>([^<]*)<\/t><\/is>|<v>([^<]*)<\/v>)<\/c>/g,
    )) {
      const at = columnIndex(c[1] ?? '');
      while (row.length < at) row.push('');
      row[at] = unescapeXml(c[2] ?? c[3] ?? '');
    }
    return row;
  });
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
};

const documentXml = (bytes: Uint8Array): string => {
  const xml = unzipSync(bytes)['word/document.xml'];
  if (!xml) throw new Error('word/document.xml missing');
  return strFromU8(xml);
};

/** Each non-empty paragraph with whether every run of it is bold (layout facts: header weights). */
export const docxParagraphWeights = (bytes: Uint8Array): { text: string; bold: boolean }[] =>
  [...documentXml(bytes).matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].flatMap((m) => {
    const runs = [...m[0].matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((r) => r[1] ?? '');
    const text = unescapeXml(
      runs
        .map((r) => [...r.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1] ?? '').join(''))
        .join(''),
    );
    if (!text) return [];
    // docx writes bold as <w:b/> (or w:val="true"); off as w:val="false" or nothing.
    const bold = runs.every((r) => /<w:b(?: w:val="(?:true|1)")?\/>/.test(r));
    return [{ text, bold }];
  });

/** The column widths (twips) of each table's grid, in document order. */
export const docxTableGrids = (bytes: Uint8Array): number[][] =>
  [...documentXml(bytes).matchAll(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/g)].map((g) =>
    [...(g[1] ?? '').matchAll(/<w:gridCol w:w="(\d+)"/g)].map((c) => Number(c[1])),
  );
