import { templates2023 } from '@thidua/shared/forms';
import { describe, expect, it } from 'vitest';
import { fromPickers, toPickers } from './conditions';
import { formulaMessage, insertAt } from './formulas';
import {
  addField,
  addRule,
  addSection,
  changeFieldType,
  checkBuilt,
  emptyTemplate,
  exportJson,
  fieldTypeLabels,
  fromTemplate,
  importJson,
  keyFromLabel,
  moveField,
  moveItem,
  moveSection,
  newField,
  removeField,
  sumAsFormula,
  updateField,
  updateRule,
  updateSection,
} from './model';

/** The issue's monthly report, built with the builder's own edits. */
function clearanceReport() {
  let t = emptyTemplate('Báo cáo tháng về điều tra khám phá');
  t = updateSection(t, 0, { key: 'ket_qua', title: 'Kết quả' });
  t = updateField(t, 0, 0, { ...newField('integer', 'phat_hien', 'Số vụ phát hiện'), required: true });
  t = addField(t, 0, 'integer');
  t = updateField(t, 0, 1, { ...newField('integer', 'kham_pha', 'Số vụ đã khám phá'), required: true });
  t = addField(t, 0, 'computed');
  t = updateField(t, 0, 2, {
    ...newField('computed', 'ty_le', 'Tỷ lệ điều tra khám phá'),
    formula: 'round(percent(ket_qua.kham_pha, ket_qua.phat_hien), 0)',
  } as never);
  t = addRule(t);
  t = updateRule(t, 0, {
    key: 'kham_pha_le_phat_hien',
    formula: 'ket_qua.kham_pha <= ket_qua.phat_hien',
    message: 'Số vụ đã khám phá không được lớn hơn số vụ phát hiện',
  });
  return t;
}

