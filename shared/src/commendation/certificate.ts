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
 * positions in mm) that a browser prints at 100 % scale; no PDF engine is on main yet (ADR 0025).
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
