import { describe, expect, it } from 'vitest';
import { makeUnit } from '../testing/worlds';
import { ChainConfig, chainConfig2023, deriveChain } from './chain';
import { applyUnitChange, orgIssues, type UnitChange } from './changes';
import { heirsOn, lineage, pathOn, treeOn, treeRowsOn, unitOn } from './dated';
import { nameOn, setFrom } from './history';
import type { Unit } from './schema';
import { indexUnits, resolveSuccessor, resolveSuccessors } from './tree';

/** Applies changes in order; a refusal fails the test with its reasons. */
export function applyAll(units: readonly Unit[], changes: readonly UnitChange[]): Unit[] {
  let current = [...units];
  for (const change of changes) {
    const r = applyUnitChange(current, change);
    if (!r.ok) throw new Error(`${change.type}: ${r.issues.map((i) => i.message).join('; ')}`);
    const byId = indexUnits(r.changed);
    current = [
      ...current.map((u) => byId.get(u.id) ?? u),
      ...r.changed.filter((u) => !current.some((c) => c.id === u.id)),
    ];
  }
  return current;
}

/** A province with two districts, two communes under the first and one department. */
function world(): Unit[] {
  const p = makeUnit('p', 'province', 'Tỉnh P', null);
  const d1 = makeUnit('d1', 'district', 'Huyện Một', p);
  const d2 = makeUnit('d2', 'district', 'Huyện Hai', p);
  return [p, d1, d2, makeUnit('c1', 'commune', 'Xã Một', d1), makeUnit('c2', 'commune', 'Xã Hai', d1)];
}

const ids = (units: readonly Unit[]) => units.map((u) => u.id);

/** A new unit under `parentId` from `openedOn`. */
const create = (id: string, kind: string, name: string, parentId: string, openedOn: string): UnitChange => ({
  type: 'create',
  unit: { tenantId: 'binh-phuoc', id, kind, name, parentId, openedOn },
});

describe('dated history', () => {
  it('sets a value from a date: earlier intervals end there, later ones give way', () => {
    const h = setFrom([{ value: 'A', validFrom: '2020-01-01', validTo: null }], 'B', '2024-01-01');
    expect(h).toEqual([
      { value: 'A', validFrom: '2020-01-01', validTo: '2024-01-01' },
      { value: 'B', validFrom: '2024-01-01', validTo: null },
    ]);
    expect(setFrom(h, 'C', '2023-01-01').map((d) => d.value)).toEqual(['A', 'C']);
    // Back to the previous value on the day it ended: one interval again.
    expect(setFrom(h, 'A', '2024-01-01')).toEqual([{ value: 'A', validFrom: '2020-01-01', validTo: null }]);
  });

  it('reads a renamed, re-kinded, moved unit as it stood on each day', () => {
    const units = applyAll(world(), [
      { type: 'rename', unitId: 'c1', name: 'Phường Một', from: '2024-01-01' },
      { type: 'change_kind', unitId: 'c1', kind: 'ward', from: '2024-01-01' },
      { type: 'move', unitId: 'c1', parentId: 'd2', from: '2024-06-01' },
    ]);
    const byId = indexUnits(units);
    const c1 = byId.get('c1');
    if (!c1) throw new Error('c1');
    expect(unitOn(byId, c1, '2023-12-31')).toMatchObject({
      name: 'Xã Một',
      kind: 'commune',
      path: ['p', 'd1'],
    });
    expect(unitOn(byId, c1, '2024-01-01')).toMatchObject({
      name: 'Phường Một',
      kind: 'ward',
      path: ['p', 'd1'],
    });
    expect(unitOn(byId, c1, '2024-06-01')).toMatchObject({ parentId: 'd2', path: ['p', 'd2'] });
    // The flat fields are the latest state; the tree index path follows the move.
    expect(c1).toMatchObject({ name: 'Phường Một', kind: 'ward', parentId: 'd2', path: ['p', 'd2'] });
    expect(treeRowsOn(units, '2024-05-31').map((r) => `${r.depth}${r.unit.id}`)).toEqual([
      '0p',
      '1d2',
      '1d1',
      '2c1',
      '2c2',
    ]);
    expect(treeRowsOn(units, '2024-06-01').map((r) => `${r.depth}${r.unit.id}`)).toEqual([
      '0p',
      '1d2',
      '2c1',
      '1d1',
      '2c2',
    ]);
  });

  it('moves a whole subtree: descendants keep their parent, their paths follow', () => {
    const units = applyAll(
      [...world(), makeUnit('k', 'cluster', 'Cụm', makeUnit('p', 'province', 'Tỉnh P', null))],
      [{ type: 'move', unitId: 'd1', parentId: 'k', from: '2025-01-01' }],
    );
    const byId = indexUnits(units);
    expect(byId.get('c1')?.path).toEqual(['p', 'k', 'd1']);
    const c1 = byId.get('c1');
    if (!c1) throw new Error('c1');
    expect(pathOn(byId, c1, '2024-12-31')).toEqual(['p', 'd1']);
    expect(pathOn(byId, c1, '2025-01-01')).toEqual(['p', 'k', 'd1']);
  });

  it('a chain is derived from the tree on its date: a moved commune climbs its new district from the move', () => {
    const units = applyAll(world(), [{ type: 'move', unitId: 'c1', parentId: 'd2', from: '2023-06-01' }]);
    const byId = indexUnits(units);
    const chain = (day: string) => {
      const r = deriveChain(chainConfig2023, byId, 'c1', day);
      return r.ok ? r.chain.map((l) => `${l.unitId}:${l.unitName}`) : r.error.code;
    };
    expect(chain('2023-05-31')).toEqual(['d1:Huyện Một', 'p:Tỉnh P']);
    expect(chain('2023-06-01')).toEqual(['d2:Huyện Hai', 'p:Tỉnh P']);
  });

  it('a chain names its reviewers as they were named that day', () => {
    const units = applyAll(world(), [
      { type: 'rename', unitId: 'd1', name: 'Thị xã Một', from: '2024-01-01' },
    ]);
    const byId = indexUnits(units);
    const first = (day: string) => {
      const r = deriveChain(chainConfig2023, byId, 'c1', day);
      return r.ok ? r.chain[0]?.unitName : r.error.code;
    };
    expect(first('2023-12-31')).toBe('Huyện Một');
    expect(first('2024-01-01')).toBe('Thị xã Một');
  });

  it('a kind changed from a date changes the rule that applies', () => {
    const units = applyAll(world(), [
      { type: 'change_kind', unitId: 'c1', kind: 'ward', from: '2024-01-01' },
    ]);
    const config = ChainConfig.parse({
      ...chainConfig2023,
      rules: [{ authorKind: 'ward', reviewerKinds: ['province'] }],
    });
    const r = deriveChain(config, indexUnits(units), 'c1', '2023-12-31');
    expect(r.ok ? 'ok' : r.error.code).toBe('no_rule_for_kind');
    const after = deriveChain(config, indexUnits(units), 'c1', '2024-01-01');
    expect(after.ok && after.chain.map((l) => l.unitId)).toEqual(['p']);
  });
});

