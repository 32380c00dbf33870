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

/** The cells of the first worksheet, row by row. */
export const xlsxRows = (bytes: Uint8Array): string[][] => {
  const files = unzipSync(bytes);
  const sheet = files['xl/worksheets/sheet1.xml'];
  if (!sheet) throw new Error('xl/worksheets/sheet1.xml missing');
  const xml = strFromU8(sheet);
  return [...xml.matchAll(/<row [^>]*>([\s\S]*?)<\/row>/g)].map((r) =>
    [...(r[1] ?? '').matchAll(/<c [^>]*>(?:<is><t[^>]*>([^<]*)<\/t><\/is>|<v>([^<]*)<\/v>)<\/c>/g)].map((c) =>
      unescapeXml(c[1] ?? c[2] ?? ''),
    ),
  );
};
