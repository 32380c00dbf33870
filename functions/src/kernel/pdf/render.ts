import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { bold, boldItalic, italic, regular } from './fonts.generated';
import { type Align, type Block, type DataTable, type DocModel, PAGE, type Para, type Run } from './model';
import { declarePdfA } from './pdfa';

/**
 * Renders a document model as a PDF: A4, the Decree 30 margins, ThiDua Serif (Liberation Serif, metric-
 * compatible with Times New Roman) embedded as subsets, greedy line breaking by measured word widths,
 * justified body text, tables whose header row repeats and whose rows never split across pages.
 * Not byte-for-byte reproducible (pdf-lib names font resources at random): a generated PDF is stored once
 * and that stored file is what a signer signs and what the verifier compares with.
 */

const MM = 72 / 25.4;
const TWIP = 1 / 20;
/** Word's line spacing 300/240 over Times' single line of ~1.15 em. */
const LINE = 1.15 * 1.25;
const CELL_PAD = 5.4; // 0.19 cm, Word's default cell margin
const BORDER = 0.5;

type Style = 'regular' | 'bold' | 'italic' | 'boldItalic';
export type Fonts = Record<Style, PDFFont>;

const styleOf = (r: Run): Style =>
  r.bold ? (r.italics ? 'boldItalic' : 'bold') : r.italics ? 'italic' : 'regular';

