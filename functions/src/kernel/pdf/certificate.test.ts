import {
  blankFor,
  type CertificateBlank,
  type CertificateValues,
  defaultCertificateBlanks,
  PT_PER_MM,
  sampleCertificateValues,
} from '@thidua/shared/commendation';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderCertificatesPdf } from './certificate';
import { type PdfLine, readPdf } from './read';

/**
 * Issue 17, point 6: certificates printed on pre-printed blanks. The PDF is read back with PDF.js (not the
 * layout code): every field's text stands in its configured box (mm → pt, moved by the printer offset),
 * aligned as configured, on a page of the blank's size; a long name is shrunk into its box.
 */
const giayKhen = (): CertificateBlank => {
  const b = blankFor(defaultCertificateBlanks, 'giay_khen_chu_tich_ubnd_xa');
  if (!b) throw new Error('no giấy khen blank');
  return { ...b, offsetXMm: 3, offsetYMm: -2 };
};

const values: CertificateValues = {
  ...sampleCertificateValues,
  nomineeName: 'Bà Lê Thị Hoa',
  decisionNumber: 'Số: 07/QĐ-UBND',
};

const lineOf = (lines: PdfLine[], text: string): PdfLine => {
  const l = lines.find((x) => x.text === text);
  if (!l) throw new Error(`"${text}" not printed; printed: ${lines.map((x) => x.text).join(' | ')}`);
  return l;
};

const pageSizes = async (bytes: Uint8Array) =>
  (await PDFDocument.load(bytes)).getPages().map((p) => p.getSize());

// PDF.js and the fonts load on the first render: seconds on a loaded machine.
describe('certificates as PDF on a pre-printed blank', { timeout: 30_000 }, () => {
  it('prints each field in its box (±1 pt), offset applied, aligned, one page of the blank’s size per awardee', async () => {
    const blank = giayKhen();
    const second = { ...values, nomineeName: 'Ông Phạm Văn Nam' };
    const bytes = await renderCertificatesPdf(blank, [values, second], {
      title: 'Giấy khen',
      createdAt: new Date('2026-12-15T03:00:00Z'),
    });
    const sizes = await pageSizes(bytes);
    expect(sizes).toHaveLength(2);
    for (const s of sizes) {
      expect(s.width).toBeCloseTo(297 * PT_PER_MM, 1);
      expect(s.height).toBeCloseTo(210 * PT_PER_MM, 1);
    }
    const [first, next] = await readPdf(bytes);
    for (const slot of blank.slots) {
      const text = values[slot.field] ?? '';
      if (!text) continue;
      const shown = slot.uppercase ? text.toLocaleUpperCase('vi') : text;
      const l = lineOf(first ?? [], shown);
      const left = (slot.xMm + 3) * PT_PER_MM;
      const right = left + slot.widthMm * PT_PER_MM;
      const top = (slot.yMm - 2) * PT_PER_MM;
      // The baseline is one font size below the box's top (what the HTML preview does too).
      expect(Math.abs(l.y - (top + slot.fontPt)), slot.field).toBeLessThanOrEqual(1);
      expect(l.size, slot.field).toBe(slot.fontPt);
      expect(l.bold, slot.field).toBe(slot.bold);
      if (slot.align === 'left') expect(Math.abs(l.x - left), slot.field).toBeLessThanOrEqual(1);
      if (slot.align === 'right') expect(Math.abs(l.x + l.width - right), slot.field).toBeLessThanOrEqual(1);
      if (slot.align === 'center')
        expect(Math.abs(l.x + l.width / 2 - (left + right) / 2), slot.field).toBeLessThanOrEqual(1);
    }
    expect(next?.map((l) => l.text)).toContain('Ông Phạm Văn Nam');
    expect(next?.map((l) => l.text)).not.toContain('Bà Lê Thị Hoa');
  });

  it('without offset the same field prints 3 mm further left and 2 mm lower', async () => {
    const moved = giayKhen();
    const plain = { ...moved, offsetXMm: 0, offsetYMm: 0 };
    const read = async (b: CertificateBlank) =>
      lineOf(
        (await readPdf(await renderCertificatesPdf(b, [values], { title: 't', createdAt: new Date() })))[0] ??
          [],
        'Số: 07/QĐ-UBND',
      );
    const [a, b] = await Promise.all([read(moved), read(plain)]);
    expect(a.x - b.x).toBeCloseTo(3 * PT_PER_MM, 0);
    expect(b.y - a.y).toBeCloseTo(2 * PT_PER_MM, 0);
  });

  it('shrinks a name too long for its box until it fits, whole', async () => {
    const blank = giayKhen();
    const slot = blank.slots.find((s) => s.field === 'nomineeName');
    if (!slot) throw new Error('no name slot');
    const long = 'Tập thể Phòng Văn hóa – Thông tin và Khoa học, Công nghệ Ủy ban nhân dân phường Tân Phú';
    const [page] = await readPdf(
      await renderCertificatesPdf(blank, [{ ...values, nomineeName: long }], {
        title: 't',
        createdAt: new Date(),
      }),
    );
    const l = lineOf(page ?? [], long);
    expect(l.size).toBeLessThan(slot.fontPt);
    expect(l.width).toBeLessThanOrEqual(slot.widthMm * PT_PER_MM + 1);
    expect(l.x).toBeGreaterThanOrEqual((slot.xMm + 3) * PT_PER_MM - 1);
  });

  it('the test print names every box and carries centimetre rulers along the top and the left edge', async () => {
    const blank = giayKhen();
    const [page] = await readPdf(
      await renderCertificatesPdf(blank, [sampleCertificateValues], {
        title: 'In thử',
        createdAt: new Date(),
        testPrint: true,
      }),
    );
    const texts = (page ?? []).map((l) => l.text).join('\n');
    expect(texts).toContain('Tên tập thể / cá nhân');
    expect(texts).toContain('Họ tên người ký');
    // Numbers 1…29 along the 297 mm top edge (one per centimetre).
    const topNumbers = (page ?? []).filter((l) => l.y < 15).flatMap((l) => l.text.split(' '));
    expect(topNumbers).toContain('1');
    expect(topNumbers).toContain('29');
    expect(texts).toContain(sampleCertificateValues.signerName ?? '');
  });
});
