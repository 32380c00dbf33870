import type {
  Align,
  Block,
  Columns,
  DataTable,
  DocModel,
  Para,
  Rule,
  Run,
} from '@thidua/functions/kernel/pdf/model';

/**
 * The administrative layout of Decree 30/2020/NĐ-CP, Appendix I, as format-neutral blocks
 * (kernel/pdf/model.ts) that `toDocx` (docx-render.ts) renders as DOCX and the documents group as PDF: A4,
 * margins 20–25 mm top/bottom, 30–35 mm left, 15–20 mm right; Times New Roman 13–14 pt; the issuing body
 * at top left and the national title at top right; the title in bold capitals; articles; "Nơi nhận" at
 * bottom left and the signature block at bottom right.
 */

export type { Block, DocModel };
/** A block of a document (was docx's FileChild before the documents had a PDF twin). */
export type FileChild = Block;
export type ParagraphChild = Run;

const MM = 56.7; // twips per millimetre

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  underline?: boolean;
}

export const run = (text: string, s: RunStyle = {}): Run => ({
  text,
  size: s.size ?? 14,
  bold: s.bold ?? false,
  italics: s.italics ?? false,
  ...(s.underline ? { underline: true } : {}),
});

export interface ParaOptions extends RunStyle {
  align?: Align;
  /** First-line indent in mm (body text: 10–12.7 mm). */
  indentMm?: number;
  before?: number;
  after?: number;
}

export const para = (content: string | Run[], o: ParaOptions = {}): Para => ({
  kind: 'para',
  runs: typeof content === 'string' ? [run(content, o)] : content,
  align: o.align ?? 'both',
  before: o.before ?? 0,
  after: o.after ?? 60,
  ...(o.indentMm ? { indentMm: o.indentMm } : {}),
});

/** A body paragraph: justified, first line indented 12.7 mm. */
export const body = (content: string | Run[], o: ParaOptions = {}): Para =>
  para(content, { indentMm: 12.7, after: 120, ...o });

/** A short horizontal rule under a header line. */
const rule = (widthPercent: number): Rule => ({ kind: 'rule', widthPercent });

const columns = (cells: Columns['cells'], cantSplit = false): Columns => ({
  kind: 'columns',
  ...(cantSplit ? { cantSplit } : {}),
  cells,
});

export interface HeaderInfo {
  /**
   * Top-left lines in capitals: the directly superior body, if any (upright, not bold), then the issuing
   * body (upright, bold) — Decree 30/2020, Appendix I, II.3. "ỦY BAN NHÂN DÂN / TỈNH BÌNH PHƯỚC" is one
   * body's name on two lines: both bold.
   */
  bodyLines: readonly string[];
  /** How many of the first lines name the superior body (0: none). */
  superiorLines?: number;
  /** "Số: 05/QĐ-UBND" — or "Số:       /TTr-UBND" when the number is given by hand. */
  numberLine: string;
  /** "Bình Phước, ngày 15 tháng 12 năm 2023". */
  placeDate: string;
}

/** The national title (Decree 30/2020, Appendix I): 13 pt bold capitals, then the motto 14 pt bold. */
export const nationalTitle = (): Block[] => [
  para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center', size: 13, bold: true, after: 0 }),
  para('Độc lập - Tự do - Hạnh phúc', { align: 'center', size: 14, bold: true, after: 0 }),
  rule(60),
];

/** The two-column header: issuing body and number left, national title and date right. */
export const header = (h: HeaderInfo): Columns => {
  const superior = Math.min(h.superiorLines ?? 0, h.bodyLines.length - 1);
  const left = [
    ...h.bodyLines.map((l, i) => para(l, { align: 'center', size: 13, bold: i >= superior, after: 0 })),
    rule(40),
    ...(h.numberLine ? [para(h.numberLine, { align: 'center', size: 13 })] : []),
  ];
  const right = [...nationalTitle(), para(h.placeDate, { align: 'center', size: 14, italics: true })];
  return columns([
    { widthPercent: 36, blocks: left },
    { widthPercent: 64, blocks: right },
  ]);
};

/** The kind of document in bold capitals, then its subject ("Về việc ...") in bold. */
export const title = (kind: string, subject: string[]): Block[] => [
  para(kind.toUpperCase(), { align: 'center', bold: true, size: 14, before: 360, after: 0 }),
  ...subject.map((s, i) =>
    para(s, { align: 'center', bold: true, size: 14, after: i === subject.length - 1 ? 60 : 0 }),
  ),
  rule(25),
];

/** "Căn cứ ...;" lines, italic as the template shows, the last one ending with a full stop. */
export const legalBases = (bases: readonly string[]): Para[] =>
  bases.map((b, i) => body(`Căn cứ ${b}${i === bases.length - 1 ? ';' : ';'}`, { italics: true, after: 60 }));

export const article = (n: number, text: string | Run[]): Para =>
  body(
    typeof text === 'string'
      ? [run(`Điều ${n}. `, { bold: true }), run(text)]
      : [run(`Điều ${n}. `, { bold: true }), ...text],
  );

