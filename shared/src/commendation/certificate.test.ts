import { describe, expect, it } from 'vitest';
import {
  blankFor,
  CertificateBlank,
  certificateHtml,
  certificateValues,
  sampleCertificateValues,
} from './certificate';
import { defaultCertificateBlanks } from './config-2023';

const giayKhen = () => {
  const b = blankFor(defaultCertificateBlanks, 'giay_khen_chu_tich_ubnd_xa');
  if (!b) throw new Error('blank');
  return b;
};

describe('certificates on pre-printed blanks', () => {
  it('print each field at its configured place in mm, shifted by the printer offset, on a page of the blank’s size', () => {
    const blank = { ...giayKhen(), offsetXMm: 1.5, offsetYMm: -2 };
    const html = certificateHtml(blank, [
      certificateValues(
        {
          numberText: '07/QĐ-UBND',
          signedOn: '2026-12-15',
          signerName: 'Trần Văn Bình',
          signerTitle: 'CHỦ TỊCH',
        },
        {
          nomineeName: 'Tổ dân phố 3',
          nomineeTitle: '',
          nomineeUnitName: 'Phường Tân Phú',
          awardTypeName: 'Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã',
        },
        'Tân Phú',
        'Đã có thành tích xuất sắc năm 2026',
      ),
    ]);
    expect(html).toContain('@page { size: 297mm 210mm; margin: 0; }');
    // nomineeName at x 40, y 88 → 41.5 mm, 86 mm.
    expect(html).toMatch(
      /data-field="nomineeName" style="left:41.5mm;top:86mm;width:217mm;font-size:20pt;text-align:center;font-weight:bold">Tổ dân phố 3</,
    );
    expect(html).toContain('>Số: 07/QĐ-UBND<');
    expect(html).toContain('>Tân Phú, ngày 15 tháng 12 năm 2026<');
    expect(html.match(/class="page"/g)).toHaveLength(1);
    expect(html).not.toContain('class="label"');
  });

  it('the test print shows every field’s box and name, the paper’s edge and a scale; text is escaped', () => {
    const blank = giayKhen();
    const html = certificateHtml(blank, [{ ...sampleCertificateValues, nomineeName: '<b>Ông A & B</b>' }], {
      testPrint: true,
    });
    expect(html.match(/class="slot test"/g)).toHaveLength(blank.slots.length);
    expect(html).toContain('Tên tập thể / cá nhân');
    expect(html).toContain('&lt;b&gt;Ông A &amp; B&lt;/b&gt;');
    expect(html.match(/class="tick"/g)).toHaveLength(30);
  });

  it('refuses a field box that runs off the blank, naming the field', () => {
    const r = CertificateBlank.safeParse({
      ...giayKhen(),
      slots: [{ field: 'nomineeName', xMm: 200, yMm: 50, widthMm: 120 }],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['slots.0.widthMm']);
  });

  it('every default blank is valid and an award type without one prints nothing', () => {
    for (const b of defaultCertificateBlanks) expect(CertificateBlank.safeParse(b).success).toBe(true);
    expect(blankFor(defaultCertificateBlanks, 'co_thi_dua_ubnd_tinh')).toBeNull();
  });
});