describe('successors and lineage', () => {
  /** 2025: d1 and d2 merge into a new district n; later c1 splits into s1 and s2 under n. */
  function reformed(): Unit[] {
    const base = applyAll(world(), [
      create('n', 'district', 'Huyện Mới', 'p', '2025-07-01'),
      { type: 'move', unitId: 'c1', parentId: 'n', from: '2025-07-01' },
      { type: 'move', unitId: 'c2', parentId: 'n', from: '2025-07-01' },
      { type: 'succession', predecessorIds: ['d1', 'd2'], successorIds: ['n'], from: '2025-07-01' },
      create('s1', 'commune', 'Xã Tách Một', 'n', '2026-01-01'),
      create('s2', 'commune', 'Xã Tách Hai', 'n', '2026-01-01'),
      { type: 'succession', predecessorIds: ['c1'], successorIds: ['s1', 's2'], from: '2026-01-01' },
    ]);
    return base;
  }

  it('a merger closes the old units on its date and links them to the one successor', () => {
    const byId = indexUnits(reformed());
    expect(byId.get('d1')).toMatchObject({ closedOn: '2025-07-01', successorId: 'n' });
    expect(byId.get('n')?.predecessorIds).toEqual(['d1', 'd2']);
    expect(resolveSuccessor(byId, 'd2', '2025-06-30')?.id).toBe('d2');
    expect(resolveSuccessor(byId, 'd2', '2025-07-01')?.id).toBe('n');
    expect(ids([...treeOn(byId, '2025-07-01').values()]).sort()).toEqual(['c1', 'c2', 'n', 'p']);
  });

  it('a split gives several successors, so no single one is chosen for the old unit', () => {
    const byId = indexUnits(reformed());
    expect(ids(resolveSuccessors(byId, 'c1', '2026-01-01')).sort()).toEqual(['s1', 's2']);
    expect(resolveSuccessor(byId, 'c1', '2026-01-01')).toBeNull();
  });

  it('lineage lists every predecessor, transitively, nearest first, each once', () => {
    const units = applyAll(reformed(), [
      create('z', 'district', 'Huyện Z', 'p', '2027-01-01'),
      { type: 'move', unitId: 'c2', parentId: 'z', from: '2027-01-01' },
      { type: 'move', unitId: 's1', parentId: 'z', from: '2027-01-01' },
      { type: 'move', unitId: 's2', parentId: 'z', from: '2027-01-01' },
      { type: 'succession', predecessorIds: ['n'], successorIds: ['z'], from: '2027-01-01' },
    ]);
    expect(ids(lineage(units, 'z'))).toEqual(['n', 'd1', 'd2']);
    expect(ids(lineage(units, 's2'))).toEqual(['c1']);
    expect(ids(lineage(units, 'z', '2026-12-31'))).toEqual([]);
    expect(ids(lineage(units, 'p'))).toEqual([]);
  });

  it('heirs on a date carry their path that day (their reviewers read the old unit’s work)', () => {
    const byId = indexUnits(reformed());
    expect(heirsOn(byId, 'd1', '2025-06-30')).toEqual([]);
    expect(heirsOn(byId, 'd1', '2025-07-01')).toEqual([
      { unitId: 'n', unitName: 'Huyện Mới', unitPath: ['p'] },
    ]);
    expect(heirsOn(byId, 'c1', '2026-01-01').map((h) => [h.unitId, h.unitPath])).toEqual([
      ['s1', ['p', 'n']],
      ['s2', ['p', 'n']],
    ]);
  });
});

