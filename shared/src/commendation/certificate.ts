import * as z from 'zod';
import { Id } from '../common';
import { vnDateWords } from './calendar';
import type { Decision, DecisionEntry } from './records';

/**
 * Certificates (bằng khen, giấy khen) are printed on PRE-PRINTED blanks: the national emblem, the title and
 * the frame are on the paper; the product prints only the variable text where the blank leaves room for
 * it. Where that room is differs by printer and by batch of blanks, so each blank is configuration: its
 * paper size and, per printed field, the position in millimetres from the paper's top-left corner, plus a
 * printer offset found with the test print. The output is print-ready HTML (CSS `@page` in mm, absolute
 * positions in mm) that a browser prints at 100 % scale, kept as the preview, and a PDF (the documents
 * Lambda lays out `placeCertificate`'s boxes with pdf-lib; ADR 0033) that prints the same at any printer.
 */

export const certificateFields = [
  'nomineeName',
  'nomineeTitle',
  'nomineeUnitName',
  'awardTypeName',
  'achievement',
  'decisionNumber',
  'decisionDate',
  'place',
  'signerTitle',
  'signerName',
] as const;
export const CertificateField = z.enum(certificateFields);
export type CertificateField = z.infer<typeof CertificateField>;

export const certificateFieldNames: Record<CertificateField, string> = {
  nomineeName: 'Tên tập thể / cá nhân',
  nomineeTitle: 'Chức vụ',
  nomineeUnitName: 'Đơn vị',
  awardTypeName: 'Hình thức khen thưởng',
  achievement: 'Thành tích',
  decisionNumber: 'Số quyết định',
  decisionDate: 'Địa danh, ngày tháng',
  place: 'Địa danh',
  signerTitle: 'Chức vụ người ký',
  signerName: 'Họ tên người ký',
};

const Mm = z.number().min(0).max(500);

export const CertificateSlot = z.object({
  field: CertificateField,
  /** Left edge and top of the text box, in mm from the paper's top-left corner. */
  xMm: Mm,
  yMm: Mm,
  widthMm: z.number().min(5).max(500),
  fontPt: z.number().min(6).max(60).default(14),
  align: z.enum(['left', 'center', 'right']).default('center'),
  bold: z.boolean().default(false),
  uppercase: z.boolean().default(false),
  /** Lines the box holds (the achievement may wrap); absent = 1. Text shrinks until it fits them. */
  lines: z.number().int().min(1).max(6).optional(),
});
export type CertificateSlot = z.infer<typeof CertificateSlot>;

export const CertificateBlank = z
  .object({
    id: Id,
    name: z.string().min(1).max(200),
    /** The award types printed on this blank. */
    awardTypeIds: z.array(Id).min(1),
    widthMm: z.number().min(50).max(500),
    heightMm: z.number().min(50).max(500),
    /** Printer calibration: shifts every field (right/down positive), measured on a test print. */
    offsetXMm: z.number().min(-30).max(30).default(0),
    offsetYMm: z.number().min(-30).max(30).default(0),
    slots: z.array(CertificateSlot).min(1).max(20),
  })
  .superRefine((b, ctx) => {
    for (const [i, s] of b.slots.entries()) {
      if (s.xMm + s.widthMm > b.widthMm)
        ctx.addIssue({
          code: 'custom',
          path: ['slots', i, 'widthMm'],
          message: 'Ô in vượt quá chiều rộng phôi',
        });
      if (s.yMm >= b.heightMm)
        ctx.addIssue({ code: 'custom', path: ['slots', i, 'yMm'], message: 'Ô in nằm ngoài chiều cao phôi' });
    }
  });
export type CertificateBlank = z.infer<typeof CertificateBlank>;

/** The blank an award type prints on, if one is configured. */
export const blankFor = (blanks: readonly CertificateBlank[], awardTypeId: string): CertificateBlank | null =>
  blanks.find((b) => b.awardTypeIds.includes(awardTypeId)) ?? null;

export type CertificateValues = Partial<Record<CertificateField, string>>;

