import { strFromU8, unzipSync } from 'fflate';
import { attr, unescapeXml } from './xml';

/**
 * Reads back what `buildXlsx` writes — values, number formats, bold, the page setup and print titles —
 * the way a spreadsheet program would show them, so tests check the file a person opens, not our intent.
 * Only the parts our writer emits (inline strings, numbers, cellXfs with numFmts) are understood.
 */
export interface ReadCell {
  /** The stored value: text, or the number (a date's Excel serial). */
  value: string | number;
  /** The cell's number format code (`dd/mm/yyyy`), or null for General. */
  format: string | null;
  /** As Excel would display it: dates in their format, other values as stored. */
  shown: string;
  bold: boolean;
}

export interface ReadSheet {
  name: string;
  /** Row-major; a missing cell is undefined. */
  rows: (ReadCell | undefined)[][];
  /** The rows repeated on each printed page (`$1:$1`), or null. */
  printTitles: string | null;
  page: {
    paperSize: number | null;
    orientation: string | null;
    fitToPage: boolean;
    fitToWidth: number | null;
    fitToHeight: number | null;
  };
  frozenRows: number;
}

const columnIndex = (ref: string): { row: number; col: number } => {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m?.[1] || !m[2]) throw new Error(`bad cell reference ${ref}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
};

/** A serial shown through a date format (`dd`, `mm`, `yyyy`, `hh`, `mm` after `hh`). */
const showDate = (serial: number, code: string): string => {
  const d = new Date(Math.round((serial - 25_569) * 86_400) * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return code
    .replace('yyyy', String(d.getUTCFullYear()))
    .replace('dd', two(d.getUTCDate()))
    .replace(/hh:mm/, `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`)
    .replace('mm', two(d.getUTCMonth() + 1));
};

export function readXlsx(bytes: Uint8Array): ReadSheet[] {
  const files = unzipSync(bytes);
  const text = (path: string): string => {
    const f = files[path];
    if (!f) throw new Error(`${path} missing`);
    return strFromU8(f);
  };
  const styles = text('xl/styles.xml');
  const formats = new Map<number, string>();
  for (const m of styles.matchAll(/<numFmt [^>]*\/>/g)) {
    formats.set(Number(attr(m[0], 'numFmtId')), unescapeXml(attr(m[0], 'formatCode') ?? ''));
  }
  const fonts = [
    ...(/<fonts[^>]*>([\s\S]*?)<\/fonts>/.exec(styles)?.[1] ?? '').matchAll(/<font>([\s\S]*?)<\/font>/g),
  ];
  const xfs = [
    ...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf [^>]*>/g),
  ].map((m) => ({
    format: formats.get(Number(attr(m[0], 'numFmtId'))) ?? null,
    bold: (fonts[Number(attr(m[0], 'fontId'))]?.[1] ?? '').includes('<b/>'),
  }));
  const workbook = text('xl/workbook.xml');
  const names = [...workbook.matchAll(/<sheet [^>]*\/>/g)].map((m) => unescapeXml(attr(m[0], 'name') ?? ''));
  const titles = new Map<number, string>();
  for (const m of workbook.matchAll(/<definedName ([^>]*)>([^<]*)<\/definedName>/g)) {
    if (attr(m[1] ?? '', 'name') === '_xlnm.Print_Titles')
      titles.set(
        Number(attr(m[1] ?? '', 'localSheetId')),
        unescapeXml(m[2] ?? '')
          .split('!')
          .pop() ?? '',
      );
  }
  return names.map((name, i) => {
    const xml = text(`xl/worksheets/sheet${i + 1}.xml`);
    const rows: (ReadCell | undefined)[][] = [];
    for (const c of xml.matchAll(/<c ([^>]*)>(?:<is><t[^>]*>([^<]*)<\/t><\/is>|<v>([^<]*)<\/v>)<\/c>/g)) {
      const at = columnIndex(attr(c[1] ?? '', 'r') ?? '');
      const style = xfs[Number(attr(c[1] ?? '', 's') ?? 0)] ?? { format: null, bold: false };
      const value = c[2] !== undefined ? unescapeXml(c[2]) : Number(c[3]);
      const shown =
        typeof value === 'number' && style.format && /yy/.test(style.format)
          ? showDate(value, style.format)
          : String(value);
      const row = rows[at.row] ?? [];
      rows[at.row] = row;
      row[at.col] = { value, format: style.format, shown, bold: style.bold };
    }
    const setup = /<pageSetup [^>]*\/>/.exec(xml)?.[0] ?? '';
    const num = (v: string | null) => (v === null ? null : Number(v));
    return {
      name,
      rows: Array.from(rows, (r) => r ?? []),
      printTitles: titles.get(i) ?? null,
      page: {
        paperSize: num(attr(setup, 'paperSize')),
        orientation: attr(setup, 'orientation'),
        fitToPage: /<pageSetUpPr [^>]*fitToPage="1"/.test(xml),
        fitToWidth: num(attr(setup, 'fitToWidth')),
        fitToHeight: num(attr(setup, 'fitToHeight')),
      },
      frozenRows: Number(attr(/<pane [^>]*\/>/.exec(xml)?.[0] ?? '', 'ySplit') ?? 0),
    };
  });
}
