import type { Block, Columns, DataTable, DocModel, Para, Run } from '@thidua/functions/kernel/pdf/model';
import { PAGE } from '@thidua/functions/kernel/pdf/model';
import {
  AlignmentType,
  BorderStyle,
  Document,
  type FileChild,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';

/** The DOCX rendering of a document model (layout.ts builds the model, this writes Word's objects). */

const FONT = 'Times New Roman';
/** docx sizes are half-points. */
const pt = (n: number): number => n * 2;
const MM = 56.7; // twips per millimetre

const alignments = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  both: AlignmentType.JUSTIFIED,
} as const;

const textRun = (r: Run): TextRun =>
  new TextRun({
    text: r.text,
    font: FONT,
    size: pt(r.size ?? 14),
    bold: r.bold ?? false,
    italics: r.italics ?? false,
    ...(r.underline ? { underline: {} } : {}),
  });

const paragraph = (p: Para): Paragraph =>
  new Paragraph({
    children: p.runs.map(textRun),
    alignment: alignments[p.align],
    spacing: { before: p.before, after: p.after, line: 300 },
    ...(p.indentMm ? { indent: { firstLine: Math.round(p.indentMm * MM) } } : {}),
  });

/** A short horizontal rule, drawn as a top-bordered centred empty paragraph. */
const rule = (widthPercentOfCell: number): Paragraph =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    indent: {
      left: Math.round(((100 - widthPercentOfCell) / 2) * 0.8 * MM),
      right: Math.round(((100 - widthPercentOfCell) / 2) * 0.8 * MM),
    },
    spacing: { before: 0, after: 120 },
    children: [],
  });

const columns = (c: Columns): Table =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        ...(c.cantSplit ? { cantSplit: true } : {}),
        children: c.cells.map(
          (cell) =>
            new TableCell({
              children: cell.blocks.map(child),
              width: { size: cell.widthPercent, type: WidthType.PERCENTAGE },
              verticalAlign: VerticalAlignTable.TOP,
              borders: TableBorders.NONE,
            }),
        ),
      }),
    ],
  });

const dataTable = (t: DataTable): Table => {
  const dxaCell = (p: Para, i: number): TableCell =>
    new TableCell({
      children: [paragraph(p)],
      width: { size: t.widths[i] ?? 0, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.TOP,
    });
  return new Table({
    width: { size: t.widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: t.widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, children: t.header.map(dxaCell) }),
      ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map(dxaCell) })),
    ],
  });
};

const child = (b: Block): Paragraph | Table => {
  switch (b.kind) {
    case 'para':
      return paragraph(b);
    case 'rule':
      return rule(b.widthPercent);
    case 'columns':
      return columns(b);
    case 'table':
      return dataTable(b);
  }
};

export const toDocx = async (doc: DocModel): Promise<Uint8Array> => {
  const d = new Document({
    title: doc.title,
    creator: 'Thi đua',
    styles: { default: { document: { run: { font: FONT, size: pt(14) } } } },
    sections: doc.sections.map((children) => ({
      properties: {
        page: {
          size: { width: Math.round(PAGE.widthMm * MM), height: Math.round(PAGE.heightMm * MM) },
          margin: {
            top: Math.round(PAGE.topMm * MM),
            bottom: Math.round(PAGE.bottomMm * MM),
            left: Math.round(PAGE.leftMm * MM),
            right: Math.round(PAGE.rightMm * MM),
          },
        },
      },
      children: children.map(child) as FileChild[],
    })),
  });
  return new Uint8Array(await Packer.toBuffer(d));
};