export interface Signature {
  /** "TM. ỦY BAN NHÂN DÂN" (may be empty). */
  onBehalf: string;
  /** The head's title when a deputy signs for them: printed as "KT. CHỦ TỊCH" above the deputy's title. */
  delegatedBy?: string;
  /** "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Q. CHỦ TỊCH". */
  title: string;
  name: string;
}

const signatureLines = (s: Signature): Para[] =>
  [s.onBehalf, s.delegatedBy ? `KT. ${s.delegatedBy}` : '', s.title]
    .filter(Boolean)
    .map((l) => para(l, { align: 'center', bold: true, size: 14, after: 0 }));

/** A signature block: the lines, room for the signature and seal, the name. */
export const signatureBlock = (s: Signature): Para[] => [
  ...signatureLines(s),
  para('', { after: 1200 }),
  para(s.name, { align: 'center', bold: true, size: 14 }),
];

/** "Nơi nhận:" (12 pt bold italic, the list 11 pt) at the left; the signature block at the right. */
export const closing = (recipients: readonly string[], signature: Signature): Columns => {
  const left = recipients.length
    ? [
        para('Nơi nhận:', { bold: true, italics: true, size: 12, align: 'left', after: 0 }),
        ...recipients.map((r, i) =>
          para(`- ${r}${i === recipients.length - 1 ? '.' : ';'}`, { size: 11, align: 'left', after: 0 }),
        ),
      ]
    : [para('')];
  return columns(
    [
      { widthPercent: 50, blocks: left },
      { widthPercent: 50, blocks: signatureBlock(signature) },
    ],
    true,
  );
};

/** Two signatures side by side (minutes: secretary and chair of the meeting). */
export const twoSignatures = (left: Signature, right: Signature): Columns =>
  columns(
    [
      { widthPercent: 50, blocks: signatureBlock(left) },
      { widthPercent: 50, blocks: signatureBlock(right) },
    ],
    true,
  );

export interface Column {
  header: string;
  widthPercent: number;
  align?: Align;
}

/** Width of the text area: A4 less the 30 mm left and 15 mm right margins, in twips. */
export const TEXT_WIDTH = Math.round((210 - 30 - 15) * MM);
/** Left + right cell margins of a table cell (docx default 0.19 cm each), in twips. */
const CELL_MARGINS = 216;

/**
 * The narrowest a column may be so its longest word stays whole: a bold 13 pt Times New Roman letter is
 * at most ~0.6 em wide on average (Vietnamese capitals with diacritics included), plus the cell margins.
 */
export const minColumnWidth = (texts: readonly string[], sizePt = 13): number => {
  const longest = Math.max(1, ...texts.flatMap((t) => t.split(/\s+/u)).map((w) => [...w].length));
  return Math.ceil(longest * 0.6 * sizePt * 20) + CELL_MARGINS;
};

/**
 * Column widths in twips: the requested shares of the text width, each raised to its minimum; what the
 * raised columns take is given back by the others in proportion to their slack. Fixed widths (and the
 * grid) so a reader does not re-flow them: LibreOffice follows the grid, not percentages.
 */
export const columnWidths = (columns: readonly Column[], rows: readonly (readonly string[])[]): number[] => {
  const min = columns.map((c, i) => minColumnWidth([c.header, ...rows.map((r) => r[i] ?? '')]));
  const want = columns.map((c, i) => Math.max(Math.round((c.widthPercent / 100) * TEXT_WIDTH), min[i] ?? 0));
  const excess = want.reduce((a, b) => a + b, 0) - TEXT_WIDTH;
  if (excess <= 0) return want;
  const slack = want.map((w, i) => w - (min[i] ?? 0));
  const totalSlack = slack.reduce((a, b) => a + b, 0);
  return want.map((w, i) => w - Math.ceil((excess * (slack[i] ?? 0)) / Math.max(1, totalSlack)));
};

/** A bordered table (annexes, lists, tallies) with a bold header row, 13 pt. */
export const dataTable = (
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  boldLast = false,
): DataTable => ({
  kind: 'table',
  widths: columnWidths(columns, rows),
  header: columns.map((c) => para(c.header, { align: 'center', bold: true, size: 13, after: 0 })),
  rows: rows.map((r, ri) =>
    columns.map((c, i) =>
      para(r[i] ?? '', {
        align: c.align ?? 'left',
        size: 13,
        after: 0,
        bold: boldLast && ri === rows.length - 1,
      }),
    ),
  ),
});

/** An A4 document with the Decree 30 margins; each element of `sections` starts on a new page. */
export const document = (sections: Block[][], titleText: string): DocModel => ({
  title: titleText,
  sections,
});

/** "Thành phố Đồng Xoài" → "Đồng Xoài" for the place line. */
export const placeName = (unitName: string): string =>
  unitName.replace(/^(Thành phố|Thị xã|Huyện|huyện|Quận|Tỉnh|tỉnh|Phường|Xã|Thị trấn)\s+/u, '');

/** Vietnamese number formatting: 1.234 and 66,67. */
export const vnNumber = (n: number, decimals = 0): string =>
  new Intl.NumberFormat('vi-VN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(
    n,
  );
