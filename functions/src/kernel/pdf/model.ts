/**
 * A document as blocks, independent of the file format: the commendation documents build it once and
 * render it as DOCX (features/commendations/documents/docx-render.ts) or PDF (./render.ts), so both files
 * carry the same layout facts. Sizes are in points, paragraph spacing in twips (1/20 pt) as in Word.
 * Plain data (JSON-serialisable): a generated document's model can be stored and rendered later.
 */

export interface Run {
  text: string;
  bold?: boolean;
  italics?: boolean;
  /** Points; 14 when absent. */
  size?: number;
  underline?: boolean;
}

export type Align = 'left' | 'center' | 'right' | 'both';

export interface Para {
  kind: 'para';
  runs: Run[];
  align: Align;
  /** First-line indent, mm. */
  indentMm?: number;
  /** Space before and after, twips. */
  before: number;
  after: number;
}

/** A short centred horizontal rule (under a header line), as a share of its column's width. */
export interface Rule {
  kind: 'rule';
  widthPercent: number;
}

/** Borderless side-by-side columns (the header, the closing with its signature block). */
export interface Columns {
  kind: 'columns';
  cantSplit?: boolean;
  cells: { widthPercent: number; blocks: Block[] }[];
}

/** A bordered table; widths in twips; the header row repeats on every page; a row is never split. */
export interface DataTable {
  kind: 'table';
  widths: number[];
  header: Para[];
  rows: Para[][];
}

export type Block = Para | Rule | Columns | DataTable;

export interface DocModel {
  title: string;
  /** Each section starts on a new page. */
  sections: Block[][];
}

/** A4 and the margins of Decree 30/2020 (top and bottom 20 mm, left 30 mm, right 15 mm). */
export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  topMm: 20,
  bottomMm: 20,
  leftMm: 30,
  rightMm: 15,
} as const;
