import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonical, mergeThreeWay, resolveMerge } from './merge';

const value = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('a', 'b', ''), fc.constant(undefined));
const row = fc.record({ name: value, n: value }, { requiredKeys: [] });
/** A small form's data: two sections, scalar fields and one table of two rows. */
const data = fc.record({
  figures: fc.record({ x: value, y: value, z: value }, { requiredKeys: [] }),
  list: fc.record({ rows: fc.tuple(row, row) }, { requiredKeys: [] }),
});
/** A side's edit of the base: each field kept or replaced. */
const edit = (base: Record<string, unknown>) =>
  data.chain((other) =>
    fc.record({ x: fc.boolean(), y: fc.boolean(), z: fc.boolean(), rows: fc.boolean() }).map((pick) => {
      const b = base as { figures: Record<string, unknown>; list: Record<string, unknown> };
      const o = other as { figures: Record<string, unknown>; list: Record<string, unknown> };
      return {
        figures: {
          x: pick.x ? o.figures.x : b.figures.x,
          y: pick.y ? o.figures.y : b.figures.y,
          z: pick.z ? o.figures.z : b.figures.z,
        },
        list: pick.rows ? o.list : b.list,
      };
    }),
  );
const triple = data.chain((base) => fc.tuple(fc.constant(base), edit(base), edit(base)));
const fields = (d: Record<string, unknown>): Record<string, string> => {
  const f = (d.figures ?? {}) as Record<string, unknown>;
  const rows = ((d.list as { rows?: unknown[] } | undefined)?.rows ?? []) as unknown[];
  return {
    x: canonical(f.x),
    y: canonical(f.y),
    z: canonical(f.z),
    r0: canonical(rows[0]),
    r1: canonical(rows[1]),
  };
};

const PATHS = {
  x: 'figures.x',
  y: 'figures.y',
  z: 'figures.z',
  r0: 'list.rows.0',
  r1: 'list.rows.1',
} as const;

describe('three-way merge of form data, field by field (issue 15)', () => {
  it('merges fields changed on one side, asks only those changed on both', () => {
    const base = { figures: { a: 1, b: 2, c: 3 } };
    const local = { figures: { a: 10, b: 2, c: 30 } };
    const remote = { figures: { a: 1, b: 20, c: 31 } };
    const r = mergeThreeWay(base, local, remote);
    expect(r.fromLocal).toEqual(['figures.a']);
    expect(r.fromRemote).toEqual(['figures.b']);
    expect(r.conflicts).toEqual([{ path: 'figures.c', base: 3, local: 30, remote: 31 }]);
    expect(resolveMerge(r, { 'figures.c': 'local' })).toEqual({ figures: { a: 10, b: 20, c: 30 } });
    expect(resolveMerge(r, {})).toEqual({ figures: { a: 10, b: 20, c: 31 } });
  });

  it('merges a table row by row while its rows stay the same number, else as one field', () => {
    const base = { s: { t: [{ n: 1 }, { n: 2 }] } };
    const byRow = mergeThreeWay(base, { s: { t: [{ n: 5 }, { n: 2 }] } }, { s: { t: [{ n: 1 }, { n: 7 }] } });
    expect(byRow.conflicts).toEqual([]);
    expect(byRow.merged).toEqual({ s: { t: [{ n: 5 }, { n: 7 }] } });
    const grown = mergeThreeWay(
      base,
      { s: { t: [{ n: 1 }, { n: 2 }, { n: 3 }] } },
      { s: { t: [{ n: 9 }, { n: 2 }] } },
    );
    expect(grown.conflicts.map((c) => c.path)).toEqual(['s.t']);
  });

  it('property: no field is silently discarded', () => {
    fc.assert(
      fc.property(triple, ([base, local, remote]) => {
        const r = mergeThreeWay(base, local, remote);
        const asked = new Set(r.conflicts.map((c) => c.path));
        const [b, l, m, out] = [fields(base), fields(local), fields(remote), fields(r.merged)];
        for (const k of Object.keys(PATHS) as (keyof typeof PATHS)[]) {
          const path = PATHS[k];
          // A table asked whole (its rows changed in number) stands for each of its rows.
          const whole = k.startsWith('r') && asked.has('list.rows');
          if (asked.has(path)) {
            // Asked: both changed it, differently; the answer picks one side.
            expect(l[k] !== b[k] && m[k] !== b[k] && l[k] !== m[k]).toBe(true);
            expect(fields(resolveMerge(r, { [path]: 'local' }))[k]).toBe(l[k]);
          } else if (whole) {
            expect(fields(resolveMerge(r, { 'list.rows': 'local' }))[k]).toBe(l[k]);
            expect(fields(resolveMerge(r, {}))[k]).toBe(m[k]);
          } else if (l[k] !== b[k])
            expect(out[k]).toBe(l[k]); // this device's change kept
          else expect(out[k]).toBe(m[k]); // the server's change (or nobody's) kept
        }
      }),
    );
  });

  it('property: merging with an unchanged side gives the other side; merging identical edits asks nothing', () => {
    fc.assert(
      fc.property(triple, ([base, local, remote]) => {
        expect(canonical(mergeThreeWay(base, base, remote).merged)).toBe(canonical(remote));
        expect(mergeThreeWay(base, base, remote).conflicts).toEqual([]);
        expect(canonical(mergeThreeWay(base, local, base).merged)).toBe(canonical(local));
        expect(mergeThreeWay(base, local, local).conflicts).toEqual([]);
      }),
    );
  });

  it('property: symmetric — the same fields conflict whichever side is "this device"', () => {
    fc.assert(
      fc.property(triple, ([base, local, remote]) => {
        const a = mergeThreeWay(base, local, remote);
        const b = mergeThreeWay(base, remote, local);
        expect(a.conflicts.map((c) => c.path)).toEqual(b.conflicts.map((c) => c.path));
        expect(
          canonical(resolveMerge(a, Object.fromEntries(a.conflicts.map((c) => [c.path, 'local'])))),
        ).toBe(canonical(b.merged));
      }),
    );
  });
});