/** What one awardee's certificate prints, from the signed decision. */
export const certificateValues = (
  decision: Pick<Decision, 'numberText' | 'signedOn' | 'signerName' | 'signerTitle'>,
  entry: Pick<DecisionEntry, 'nomineeName' | 'nomineeTitle' | 'nomineeUnitName' | 'awardTypeName'>,
  place: string,
  achievement: string,
): CertificateValues => ({
  nomineeName: entry.nomineeName,
  nomineeTitle: entry.nomineeTitle,
  nomineeUnitName: entry.nomineeUnitName,
  awardTypeName: entry.awardTypeName,
  achievement,
  decisionNumber: `Số: ${decision.numberText}`,
  decisionDate: `${place}, ${vnDateWords(decision.signedOn)}`,
  place,
  signerTitle: decision.signerTitle,
  signerName: decision.signerName,
});

const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const mm = (n: number) => `${Math.round(n * 100) / 100}mm`;

/**
 * Print-ready HTML of certificates on a blank: one page per certificate, each field at its configured
 * place. `testPrint` prints the sample values inside dashed boxes with their names, the paper's edge and
 * a centimetre scale, on plain paper, to lay over a blank against the light and measure the offset.
 */
export const certificateHtml = (
  blank: CertificateBlank,
  pages: readonly CertificateValues[],
  options: { testPrint?: boolean; title?: string } = {},
): string => {
  const test = options.testPrint === true;
  const page = (values: CertificateValues) => {
    const slots = blank.slots.map((s) => {
      const raw = values[s.field] ?? '';
      const text = s.uppercase ? raw.toLocaleUpperCase('vi') : raw;
      const style = [
        `left:${mm(s.xMm + blank.offsetXMm)}`,
        `top:${mm(s.yMm + blank.offsetYMm)}`,
        `width:${mm(s.widthMm)}`,
        `font-size:${s.fontPt}pt`,
        `text-align:${s.align}`,
        `font-weight:${s.bold ? 'bold' : 'normal'}`,
      ].join(';');
      const label = test ? `<span class="label">${escapeHtml(certificateFieldNames[s.field])}</span>` : '';
      return `<div class="slot${test ? ' test' : ''}" data-field="${s.field}" style="${style}">${label}${escapeHtml(text)}</div>`;
    });
    const ruler = test
      ? Array.from(
          { length: Math.floor(blank.widthMm / 10) + 1 },
          (_, i) => `<div class="tick" style="left:${mm(i * 10)}">${i}</div>`,
        ).join('')
      : '';
    return `<section class="page">${ruler}${slots.join('')}</section>`;
  };
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(options.title ?? blank.name)}</title>
<style>
@page { size: ${mm(blank.widthMm)} ${mm(blank.heightMm)}; margin: 0; }
html, body { margin: 0; padding: 0; }
body { font-family: 'Times New Roman', Times, serif; color: #000; }
.page { position: relative; width: ${mm(blank.widthMm)}; height: ${mm(blank.heightMm)}; overflow: hidden; page-break-after: always; break-after: page; box-sizing: border-box;${test ? ' outline: 0.3mm solid #000;' : ''} }
.slot { position: absolute; line-height: 1.25; white-space: pre-wrap; }
.slot.test { outline: 0.2mm dashed #555; }
.label { position: absolute; top: -3.5mm; left: 0; font: 7pt sans-serif; color: #555; white-space: nowrap; }
.tick { position: absolute; top: 0; height: 4mm; border-left: 0.2mm solid #000; font: 6pt sans-serif; padding-left: 0.5mm; }
</style></head><body>${pages.map(page).join('\n')}</body></html>`;
};

/** Sample values for the test print, as long as real ones get. */
export const sampleCertificateValues: CertificateValues = {
  nomineeName: 'Bà Nguyễn Thị Minh Khai',
  nomineeTitle: 'Phó Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam xã',
  nomineeUnitName: 'Ủy ban nhân dân xã An Bình',
  awardTypeName: 'Giấy khen',
  achievement: 'Đã có thành tích xuất sắc trong phong trào thi đua năm 2026',
  decisionNumber: 'Số: 123/QĐ-UBND',
  decisionDate: 'An Bình, ngày 15 tháng 12 năm 2026',
  place: 'An Bình',
  signerTitle: 'CHỦ TỊCH',
  signerName: 'Trần Văn Bình',
};

/** Points per millimetre (1 pt = 1/72 inch). */
export const PT_PER_MM = 72 / 25.4;
/** Text shrinks to fit its box down to this size, then wraps onto the box's lines (never leaves it). */
export const MIN_CERTIFICATE_PT = 6;
/** Line height over font size (the HTML preview's `line-height: 1.25`). */
export const CERTIFICATE_LINE = 1.25;

/** One printed line of a field, in points from the paper's top-left corner. */
export interface PlacedLine {
  text: string;
  /** Left edge of the text (after alignment in its box). */
  xPt: number;
  /** Baseline, from the top of the paper. */
  baselinePt: number;
}

export interface PlacedField {
  field: CertificateField;
  /** The box as configured plus the printer offset, in points. */
  box: { xPt: number; topPt: number; widthPt: number; heightPt: number };
  sizePt: number;
  bold: boolean;
  lines: PlacedLine[];
}

/** Width of `text` at `sizePt` in the printing font (the renderer's metrics: pure layout needs them). */
export type MeasureText = (text: string, sizePt: number, bold: boolean) => number;

/** Greedy word wrap at one size; a single word wider than the box stays whole (the size then shrinks). */
const wrap = (text: string, width: number, size: number, bold: boolean, measure: MeasureText): string[] => {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/u).filter((w) => w !== '')) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next, size, bold) > width) {
      out.push(line);
      line = word;
    } else line = next;
  }
  if (line || out.length === 0) out.push(line);
  return out;
};

/**
 * Where every field of one certificate prints: its box moved by the printer offset, mm → pt, the text at
 * the field's size or, if it does not fit the box's lines, the largest size (half-point steps, at least
 * `MIN_CERTIFICATE_PT`) at which it does; aligned in the box; each baseline one size below its line's top
 * (as the HTML preview sets it). A long name is shrunk, never cut.
 */
export const placeCertificate = (
  blank: CertificateBlank,
  values: CertificateValues,
  measure: MeasureText,
): PlacedField[] =>
  blank.slots.map((s) => {
    const raw = (values[s.field] ?? '').replace(/\s+/gu, ' ').trim();
    const text = s.uppercase ? raw.toLocaleUpperCase('vi') : raw;
    const maxLines = s.lines ?? 1;
    const widthPt = s.widthMm * PT_PER_MM;
    const fits = (size: number) => {
      const lines = wrap(text, widthPt, size, s.bold, measure);
      return lines.length <= maxLines && lines.every((l) => measure(l, size, s.bold) <= widthPt)
        ? lines
        : null;
    };
    let size = s.fontPt;
    let lines = fits(size);
    while (!lines && size > MIN_CERTIFICATE_PT) {
      size = Math.max(MIN_CERTIFICATE_PT, size - 0.5);
      lines = fits(size);
    }
    // Still too long at the smallest size: the last line takes the rest (printed, not silently dropped).
    const laid = lines ?? wrap(text, widthPt, size, s.bold, measure);
    const kept =
      laid.length > maxLines ? [...laid.slice(0, maxLines - 1), laid.slice(maxLines - 1).join(' ')] : laid;
    const xPt = (s.xMm + blank.offsetXMm) * PT_PER_MM;
    const topPt = (s.yMm + blank.offsetYMm) * PT_PER_MM;
    return {
      field: s.field,
      box: { xPt, topPt, widthPt, heightPt: maxLines * s.fontPt * CERTIFICATE_LINE },
      sizePt: size,
      bold: s.bold,
      lines: kept.map((l, i) => {
        const w = measure(l, size, s.bold);
        const free = Math.max(0, widthPt - w);
        const dx = s.align === 'center' ? free / 2 : s.align === 'right' ? free : 0;
        return { text: l, xPt: xPt + dx, baselinePt: topPt + size + i * size * CERTIFICATE_LINE };
      }),
    };
  });