describe('form builder model', () => {
  it('keys come from Vietnamese labels, plain and unique', () => {
    expect(keyFromLabel('Số vụ đã khám phá')).toBe('so_vu_da_kham_pha');
    expect(keyFromLabel('Đơn vị')).toBe('don_vi');
    expect(keyFromLabel('1. Tổng số')).toBe('truong_1_tong_so');
    const t = addField(addField(emptyTemplate(), 0, 'integer'), 0, 'integer');
    const keys = t.sections[0]?.fields.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys?.length);
  });

  it('moves an item up, down and to the ends, and never out of the list', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, 99)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b', 'c'], 1, -5)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 5, 0)).toEqual(['a', 'b', 'c']);
  });

  it('moves a field into another section without making two fields one', () => {
    let t = addSection(emptyTemplate());
    expect(t.sections[0]?.fields[0]?.key).toBe('truong_1');
    expect(t.sections[1]?.fields[0]?.key).toBe('truong_1');
    t = moveField(t, { section: 0, field: 0 }, { section: 1, field: 0 });
    expect(t.sections[0]?.fields).toEqual([]);
    expect(t.sections[1]?.fields.map((f) => f.key)).toEqual(['truong_1_2', 'truong_1']);
    const back = moveSection(t, 1, 0);
    expect(back.sections.map((s) => s.key)).toEqual([t.sections[1]?.key, t.sections[0]?.key]);
  });

  it('every field type starts valid, and changing a type keeps label, help, required', () => {
    for (const type of Object.keys(fieldTypeLabels) as (keyof typeof fieldTypeLabels)[]) {
      const t = updateField(emptyTemplate(), 0, 0, newField(type, 'x', fieldTypeLabels[type]));
      expect(checkBuilt(t), type).toMatchObject({ ok: true });
    }
    const changed = changeFieldType(
      { ...newField('text', 'a', 'Tên'), help: 'Ghi rõ', required: true },
      'select',
    );
    expect(changed).toMatchObject({ key: 'a', label: 'Tên', help: 'Ghi rõ', required: true, type: 'select' });
  });

  it('builds the monthly report with a clearance rate and a rule that publication accepts', () => {
    const checked = checkBuilt(clearanceReport(), 'bao-cao-thang', 1);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.template.rules[0]?.formula).toBe('ket_qua.kham_pha <= ket_qua.phat_hien');
    expect(checked.template.sections[0]?.fields.map((f) => f.type)).toEqual([
      'integer',
      'integer',
      'computed',
    ]);
  });

  it('an edit that breaks the form is reported with its path in Vietnamese', () => {
    const t = removeField(clearanceReport(), 0, 1);
    const checked = checkBuilt(t);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.issues.map((i) => i.path.join('.'))).toContain('rules.0.formula');
    expect(checked.issues[0]?.message).toMatch(/Không có trường "ket_qua.kham_pha"/);
  });

  it('formulas: live messages for what does not parse, does not exist, or has the wrong type', () => {
    const t = clearanceReport();
    expect(formulaMessage('round(percent(ket_qua.kham_pha, ket_qua.phat_hien), 0)', t, 'number')).toBeNull();
    expect(formulaMessage('ket_qua.kham_pha +', t, 'number')).toMatch(/^Công thức lỗi ở ký tự/);
    expect(formulaMessage('ket_qua.khong_co * 2', t, 'number')).toMatch(/Không có trường/);
    expect(formulaMessage('ket_qua.kham_pha', t, 'boolean')).toBe('Quy tắc phải cho ra đúng hoặc sai');
    expect(formulaMessage(' ', t, 'number')).toBe('Chưa nhập công thức');
    expect(insertAt('round(, 0)', 'ket_qua.kham_pha', { start: 6, end: 6 })).toEqual({
      text: 'round(ket_qua.kham_pha, 0)',
      caret: 22,
    });
  });

  it('a 2023 sum becomes the same total as a formula; a reviewer-score sum stays a sum', () => {
    const report = templates2023.find((t) => t.id === 'periodic_report_2023');
    const total = report?.sections.flatMap((s) => s.fields).find((f) => f.type === 'computed' && f.sum);
    if (total?.type !== 'computed' || !total.sum) throw new Error('the 2023 report has a computed sum');
    const formula = sumAsFormula(total.sum);
    expect(formula).toBe('sum(figures.crimesDetected, figures.drugCases, figures.traffickingCases)');
    if (!report) return;
    const converted = fromTemplate(report);
    const at = converted.sections.findIndex((s) => s.fields.some((f) => f.key === total.key));
    const fi = converted.sections[at]?.fields.findIndex((f) => f.key === total.key) ?? -1;
    const next = updateField(converted, at, fi, {
      ...total,
      formula: formula ?? '',
      sum: undefined,
    } as never);
    expect(checkBuilt(next, report.id, 2).ok).toBe(true);
    expect(sumAsFormula([{ field: 'a.b', part: 'reviewerScore' }])).toBeNull();
    expect(
      sumAsFormula([
        { field: 'a.t', column: 'n' },
        { field: 'a.s', part: 'selfScore' },
      ]),
    ).toBe('sum(a.t.n, a.s)');
  });

  it('conditions from the pickers: all, any, not, and back', () => {
    const targets = [
      { ref: 'a.n', label: 'N', kind: 'number' as const, options: [] },
      { ref: 'a.c', label: 'C', kind: 'choice' as const, options: [{ value: 'x', label: 'X' }] },
    ];
    const items = [
      { field: 'a.n', op: 'gt' as const, value: '3' },
      { field: 'a.c', op: 'eq' as const, value: 'x' },
    ];
    expect(fromPickers('any', items, targets)).toEqual({
      any: [
        { field: 'a.n', op: 'gt', value: 3 },
        { field: 'a.c', op: 'eq', value: 'x' },
      ],
    });
    expect(fromPickers('not', items, targets)).toEqual({ not: { field: 'a.n', op: 'gt', value: 3 } });
    expect(fromPickers('all', [{ field: 'a.n', op: 'gt', value: '' }], targets)).toBeUndefined();
    expect(toPickers({ not: { field: 'a.n', op: 'filled' } })).toEqual({
      mode: 'not',
      items: [{ field: 'a.n', op: 'filled', value: '' }],
    });
  });

  it('JSON: an export imports back as the same template; the five 2023 forms import', () => {
    const t = clearanceReport();
    const back = importJson(exportJson(t));
    expect(back.ok).toBe(true);
    if (back.ok) expect(checkBuilt(back.template)).toEqual(checkBuilt(t));
    for (const template of templates2023) {
      const imported = importJson(JSON.stringify(template));
      expect(imported.ok, template.id).toBe(true);
      if (imported.ok) expect(imported.template).toEqual(fromTemplate({ ...template }));
    }
  });

  it('sensitive fields and sections and a Mật template are kept through drafts, JSON and publication', () => {
    let t = clearanceReport();
    t = updateSection(t, 0, { sensitive: true });
    t = updateField(t, 0, 0, { ...newField('integer', 'phat_hien', 'Số vụ phát hiện'), sensitive: true });
    t = { ...t, classified: true };
    const checked = checkBuilt(t);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.template).toMatchObject({ classified: true, sections: [{ sensitive: true }] });
    expect(checked.template.sections[0]?.fields[0]).toMatchObject({ sensitive: true });
    const back = importJson(exportJson(t));
    expect(back.ok && back.template.classified).toBe(true);
  });

  it('JSON import refuses bad input with where and why, in Vietnamese', () => {
    expect(importJson('{ "title": ')).toMatchObject({ ok: false, problems: [{ where: 'Tệp JSON' }] });
    expect(importJson('[1]')).toMatchObject({ ok: false, problems: [{ where: 'Tệp JSON' }] });
    const broken = JSON.parse(exportJson(clearanceReport()));
    broken.sections[0].fields[1].label = '';
    broken.sections[0].fields[0].key = 'constructor';
    broken.rules[0].formula = 'ket_qua.kham_pha <=';
    const r = importJson(JSON.stringify(broken));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const where = r.problems.map((p) => p.where);
    expect(where).toContain('Phần 1 › Trường 2 › nhãn (sections.0.fields.1.label)');
    expect(where).toContain('Quy tắc 1 › công thức (rules.0.formula)');
    for (const p of r.problems) expect(p.message).toMatch(/[àáảãạăâđêôơư]/i);
  });
});