interface TextOp {
  kind: 'text';
  x: number;
  y: number;
  text: string;
  font: PDFFont;
  size: number;
  underline: boolean;
}
interface LineOp {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
type Op = TextOp | LineOp;

/** A vertical slice that is placed whole on a page; ops are relative to its top-left corner. */
interface Piece {
  height: number;
  ops: Op[];
  /** Spacing only: dropped at the top of a page. */
  space?: boolean;
  /** Placed again at the top of a page this piece starts (a table's header row). */
  repeat?: Piece;
}

const shift = (ops: Op[], dx: number, dy: number): Op[] =>
  ops.map((o) =>
    o.kind === 'text'
      ? { ...o, x: o.x + dx, y: o.y + dy }
      : { ...o, x1: o.x1 + dx, x2: o.x2 + dx, y1: o.y1 + dy, y2: o.y2 + dy },
  );

interface Word {
  text: string;
  font: PDFFont;
  size: number;
  width: number;
  underline: boolean;
  /** A space follows this word in the source. */
  spaceAfter: boolean;
}

/** Characters the embedded subset lacks are printed as "?" rather than silently dropped. */
export const printable = (font: PDFFont, text: string): string => {
  const known = new Set(font.getCharacterSet());
  return [...text].map((c) => (known.has(c.codePointAt(0) ?? 0) ? c : '?')).join('');
};

const wordsOf = (runs: readonly Run[], f: Fonts): Word[] => {
  const words: Word[] = [];
  for (const r of runs) {
    const font = f[styleOf(r)];
    const size = r.size ?? 14;
    const parts = r.text.split(/( +)/u);
    for (const p of parts) {
      if (p === '') continue;
      if (/^ +$/u.test(p)) {
        const last = words[words.length - 1];
        if (last) last.spaceAfter = true;
        continue;
      }
      const text = printable(font, p);
      words.push({
        text,
        font,
        size,
        width: font.widthOfTextAtSize(text, size),
        underline: !!r.underline,
        spaceAfter: false,
      });
    }
  }
  return words;
};

/** Splits a word wider than the line into pieces that fit (a long unbroken code or URL). */
const breakLong = (w: Word, max: number): Word[] => {
  if (w.width <= max) return [w];
  const out: Word[] = [];
  let cur = '';
  for (const c of w.text) {
    if (cur && w.font.widthOfTextAtSize(cur + c, w.size) > max) {
      out.push({ ...w, text: cur, width: w.font.widthOfTextAtSize(cur, w.size), spaceAfter: false });
      cur = '';
    }
    cur += c;
  }
  out.push({ ...w, text: cur, width: w.font.widthOfTextAtSize(cur, w.size) });
  return out;
};

const paraPieces = (p: Para, width: number, f: Fonts): Piece[] => {
  const lineHeight = Math.max(...p.runs.map((r) => r.size ?? 14), 1) * LINE;
  const indent = (p.indentMm ?? 0) * MM;
  const words = wordsOf(p.runs, f).flatMap((w) => breakLong(w, width - indent));
  const lines: Word[][] = [];
  let line: Word[] = [];
  let used = 0;
  for (const w of words) {
    const avail = width - (lines.length === 0 ? indent : 0);
    const prev = line[line.length - 1];
    const gap = prev?.spaceAfter ? prev.font.widthOfTextAtSize(' ', prev.size) : 0;
    if (line.length && used + gap + w.width > avail) {
      lines.push(line);
      line = [];
      used = 0;
    }
    used += (line.length ? gap : 0) + w.width;
    line.push(w);
  }
  if (line.length || lines.length === 0) lines.push(line);
  const pieces: Piece[] = [];
  if (p.before) pieces.push({ height: p.before * TWIP, ops: [], space: true });
  lines.forEach((ws, i) => {
    const x0 = i === 0 ? indent : 0;
    const avail = width - x0;
    const gaps = ws.map((w, j) =>
      j < ws.length - 1 && w.spaceAfter ? w.font.widthOfTextAtSize(' ', w.size) : 0,
    );
    const natural = ws.reduce((a, w) => a + w.width, 0) + gaps.reduce((a, g) => a + g, 0);
    const last = i === lines.length - 1;
    const stretch =
      p.align === 'both' && !last && gaps.some((g) => g > 0)
        ? (avail - natural) / gaps.filter((g) => g > 0).length
        : 0;
    const start = offset(p.align, avail, natural) + x0;
    const ops: Op[] = [];
    let x = start;
    const baseline = lineHeight * 0.8;
    ws.forEach((w, j) => {
      ops.push({
        kind: 'text',
        x,
        y: baseline,
        text: w.text,
        font: w.font,
        size: w.size,
        underline: w.underline,
      });
      x += w.width + (gaps[j] ?? 0) + ((gaps[j] ?? 0) > 0 ? stretch : 0);
    });
    pieces.push({ height: lineHeight, ops });
  });
  if (p.after) pieces.push({ height: p.after * TWIP, ops: [], space: true });
  return pieces;
};

const offset = (align: Align, avail: number, natural: number): number =>
  align === 'center'
    ? Math.max(0, (avail - natural) / 2)
    : align === 'right'
      ? Math.max(0, avail - natural)
      : 0;

/** Stacks pieces into one (inside a cell: no page breaks). */
const stack = (pieces: readonly Piece[]): Piece => {
  const ops: Op[] = [];
  let y = 0;
  for (const p of pieces) {
    ops.push(...shift(p.ops, 0, y));
    y += p.height;
  }
  return { height: y, ops };
};

const tablePieces = (t: DataTable, width: number, f: Fonts): Piece[] => {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const cols = t.widths.map((w) => (w / total) * width);
  const row = (cells: readonly Para[]): Piece => {
    const laid = cells.map((c, i) => stack(paraPieces(c, Math.max(1, (cols[i] ?? 0) - 2 * CELL_PAD), f)));
    const height = Math.max(...laid.map((l) => l.height)) + (2 * CELL_PAD) / 2;
    const ops: Op[] = [];
    let x = 0;
    laid.forEach((l, i) => {
      ops.push(...shift(l.ops, x + CELL_PAD, CELL_PAD / 2));
      ops.push({ kind: 'line', x1: x, y1: 0, x2: x, y2: height });
      x += cols[i] ?? 0;
    });
    ops.push({ kind: 'line', x1: x, y1: 0, x2: x, y2: height });
    ops.push({ kind: 'line', x1: 0, y1: 0, x2: x, y2: 0 });
    ops.push({ kind: 'line', x1: 0, y1: height, x2: x, y2: height });
    return { height, ops };
  };
  const header = row(t.header);
  return [header, ...t.rows.map((r) => ({ ...row(r), repeat: header }))];
};

const blockPieces = (b: Block, width: number, f: Fonts): Piece[] => {
  switch (b.kind) {
    case 'para':
      return paraPieces(b, width, f);
    case 'rule': {
      const w = (width * b.widthPercent) / 100;
      const x = (width - w) / 2;
      return [{ height: 6, ops: [{ kind: 'line', x1: x, y1: 1, x2: x + w, y2: 1 }] }];
    }
    case 'columns': {
      let x = 0;
      const laid = b.cells.map((c) => {
        const w = (width * c.widthPercent) / 100;
        const l = stack(c.blocks.flatMap((inner) => blockPieces(inner, w - 2 * CELL_PAD, f)));
        const at = x + CELL_PAD;
        x += w;
        return { ...l, ops: shift(l.ops, at, 0) };
      });
      return [{ height: Math.max(0, ...laid.map((l) => l.height)), ops: laid.flatMap((l) => l.ops) }];
    }
    case 'table':
      return tablePieces(b, width, f);
  }
};

export interface RenderOptions {
  /** The creation date written into the file (fixed for reproducible bytes). */
  createdAt: Date;
}

/**
 * A new PDF/A-2b file (`pdfa.ts`: metadata, sRGB OutputIntent, file identifier) with the four faces of
 * ThiDua Serif embedded as subsets. Shared by every document and the certificates.
 */
export const newPdf = async (title: string, createdAt: Date): Promise<{ pdf: PDFDocument; fonts: Fonts }> => {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const embed = (base64: string) => pdf.embedFont(base64, { subset: true });
  const [r, b, i, bi] = await Promise.all([embed(regular), embed(bold), embed(italic), embed(boldItalic)]);
  await declarePdfA(pdf, title, createdAt);
  return { pdf, fonts: { regular: r, bold: b, italic: i, boldItalic: bi } };
};

export const renderPdf = async (doc: DocModel, o: RenderOptions): Promise<Uint8Array> => {
  const { pdf, fonts: f } = await newPdf(doc.title, o.createdAt);
  const pageW = PAGE.widthMm * MM;
  const pageH = PAGE.heightMm * MM;
  const left = PAGE.leftMm * MM;
  const top = PAGE.topMm * MM;
  const width = pageW - left - PAGE.rightMm * MM;
  const bottom = pageH - PAGE.bottomMm * MM;
  for (const section of doc.sections) {
    let page: PDFPage = pdf.addPage([pageW, pageH]);
    let y = top;
    const draw = (piece: Piece, at: number) => {
      for (const op of piece.ops) {
        if (op.kind === 'text') {
          page.drawText(op.text, {
            x: left + op.x,
            y: pageH - (at + op.y),
            size: op.size,
            font: op.font,
            color: rgb(0, 0, 0),
          });
          if (op.underline) {
            const w = op.font.widthOfTextAtSize(op.text, op.size);
            page.drawLine({
              start: { x: left + op.x, y: pageH - (at + op.y) - 1.5 },
              end: { x: left + op.x + w, y: pageH - (at + op.y) - 1.5 },
              thickness: BORDER,
            });
          }
        } else {
          page.drawLine({
            start: { x: left + op.x1, y: pageH - (at + op.y1) },
            end: { x: left + op.x2, y: pageH - (at + op.y2) },
            thickness: BORDER,
            color: rgb(0, 0, 0),
          });
        }
      }
    };
    for (const piece of section.flatMap((b) => blockPieces(b, width, f))) {
      if (y + piece.height > bottom && y > top) {
        page = pdf.addPage([pageW, pageH]);
        y = top;
        if (piece.repeat) {
          draw(piece.repeat, y);
          y += piece.repeat.height;
        }
      }
      if (piece.space && y === top) continue;
      draw(piece, y);
      y += piece.height;
    }
  }
  return pdf.save({ useObjectStreams: false });
};

export const PDF_TYPE = 'application/pdf';
