import { describe, expect, it } from 'vitest';
import { computeValues } from './evaluate';
import { FormTemplate, type FormTemplateInput } from './schema';
import { validateFormData } from './validate';

/** The monthly crime-prevention report the secretariat builds in issue 14: a clearance rate and a rule. */
const monthly: FormTemplateInput = {
  id: 'bao_cao_thang_2026',
  version: 1,
  kind: 'report',
  title: 'Báo cáo tháng về phòng, chống tội phạm',
  sections: [
    {
      key: 'ket_qua',
      title: 'Kết quả',
      fields: [
        { key: 'phat_hien', type: 'integer', label: 'Số vụ phát hiện', min: 0 },
        { key: 'da_xu_ly', type: 'integer', label: 'Số vụ đã xử lý', min: 0 },
        {
          key: 'ty_le',
          type: 'computed',
          label: 'Tỷ lệ xử lý (%)',
          formula: 'round(percent(ket_qua.da_xu_ly, ket_qua.phat_hien), 1)',
        },
        {
          key: 'diem_nong',
          type: 'table',
          label: 'Điểm nóng',
          columns: [
            { key: 'ten', type: 'text', label: 'Tên' },
            { key: 'so_vu', type: 'integer', label: 'Số vụ' },
          ],
        },
        {
          key: 'tong_vu_diem_nong',
          type: 'computed',
          label: 'Tổng',
          formula: 'sum(ket_qua.diem_nong.so_vu)',
        },
      ],
    },
  ],
  rules: [
    {
      key: 'xu_ly_khong_vuot',
      formula: 'ket_qua.da_xu_ly <= ket_qua.phat_hien',
      message: 'Số vụ đã xử lý không được lớn hơn số vụ phát hiện',
    },
  ],
};

describe('formulas and cross-field rules in a template', () => {
  const template = FormTemplate.parse(monthly);

  it('computes a clearance rate and a column total, and leaves the rate empty until figures exist', () => {
    expect(
      computeValues(template, {
        ket_qua: { phat_hien: 3, da_xu_ly: 2, diem_nong: [{ so_vu: 4 }, { so_vu: 1 }] },
      }),
    ).toEqual({ 'ket_qua.ty_le': 66.7, 'ket_qua.tong_vu_diem_nong': 5 });
    expect(computeValues(template, { ket_qua: { phat_hien: 0, da_xu_ly: 0 } })).toEqual({
      'ket_qua.tong_vu_diem_nong': 0,
    });
  });

  it('a broken rule blocks sending with the author message at the first field it reads, never saving', () => {
    const bad = { ket_qua: { phat_hien: 2, da_xu_ly: 5 } };
    expect(validateFormData(template, bad, { mode: 'submit' }).issues).toEqual([
      { path: ['ket_qua', 'da_xu_ly'], message: 'Số vụ đã xử lý không được lớn hơn số vụ phát hiện' },
    ]);
    expect(validateFormData(template, bad, { mode: 'draft' }).ok).toBe(true);
    expect(
      validateFormData(template, { ket_qua: { phat_hien: 5, da_xu_ly: 2 } }, { mode: 'submit' }).ok,
    ).toBe(true);
  });

  it('refuses at publication a formula that does not parse, reads an unknown field, has the wrong type or loops', () => {
    const withFormula = (formula: string, rule = 'ket_qua.da_xu_ly <= ket_qua.phat_hien') => {
      const copy = structuredClone(monthly);
      const field = copy.sections[0]?.fields[2];
      if (field?.type === 'computed') field.formula = formula;
      if (copy.rules?.[0]) copy.rules[0].formula = rule;
      const r = FormTemplate.safeParse(copy);
      return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
    };
    expect(withFormula('percent(ket_qua.da_xu_ly')).toEqual([
      ['sections.0.fields.2.formula', 'Công thức lỗi ở ký tự 25: Thiếu dấu ngoặc đóng ")" của hàm percent'],
    ]);
    expect(withFormula('ket_qua.khong_co * 2')).toEqual([
      [
        'sections.0.fields.2.formula',
        'Công thức lỗi: Không có trường "ket_qua.khong_co" dùng được trong công thức',
      ],
    ]);
    expect(withFormula('ket_qua.phat_hien > 1')).toEqual([
      ['sections.0.fields.2.formula', 'Công thức phải cho ra một số'],
    ]);
    expect(withFormula('ket_qua.ty_le + 1')).toEqual([
      ['sections', 'Trường tính toán "ket_qua.ty_le" tham chiếu vòng tròn'],
    ]);
    expect(withFormula('1', 'ket_qua.phat_hien + 1')).toEqual([
      ['rules.0.formula', 'Quy tắc phải cho ra đúng hoặc sai'],
    ]);
  });

  it('a computed field is a sum or a formula, exactly one', () => {
    const copy = structuredClone(monthly);
    const field = copy.sections[0]?.fields[2];
    if (field?.type === 'computed') field.sum = [{ field: 'ket_qua.phat_hien' }];
    expect(FormTemplate.safeParse(copy).success).toBe(false);
  });
});
