import { describe, expect, it } from 'vitest';
import { threeTierWorld } from '../testing/worlds';
import { childStatus, completeness, unitStatus } from './completeness';

describe('completeness', () => {
  const w = threeTierWorld();
  const communes = [w.tanPhu, w.tanBinh, w.anLoc];
  const chain = [{ unitId: 'dong-xoai' }, { unitId: 'bp' }];

  it('classifies each child from the reviewing unit point of view', () => {
    expect(childStatus(undefined)).toBe('not_started');
    expect(childStatus({ state: 'draft', level: null, chain })).toBe('in_progress');
    expect(childStatus({ state: 'returned', level: null, chain })).toBe('in_progress');
    expect(childStatus({ state: 'withdrawn', level: null, chain })).toBe('in_progress');
    expect(childStatus({ state: 'awaiting_signoff', level: null, chain })).toBe('submitted');
    expect(childStatus({ state: 'under_review', level: 0, chain }, 'dong-xoai')).toBe('submitted');
    expect(childStatus({ state: 'under_review', level: 1, chain }, 'dong-xoai')).toBe('approved');
    expect(childStatus({ state: 'under_review', level: 1, chain }, 'bp')).toBe('submitted');
    expect(childStatus({ state: 'under_review', level: 1, chain })).toBe('submitted');
    expect(childStatus({ state: 'approved', level: null, chain: [] })).toBe('approved');
    expect(childStatus({ state: 'rejected', level: null, chain })).toBe('rejected');
  });

  it('counts, lists who has not filed, and says when all are settled', () => {
    const statuses = new Map([
      ['tan-phu', { state: 'approved' as const, level: null, chain }],
      ['tan-binh', { state: 'under_review' as const, level: 0, chain }],
    ]);
    const c = completeness(communes, statuses, { reviewerUnitId: 'dong-xoai' });
    expect(c.total).toBe(3);
    expect(c.counts).toEqual({ not_started: 1, in_progress: 0, submitted: 1, approved: 1, rejected: 0 });
    expect(c.missing).toEqual(['tan-binh', 'an-loc']);
    expect(c.complete).toBe(false);
    expect(c.units[2]).toEqual({ unitId: 'an-loc', unitName: 'Phường An Lộc', status: 'not_started' });
    const done = completeness([w.tanPhu, w.tanBinh], {
      'tan-phu': { state: 'approved', level: null, chain },
      'tan-binh': { state: 'rejected', level: null, chain },
    });
    expect(done.complete).toBe(true);
    expect(completeness([], {}).complete).toBe(true);
  });

  it('a unit filing several times per period (nominations) stands where its most advanced one stands', () => {
    const draft = { state: 'draft' as const, level: null, chain };
    const atDistrict = { state: 'under_review' as const, level: 0, chain };
    const atProvince = { state: 'under_review' as const, level: 1, chain };
    const rejected = { state: 'rejected' as const, level: null, chain };
    expect(unitStatus([])).toBe('not_started');
    expect(unitStatus([draft, draft])).toBe('in_progress');
    expect(unitStatus([draft, atDistrict], 'dong-xoai')).toBe('submitted');
    expect(unitStatus([atDistrict, atProvince], 'dong-xoai')).toBe('approved');
    expect(unitStatus([atDistrict, atProvince], 'bp')).toBe('submitted');
    expect(unitStatus([rejected, rejected])).toBe('rejected');
    // A new draft after a rejection: the unit is working again, not settled.
    expect(unitStatus([rejected, draft])).toBe('in_progress');
    expect(unitStatus(atDistrict, 'dong-xoai')).toBe('submitted');
    const c = completeness(
      communes,
      new Map([
        ['tan-phu', [draft, atDistrict, rejected]],
        ['tan-binh', [rejected]],
      ]),
      { reviewerUnitId: 'dong-xoai' },
    );
    expect(c.counts).toEqual({ not_started: 1, in_progress: 0, submitted: 1, approved: 0, rejected: 1 });
    expect(c.missing).toEqual(['tan-phu', 'an-loc']);
  });

  it('leaves out units closed on the date', () => {
    const closed = { ...w.anLoc, closedOn: '2023-01-01' };
    expect(completeness([w.tanPhu, closed], {}, { onDate: '2023-06-01' }).total).toBe(1);
  });
});
