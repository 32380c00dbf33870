import { strFromU8, unzipSync } from 'fflate';
import { attr, unescapeXml } from './xml';

/**
 * The first sheet of a workbook someone saved in Excel, LibreOffice or Google Sheets, as rows of text: what
 * an import needs, nothing more. Unlike `readXlsx` (which reads back our own writer's files for tests) it
 * follows the workbook's relationships to the sheet, reads shared strings, rich-text runs, booleans and
 * formula results, shows numbers in a date format as `yyyy-mm-dd`, and gives every cell of a merged range
 * the value of its top-left cell (a merged header, a unit written once beside its people). Pure: the API reads uploads with
 * it (fflate is already in both bundles).
 */
export class UnreadableWorkbook extends Error {}

/** What the parts of one upload may unpack to, in all. */
const MAX_UNPACKED_BYTES = 50 * 1024 * 1024;

/** The text of every `<t>` inside (a plain string or the runs of rich text). */
const textOf = (xml: string): string =>
  [...xml.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((m) => unescapeXml(m[1] ?? '')).join('');

/** Built-in date formats (ECMA-376 §18.8.30) and custom ones that show a day, month or year. */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 22]);
const isDateFormat = (code: string): boolean => /(^|[^\\"])[dmy]/i.test(code.replace(/"[^"]*"/g, ''));

const serialToIso = (serial: number): string =>
  new Date(Math.round((serial - 25_569) * 86_400) * 1000).toISOString().slice(0, 10);

const columnOf = (ref: string): number => {
  let col = 0;
  for (const ch of /^[A-Z]+/.exec(ref)?.[0] ?? '') col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
};

/** Resolves `target` of a relationship relative to `xl/`. */
const partPath = (target: string): string => (target.startsWith('/') ? target.slice(1) : `xl/${target}`);

export function readFirstSheetRows(bytes: Uint8Array): string[][] {
  let files: Record<string, Uint8Array>;
  let unpacked = 0;
  try {
    // Counted before inflating: a small upload must not unpack into hundreds of megabytes (a zip bomb).
    files = unzipSync(bytes, {
      filter: (f) => {
        unpacked += f.originalSize;
        return unpacked <= MAX_UNPACKED_BYTES;
      },
    });
  } catch {
    throw new UnreadableWorkbook('Tệp không phải là tệp Excel (.xlsx)');
  }
  if (unpacked > MAX_UNPACKED_BYTES)
    throw new UnreadableWorkbook('Tệp Excel quá lớn khi giải nén (tối đa 50 MB); hãy chia thành nhiều tệp');
  const text = (path: string): string | undefined => {
    const f = files[path];
    return f ? strFromU8(f) : undefined;
  };
  const workbook = text('xl/workbook.xml');
  if (!workbook) throw new UnreadableWorkbook('Tệp không phải là tệp Excel (.xlsx)');
  const firstSheet = /<sheet\s[^>]*\/?>/.exec(workbook)?.[0] ?? '';
  const relId = attr(firstSheet, 'r:id');
  const rels = text('xl/_rels/workbook.xml.rels') ?? '';
  const rel = [...rels.matchAll(/<Relationship\s[^>]*\/?>/g)].find((m) => attr(m[0], 'Id') === relId);
  const sheetXml = text(rel ? partPath(attr(rel[0], 'Target') ?? '') : 'xl/worksheets/sheet1.xml');
  if (!sheetXml) throw new UnreadableWorkbook('Tệp Excel không có trang tính nào');

  const shared = [...(text('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    textOf(m[1] ?? ''),
  );
  const styles = text('xl/styles.xml') ?? '';
  const custom = new Map(
    [...styles.matchAll(/<numFmt\s[^>]*\/>/g)].map((m) => [
      Number(attr(m[0], 'numFmtId')),
      unescapeXml(attr(m[0], 'formatCode') ?? ''),
    ]),
  );
  const dateStyles = [
    ...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf\s[^>]*>/g),
  ].map((m) => {
    const id = Number(attr(m[0], 'numFmtId') ?? 0);
    return BUILT_IN_DATES.has(id) || isDateFormat(custom.get(id) ?? '');
  });

  const rows: string[][] = [];
  for (const r of sheetXml.matchAll(/<row\s([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const rowIndex = Number(attr(r[1] ?? '', 'r') ?? rows.length + 1) - 1;
    const cells: string[] = [];
    let next = 0;
    for (const c of (r[2] ?? '').matchAll(/<c(\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const tag = c[1] ?? '';
      const ref = attr(tag, 'r');
      const col = ref ? columnOf(ref) : next;
      next = col + 1;
      const body = c[2] ?? '';
      const type = attr(tag, 't');
      const v = /<v>([^<]*)<\/v>/.exec(body)?.[1];
      let value = '';
      if (type === 'inlineStr') value = textOf(body);
      else if (type === 's') value = shared[Number(v)] ?? '';
      else if (type === 'b') value = v === '1' ? 'TRUE' : 'FALSE';
      else if (type === 'str' || type === 'e') value = unescapeXml(v ?? '');
      else if (v !== undefined) {
        const n = Number(v);
        value = dateStyles[Number(attr(tag, 's') ?? 0)] ? serialToIso(n) : String(n);
      }
      while (cells.length < col) cells.push('');
      cells[col] = value;
    }
    while (rows.length < rowIndex) rows.push([]);
    rows[rowIndex] = cells;
  }
  for (const m of sheetXml.matchAll(/<mergeCell\s[^>]*ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)) {
    const [c1, r1, c2, r2] = [columnOf(m[1] ?? ''), Number(m[2]) - 1, columnOf(m[3] ?? ''), Number(m[4]) - 1];
    const value = rows[r1]?.[c1] ?? '';
    for (let r = r1; r <= r2; r++) {
      while (rows.length <= r) rows.push([]);
      const row = rows[r] ?? [];
      rows[r] = row;
      for (let c = c1; c <= c2; c++) {
        while (row.length < c) row.push('');
        row[c] = value;
      }
    }
  }
  return rows;
}
