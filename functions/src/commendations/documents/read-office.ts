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
