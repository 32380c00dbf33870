import { describe, expect, it } from 'vitest';
import { makeUnit, threeTierWorld } from '../testing/worlds';
import {
  ancestorsOf,
  childrenOf,
  descendantsOf,
  getUnit,
  isActiveOn,
  isInSubtree,
  pathUnder,
  resolveSuccessor,
} from './tree';

describe('unit tree', () => {
  const w = threeTierWorld();

  it('builds paths root first', () => {
    expect(w.province.path).toEqual([]);
    expect(w.tanPhu.path).toEqual(['bp', 'dong-xoai']);
    expect(pathUnder(w.tanPhu)).toEqual(['bp', 'dong-xoai', 'tan-phu']);
  });

  it('lists children sorted by Vietnamese name, optionally only open ones', () => {
    expect(childrenOf(w.units, 'dong-xoai').map((u) => u.id)).toEqual(['tan-binh', 'tan-phu']);
    const closed = { ...w.tanBinh, closedOn: '2023-06-01' };
    const units = w.units.map((u) => (u.id === closed.id ? closed : u));
    expect(childrenOf(units, 'dong-xoai', '2023-07-01').map((u) => u.id)).toEqual(['tan-phu']);
    expect(childrenOf(units, 'dong-xoai', '2023-05-31').map((u) => u.id)).toEqual(['tan-binh', 'tan-phu']);
  });

  it('decides subtree membership from the path alone', () => {
    expect(isInSubtree(w.tanPhu, 'dong-xoai')).toBe(true);
    expect(isInSubtree(w.tanPhu, 'bp')).toBe(true);
    expect(isInSubtree(w.tanPhu, 'tan-phu')).toBe(true);
    expect(isInSubtree(w.tanPhu, 'binh-long')).toBe(false);
    expect(isInSubtree(w.dongXoai, 'tan-phu')).toBe(false);
    expect(
      descendantsOf(w.units, 'dong-xoai')
        .map((u) => u.id)
        .sort(),
    ).toEqual(['tan-binh', 'tan-phu']);
  });

  it('treats closedOn as the first day the unit no longer operates', () => {
    const u = makeUnit('x', 'district', 'X', null, { openedOn: '2020-01-01', closedOn: '2025-07-01' });
    expect(isActiveOn(u, '2019-12-31')).toBe(false);
    expect(isActiveOn(u, '2020-01-01')).toBe(true);
    expect(isActiveOn(u, '2025-06-30')).toBe(true);
    expect(isActiveOn(u, '2025-07-01')).toBe(false);
  });

  it('follows successor links through several mergers, and stops on a loop', () => {
    const a = makeUnit('a', 'commune', 'A', null, { closedOn: '2024-01-01', successorId: 'b' });
    const b = makeUnit('b', 'commune', 'B', null, { closedOn: '2025-07-01', successorId: 'c' });
    const c = makeUnit('c', 'commune', 'C', null, { openedOn: '2025-07-01' });
    const byId = new Map([a, b, c].map((u) => [u.id, u]));
    expect(resolveSuccessor(byId, 'a', '2023-05-05')?.id).toBe('a');
    expect(resolveSuccessor(byId, 'a', '2024-05-05')?.id).toBe('b');
    expect(resolveSuccessor(byId, 'a', '2025-08-01')?.id).toBe('c');
    expect(resolveSuccessor(byId, 'missing', '2025-08-01')).toBeNull();
    const loop1 = makeUnit('l1', 'commune', 'L1', null, { closedOn: '2020-01-02', successorId: 'l2' });
    const loop2 = makeUnit('l2', 'commune', 'L2', null, { closedOn: '2020-01-02', successorId: 'l1' });
    expect(resolveSuccessor({ l1: loop1, l2: loop2 }, 'l1', '2021-01-01')).toBeNull();
  });

  it('reads ancestors nearest first from a Map or a record', () => {
    expect(ancestorsOf(w.byId, w.tanPhu).map((u) => u.id)).toEqual(['dong-xoai', 'bp']);
    const record = Object.fromEntries(w.units.map((u) => [u.id, u]));
    expect(ancestorsOf(record, w.tanPhu).map((u) => u.id)).toEqual(['dong-xoai', 'bp']);
    expect(getUnit(record, 'nope')).toBeUndefined();
  });
});
