import { describe, expect, it } from 'vitest';
import { diffData } from './diff';

describe('diff of form data', () => {
  it('lists changed, added and removed leaves with their paths', () => {
    const before = { figures: { a: 1, b: 2 }, rows: { list: [{ x: 1 }, { x: 2 }] } };
    const after = { figures: { a: 1, b: 3, c: 4 }, rows: { list: [{ x: 1 }] } };
    expect(diffData(before, after)).toEqual([
      { path: 'figures.b', before: 2, after: 3 },
      { path: 'figures.c', before: null, after: 4 },
      { path: 'rows.list.1.x', before: 2, after: null },
    ]);
    expect(diffData(before, before)).toEqual([]);
  });
});