describe('refused changes', () => {
  const refusal = (units: readonly Unit[], change: UnitChange) => {
    const r = applyUnitChange(units, change);
    return r.ok ? 'accepted' : r.issues.map((i) => `${i.field}: ${i.message}`).join('; ');
  };

  it('never puts a unit under its own descendant, on any day', () => {
    const units = applyAll(world(), [{ type: 'move', unitId: 'c1', parentId: 'd2', from: '2024-01-01' }]);
    expect(refusal(units, { type: 'move', unitId: 'd1', parentId: 'c2', from: '2024-01-01' })).toMatch(
      /nằm dưới chính nó/,
    );
    expect(refusal(units, { type: 'move', unitId: 'd1', parentId: 'd1', from: '2024-01-01' })).toMatch(
      /^parentId/,
    );
    expect(refusal(units, { type: 'move', unitId: 'p', parentId: 'd1', from: '2024-01-01' })).toMatch(/gốc/);
  });

  it('never leaves an open unit under a closed one', () => {
    expect(refusal(world(), { type: 'close', unitId: 'd1', on: '2025-07-01' })).toMatch(
      /Xã (Một|Hai) còn trực thuộc Huyện Một/,
    );
    expect(refusal(world(), { type: 'close', unitId: 'd2', on: '2025-07-01' })).toBe('accepted');
    expect(
      refusal(world(), {
        type: 'succession',
        predecessorIds: ['d1'],
        successorIds: ['d2'],
        from: '2025-07-01',
      }),
    ).toMatch(/còn trực thuộc/);
  });

  it('refuses many-to-many, a unit on both sides, closed predecessors and successors not yet open', () => {
    const units = world();
    expect(
      refusal(units, {
        type: 'succession',
        predecessorIds: ['c1', 'c2'],
        successorIds: ['d1', 'd2'],
        from: '2025-01-01',
      }),
    ).toMatch(/từng bước/);
    expect(
      refusal(units, {
        type: 'succession',
        predecessorIds: ['c1'],
        successorIds: ['c1'],
        from: '2025-01-01',
      }),
    ).toMatch(/vừa là/);
    expect(
      refusal(units, {
        type: 'succession',
        predecessorIds: ['c1'],
        successorIds: ['c2'],
        from: '2000-01-01',
      }),
    ).toMatch(/^predecessorIds.0/);
    const closed = applyAll(units, [{ type: 'close', unitId: 'c2', on: '2024-01-01' }]);
    expect(
      refusal(closed, {
        type: 'succession',
        predecessorIds: ['c1'],
        successorIds: ['c2'],
        from: '2025-01-01',
      }),
    ).toMatch(/^successorIds.0/);
  });

  it('reports a loop of successors and two parents at once in data written by others', () => {
    const a = makeUnit('a', 'commune', 'A', null, { successorId: 'b', closedOn: '2024-01-01' });
    const b = makeUnit('b', 'commune', 'B', null, { successorId: 'a', closedOn: '2024-01-01' });
    const twice: Unit = {
      ...makeUnit('t', 'commune', 'T', null),
      parents: [
        { value: null, validFrom: '2000-01-01', validTo: null },
        { value: 'a', validFrom: '2020-01-01', validTo: null },
      ],
    };
    expect(orgIssues([a, b, twice]).map((i) => i.key)).toEqual(
      expect.arrayContaining(['successor_loop#a', 'successor_loop#b', 'two_parents#t']),
    );
    // A change is refused for what IT breaks, not for faults the data had.
    expect(refusal([a, b, twice], { type: 'rename', unitId: 't', name: 'T mới', from: '2024-01-01' })).toBe(
      'accepted',
    );
    expect(nameOn(a, '2020-01-01')).toBe('A');
  });
});
