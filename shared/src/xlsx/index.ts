import { strToU8, zipSync } from 'fflate';

/**
 * A minimal XLSX writer (Office Open XML SpreadsheetML zipped with fflate): enough for tabular exports —
 * several sheets, a bold frozen header row, numbers as numbers, dates as dates, text as inline strings,
 * and a page setup for printing on A4. A spreadsheet library would cost ~300 KB for what these lines do.
 * Pure (bytes in memory, no I/O), so the browser's report export and the Lambda's list of awardees share
 * it; both load it only when a file is asked for.
 */
export type Cell = string | number | DateCell | null | undefined;

/**
 * A real date in the sheet (sortable, filterable, printed dd/mm/yyyy): a calendar date, or an instant
 * shown with its time in the given time zone offset (Vietnam, UTC+7, by default).
 */
export type DateCell =
  | { kind: 'date'; date: string }
  | { kind: 'date_time'; instant: string; utcOffsetMinutes: number };

/** `2023-02-07` → a date cell (text that is not a calendar date stays text). */
export const dateCell = (date: string): Cell =>
  /^\d{4}-\d{2}-\d{2}$/.test(date) ? { kind: 'date', date } : date;

/** An ISO instant → a date-and-time cell at `utcOffsetMinutes` (Vietnam's +7 h unless given). */
export const dateTimeCell = (instant: string, utcOffsetMinutes = 7 * 60): Cell =>
  Number.isNaN(Date.parse(instant)) ? instant : { kind: 'date_time', instant, utcOffsetMinutes };

const DAY_MS = 86_400_000;
/** Days from Excel's epoch (30/12/1899, which absorbs its 1900 leap-year bug) to 01/01/1970. */
const EPOCH_OFFSET_DAYS = 25_569;

/** The cell's Excel serial number: days since the epoch, the time of day as the fraction. */
export function excelSerial(cell: DateCell): number {
  const ms =
    cell.kind === 'date'
      ? Date.parse(`${cell.date}T00:00:00Z`)
      : Date.parse(cell.instant) + cell.utcOffsetMinutes * 60_000;
  // Rounded to the second so the XML does not carry float noise.
  return Math.round((ms / DAY_MS + EPOCH_OFFSET_DAYS) * 86_400) / 86_400;
}

/** How a sheet prints: always on A4 with the header row repeated on every page. */
export interface PageSetup {
  orientation?: 'portrait' | 'landscape';
  /** Scale the columns to one page wide (the rows run on over as many pages as they need). */
  fitToWidth?: boolean;
}

export interface Sheet {
  name: string;
  /** The first row is the header (bold, frozen, repeated on every printed page). */
  rows: readonly (readonly Cell[])[];
  /** Column widths in characters (optional). */
  widths?: readonly number[];
  /** Portrait, at 100 %, unless given. */
  page?: PageSetup;
}

/** Cell styles (indexes into `cellXfs` of styles.xml). */
const STYLE = { header: 1, date: 2, dateTime: 3 } as const;
/** Custom number formats: the dates officials write. */
const DATE_FORMAT = { id: 164, code: 'dd/mm/yyyy' } as const;
const DATE_TIME_FORMAT = { id: 165, code: 'dd/mm/yyyy hh:mm' } as const;

const escapeXml = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Control characters are not allowed in XML 1.0.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Excel refuses sheet names over 31 characters or with []:*?/\ and duplicates. */
export function safeSheetNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((raw, i) => {
    const base = (raw.replace(/[[\]:*?/\\]/g, ' ').trim() || `Sheet${i + 1}`).slice(0, 31);
    let name = base;
    let k = 2;
    while (used.has(name.toLowerCase())) {
      const suffix = ` (${k++})`;
      name = base.slice(0, 31 - suffix.length) + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

function sheetXml(sheet: Sheet): string {
  const rows = sheet.rows
    .map((row, r) => {
      const cells = row
        .map((cell, c) => {
          const ref = `${columnName(c)}${r + 1}`;
          const style = r === 0 ? ` s="${STYLE.header}"` : '';
          if (cell === null || cell === undefined || cell === '') return '';
          if (typeof cell === 'number' && Number.isFinite(cell))
            return `<c r="${ref}"${style}><v>${cell}</v></c>`;
          if (typeof cell === 'object') {
            const s = r === 0 ? STYLE.header : cell.kind === 'date' ? STYLE.date : STYLE.dateTime;
            return `<c r="${ref}" s="${s}"><v>${excelSerial(cell)}</v></c>`;
          }
          return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${escapeXml(String(cell))}</t></is></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
  const cols = sheet.widths?.length
    ? `<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
    : '';
  const freeze =
    sheet.rows.length > 1
      ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
      : '';
  const fit = sheet.page?.fitToWidth === true;
  // Element order is fixed by the schema: sheetPr first, the print settings after the data.
  const sheetPr = fit ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '';
  const margins = '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  const setup = `<pageSetup paperSize="9" orientation="${sheet.page?.orientation ?? 'portrait'}"${fit ? ' fitToWidth="1" fitToHeight="0"' : ''}/>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${sheetPr}${freeze}${cols}<sheetData>${rows}</sheetData>${margins}${setup}</worksheet>`;
}

/** The header row of every sheet repeats at the top of each printed page (Excel's "print titles"). */
const printTitles = (names: readonly string[], sheets: readonly Sheet[]): string => {
  const defined = names
    .map((n, i) =>
      (sheets[i]?.rows.length ?? 0) > 0
        ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(`'${n.replace(/'/g, "''")}'`)}!$1:$1</definedName>`
        : '',
    )
    .join('');
  return defined ? `<definedNames>${defined}</definedNames>` : '';
};

/** The workbook's one font (the header row uses its bold face). */
export interface XlsxFont {
  name: string;
  size: number;
}

export interface XlsxOptions {
  /** Calibri 11 (Excel's default) unless given; official documents use Times New Roman 12. */
  font?: XlsxFont;
}

const stylesXml = ({
  name,
  size,
}: XlsxFont): string => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="${DATE_FORMAT.id}" formatCode="${DATE_FORMAT.code}"/><numFmt numFmtId="${DATE_TIME_FORMAT.id}" formatCode="${DATE_TIME_FORMAT.code}"/></numFmts><fonts count="2"><font><sz val="${size}"/><name val="${escapeXml(name)}"/></font><font><b/><sz val="${size}"/><name val="${escapeXml(name)}"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="${DATE_FORMAT.id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="${DATE_TIME_FORMAT.id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

export function buildXlsx(
  sheets: readonly Sheet[],
  { font = { name: 'Calibri', size: 11 } }: XlsxOptions = {},
): Uint8Array {
  if (sheets.length === 0) throw new Error('An XLSX needs at least one sheet');
  const names = safeSheetNames(sheets.map((s) => s.name));
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${names
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join('')}</Types>`),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${names
      .map((n, i) => `<sheet name="${escapeXml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</sheets>${printTitles(names, sheets)}</workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join(
        '',
      )}<Relationship Id="rId${names.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`),
    'xl/styles.xml': strToU8(stylesXml(font)),
  };
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(s));
  });
  return zipSync(files, { level: 6 });
}

export { type ReadCell, type ReadSheet, readXlsx } from './read';
export { readFirstSheetRows, UnreadableWorkbook } from './rows';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
