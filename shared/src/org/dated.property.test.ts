import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../common';
import { makeUnit } from '../testing/worlds';
import { applyUnitChange, orgIssues, parentsInForceOn, type UnitChange } from './changes';
import { hasParentCycleOn, heirsOn, lineage, pathOn, treeOn } from './dated';
import type { Unit } from './schema';
import { indexUnits } from './tree';

/**
 * Whatever an administrator does, in whatever order, the organisation keeps its invariants on every
 * day: no cycle, at most one parent, every open unit under an open parent, no loop of successors.
 */
const ids = ['p', 'd1', 'd2', 'c1', 'c2', 'c3', 'n1', 'n2', 'n3'];
const days = ['2020-01-01', '2023-01-01', '2024-06-15', '2025-07-01', '2026-01-01', '2027-03-01'];

function start(): Unit[] {
  const p = makeUnit('p', 'province', 'P', null);
  const d1 = makeUnit('d1', 'district', 'D1', p);
  const d2 = makeUnit('d2', 'district', 'D2', p);
  return [
    p,
    d1,
    d2,
    makeUnit('c1', 'commune', 'C1', d1),
    makeUnit('c2', 'commune', 'C2', d1),
    makeUnit('c3', 'commune', 'C3', d2),
  ];
}

const id = fc.constantFrom(...ids);
const day = fc.constantFrom(...days);
const change: fc.Arbitrary<UnitChange> = fc.oneof(
  fc.record({ id, parentId: id, day, kind: fc.constantFrom('district', 'commune') }).map(
    ({ id, parentId, day, kind }): UnitChange => ({
      type: 'create',
      unit: { tenantId: 'binh-phuoc', id, kind, name: `Mới ${id}`, parentId, openedOn: day },
    }),
  ),
  fc
    .record({ unitId: id, from: day, name: fc.constantFrom('A', 'B') })
    .map((c): UnitChange => ({ type: 'rename', ...c })),
  fc
    .record({ unitId: id, from: day, kind: fc.constantFrom('district', 'commune', 'ward') })
    .map((c): UnitChange => ({ type: 'change_kind', ...c })),
  fc.record({ unitId: id, parentId: id, from: day }).map((c): UnitChange => ({ type: 'move', ...c })),
  fc.record({ unitId: id, on: day }).map((c): UnitChange => ({ type: 'close', ...c })),
  fc
    .record({
      predecessorIds: fc.uniqueArray(id, { minLength: 1, maxLength: 2 }),
      successorIds: fc.uniqueArray(id, { minLength: 1, maxLength: 2 }),
      from: day,
    })
    .map((c): UnitChange => ({ type: 'succession', ...c })),
);

function apply(units: Unit[], c: UnitChange): Unit[] {
  const r = applyUnitChange(units, c);
  if (!r.ok) return units;
  const changed = indexUnits(r.changed);
  return [
    ...units.map((u) => changed.get(u.id) ?? u),
    ...r.changed.filter((u) => !units.some((x) => x.id === u.id)),
  ];
}

describe('the dated organisation (property)', () => {
  it('keeps every invariant on every day, whatever changes are accepted', () => {
    fc.assert(
      fc.property(
        fc.array(change, { maxLength: 25 }),
        fc.constantFrom(...days.flatMap((d) => [d, addDays(d, -1), addDays(d, 1)])),
        (changes, probe) => {
          const units = changes.reduce(apply, start());
          expect(orgIssues(units)).toEqual([]);
          const byId = indexUnits(units);
          for (const u of units) {
            expect(parentsInForceOn(u, probe)).toBeLessThanOrEqual(1);
            expect(hasParentCycleOn(byId, u, probe)).toBe(false);
            expect(lineage(units, u.id).map((x) => x.id)).not.toContain(u.id);
            // Each predecessor names the unit among its heirs (links never end in this model).
            for (const p of lineage(units, u.id))
              expect(heirsOn(byId, p.id, '2100-01-01').map((h) => h.unitId)).toContain(u.id);
          }
          // The tree on any day: each open unit's path runs through open units, without repeating.
          const tree = treeOn(units, probe);
          for (const u of tree.values()) {
            expect(new Set(u.path).size).toBe(u.path.length);
            expect(u.path).not.toContain(u.id);
            for (const a of u.path) expect(tree.has(a)).toBe(true);
            expect(pathOn(byId, byId.get(u.id) as Unit, probe)).toEqual(u.path);
          }
          // The flat path (tree index) is the latest parents' path.
          for (const u of units) {
            const parent = u.parentId === null ? undefined : byId.get(u.parentId);
            expect(u.path).toEqual(parent === undefined ? [] : [...parent.path, parent.id]);
          }
        },
      ),
      { numRuns: 250 },
    );
  }, 60_000);

  it('accepts real work: some random sequences change the tree', () => {
    // Guards the property above against passing only because every change is refused.
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(change, { minLength: 5, maxLength: 25 }), (changes) => {
        let units = start();
        for (const c of changes) {
          if (!applyUnitChange(units, c).ok) continue;
          units = apply(units, c);
          accepted++;
        }
      }),
      { numRuns: 150 },
    );
    expect(accepted).toBeGreaterThan(150);
  }, 60_000);
});
