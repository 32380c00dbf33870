import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INVALID_KEPT_MAX_BYTES, mergeable, splitDraft, withInvalidInput } from './draft';
import { findTemplate2023 } from './templates-2023';
import { validateFormData } from './validate';

const report = (() => {
  const t = findTemplate2023('periodic_report_2023');
  if (t === undefined) throw new Error('template');
  return t;
})();

describe('splitDraft: valid fields are saved, invalid input is kept and flagged (issue 15)', () => {
  it('keeps a whole field, a table cell and recomputes totals without the invalid input', () => {
    const input = {
      figures: { crimesDetected: 4, drugCases: '12a', traffickingCases: 1 },
      propaganda: {
        sessions: 3,
        models: [
          { name: 'Tổ tự quản', field: 'crime', members: 'mười' },
          { name: 'Camera', field: 'security', startedOn: '2023-02-30' },
        ],
      },
    };
    const r = splitDraft(report, input);
    if (!r.ok) throw new Error('split');
    expect(r.invalid).toEqual([
      { path: 'figures.drugCases', value: '12a', message: 'Phải là số nguyên' },
      { path: 'propaganda.models.0.members', value: 'mười', message: 'Phải là số nguyên' },
      { path: 'propaganda.models.1.startedOn', value: '2023-02-30', message: 'Ngày không hợp lệ' },
    ]);
    expect(r.value.figures).toEqual({ crimesDetected: 4, traffickingCases: 1, totalCases: 5 });
    expect(r.value.propaganda?.models).toEqual([
      { name: 'Tổ tự quản', field: 'crime' },
      { name: 'Camera', field: 'security' },
    ]);
    // What is stored is valid; put back, it is what the person typed.
    expect(validateFormData(report, r.value, { mode: 'draft' }).ok).toBe(true);
    const back = withInvalidInput(r.value, r.invalid) as typeof input;
    expect(back.figures.drugCases).toBe('12a');
    expect(back.propaganda.models[0]?.members).toBe('mười');
    expect(back.propaganda.models[1]?.startedOn).toBe('2023-02-30');
  });

  it('keeps a row that is not a row, and a table over its row limit whole', () => {
    const r = splitDraft(report, { propaganda: { models: ['x', { name: 'A', field: 'crime' }] } });
    if (!r.ok) throw new Error('split');
    expect(r.invalid).toEqual([{ path: 'propaganda.models.0', value: 'x', message: 'Dòng không hợp lệ' }]);
    expect(r.value.propaganda?.models).toEqual([{}, { name: 'A', field: 'crime' }]);
    const many = Array.from({ length: 101 }, () => ({ name: 'A', field: 'crime' }));
    const over = splitDraft(report, { propaganda: { models: many, sessions: 2 } });
    if (!over.ok) throw new Error('split');
    expect(over.invalid.map((i) => i.path)).toEqual(['propaganda.models']);
    expect(over.value.propaganda).toMatchObject({ sessions: 2 });
  });

  it('refuses to keep more than its limit of invalid input (the item must fit DynamoDB)', () => {
    const big = 'x'.repeat(INVALID_KEPT_MAX_BYTES);
    const r = splitDraft(report, { figures: { drugCases: big } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.path).toBe('figures.drugCases');
  });

  it('property: never loses a typed value — stored data plus kept input give back every field typed', () => {
    const cell = fc.oneof(fc.integer({ min: -5, max: 500 }), fc.string({ maxLength: 6 }), fc.constant(null));
    fc.assert(
      fc.property(
        fc.record({ crimesDetected: cell, drugCases: cell, sessions: cell, members: cell }),
        (v) => {
          const input = {
            figures: { crimesDetected: v.crimesDetected, drugCases: v.drugCases },
            propaganda: { sessions: v.sessions, models: [{ name: 'A', field: 'crime', members: v.members }] },
          };
          const r = splitDraft(report, input);
          if (!r.ok) return false;
          expect(validateFormData(report, r.value, { mode: 'draft' }).ok).toBe(true);
          const back = withInvalidInput(r.value, r.invalid) as Record<string, Record<string, unknown>>;
          // Kept as typed, or stored as the number it spells ("012" is 12, "-0" is 0): never lost.
          const same = (typed: unknown, got: unknown) => {
            const text = String(typed).trim();
            if (typed === null || text === '') return true;
            if (/^-?\d+(\.\d+)?$/.test(text) && typeof got === 'number') return Number(text) === got;
            return text === String(got).trim();
          };
          expect(same(v.crimesDetected, back.figures?.crimesDetected)).toBe(true);
          expect(same(v.drugCases, back.figures?.drugCases)).toBe(true);
          expect(same(v.sessions, back.propaganda?.sessions)).toBe(true);
          const row = (back.propaganda?.models as Record<string, unknown>[] | undefined)?.[0];
          expect(same(v.members, row?.members)).toBe(true);
          return true;
        },
      ),
      { examples: [[{ crimesDetected: '012', drugCases: '-0', sessions: ' 7', members: 'mười' }]] },
    );
  });
});

describe('mergeable: a draft as the merge compares it', () => {
  it('numbers typed as text are numbers, invalid input stays, computed totals are left out', () => {
    expect(
      mergeable(report, {
        figures: { crimesDetected: '4', drugCases: 'x', totalCases: 99 },
        propaganda: { sessions: 2 },
      }),
    ).toEqual({ figures: { crimesDetected: 4, drugCases: 'x' }, propaganda: { sessions: 2 } });
  });
});
