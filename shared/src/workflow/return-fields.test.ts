import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldOfPath, returnFields } from './comments';

const comment = (path: string, level: number, withReturn: boolean, answered = false) => ({
  path,
  level,
  withReturn,
  answer: answered ? { text: 'đã sửa', author: {} as never } : null,
});

describe('the fields a return points at (one mechanism for the dialog and the comments)', () => {
  it("picked first, then the level's unanswered comments with the return, each field once", () => {
    const comments = [
      comment('figures.drugCases', 0, true),
      comment('figures.crimesDetected', 0, true),
      comment('figures.selfScore', 0, false),
      comment('evidence.files', 1, true),
      comment('figures.other', 0, true, true),
      comment('table.rows.3.amount', 0, true),
    ];
    expect(returnFields(['figures.crimesDetected'], comments, 0)).toEqual([
      'figures.crimesDetected',
      'figures.drugCases',
      'table.rows',
    ]);
    expect(returnFields(undefined, comments, 1)).toEqual(['evidence.files']);
    expect(returnFields(undefined, [], 0)).toEqual([]);
  });

  it('whatever is picked or commented, the first picked field is where the link opens', () => {
    const path = fc
      .tuple(fc.constantFrom('a', 'b'), fc.constantFrom('x', 'y', 'z'), fc.option(fc.nat(9)))
      .map(([s, f, row]) => (row === null ? `${s}.${f}` : `${s}.${f}.${row}`));
    fc.assert(
      fc.property(
        fc.array(path, { maxLength: 5 }),
        fc.array(fc.tuple(path, fc.nat(2), fc.boolean(), fc.boolean()), { maxLength: 8 }),
        fc.nat(2),
        (picked, raw, level) => {
          const comments = raw.map(([p, l, w, a]) => comment(p, l, w, a));
          const out = returnFields(picked, comments, level);
          expect(new Set(out).size).toBe(out.length);
          if (picked[0]) expect(out[0]).toBe(fieldOfPath(picked[0]));
          for (const c of comments.filter((x) => x.withReturn && !x.answer && x.level === level))
            expect(out).toContain(fieldOfPath(c.path));
          for (const f of out) expect(f.split('.')).toHaveLength(2);
        },
      ),
    );
  });
});
