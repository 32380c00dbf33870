import { describe, expect, it } from 'vitest';
import type { Submission } from '../workflow/types';
import { batchMembership, countByAward } from './batch';
import { publicHolidays } from './config-2023';
import { disclosureStatus, disclosureWindow, publicEntry, requiredWorkingDays } from './disclosure';

const chain = [
  { unitId: 'dong-xoai', unitName: 'Thành phố Đồng Xoài', unitKind: 'district' },
  { unitId: 'tinh', unitName: 'Tỉnh Bình Phước', unitKind: 'province' },
];
const sub = (over: Partial<Submission>) =>
  ({
    id: 's1',
    formKey: 'nomination',
    campaignId: 'c1',
    state: 'under_review',
    level: 0,
    chain,
    unitId: 'tan-phu',
    returnedFromLevel: null,
    ...over,
  }) as const;
const batch = { unitId: 'dong-xoai', campaignId: 'c1' };

describe('batchMembership', () => {
  it("forwards a commune's nomination waiting at the district", () => {
    expect(batchMembership(sub({}), batch)).toEqual({ ok: true, action: 'approve', nextUnitId: 'tinh' });
  });
  it("submits the district's own draft", () => {
    const own = sub({
      unitId: 'dong-xoai',
      state: 'draft',
      level: null,
      chain: [chain[1] ?? chain[0]] as never,
    });
    expect(batchMembership(own, batch)).toMatchObject({ ok: true, action: 'submit', nextUnitId: 'tinh' });
  });
  it('refuses what is not waiting at this unit, other campaigns and other forms', () => {
    expect(batchMembership(sub({ level: 1 }), batch).ok).toBe(false);
    expect(batchMembership(sub({ state: 'approved', level: null }), batch).ok).toBe(false);
    expect(batchMembership(sub({ campaignId: 'c2' }), batch).ok).toBe(false);
    expect(batchMembership(sub({ formKey: 'periodic_report' }), batch).ok).toBe(false);
    expect(batchMembership(sub({ chain: [chain[0] ?? chain[1]] as never }), batch)).toMatchObject({
      ok: false,
    });
  });
  it('counts the list per award type and kind for the tờ trình', () => {
    const e = (kind: 'collective' | 'individual', award: string) => ({
      nominationId: 'x',
      unitId: 'u',
      unitName: 'U',
      nomineeKind: kind,
      nomineeName: 'N',
      nomineeTitle: '',
      nomineeUnitName: '',
      awardTypeId: award,
      awardTypeName: award.toUpperCase(),
    });
    expect(countByAward([e('collective', 'a'), e('individual', 'a'), e('individual', 'b')])).toEqual([
      { awardTypeName: 'A', collective: 1, individual: 1 },
      { awardTypeName: 'B', collective: 0, individual: 1 },
    ]);
  });
});

describe('disclosure window', () => {
  it('spans the working days the longest requirement asks, skipping weekends and holidays', () => {
    expect(requiredWorkingDays([5, 10, 0], null)).toBe(10);
    expect(requiredWorkingDays([0], null)).toBe(1);
    expect(requiredWorkingDays([5], 7)).toBe(7);
    const w = disclosureWindow('2023-12-01', 10, publicHolidays);
    expect(w).toEqual({ opensOn: '2023-12-01', closesOn: '2023-12-15' });
  });
  it('is open from the opening day to the closing day inclusive, in Vietnamese time', () => {
    const d = { opensOn: '2023-12-01', closesOn: '2023-12-15', closedEarly: null };
    expect(disclosureStatus(d, '2023-11-30T16:59:00.000Z')).toBe('upcoming');
    expect(disclosureStatus(d, '2023-11-30T17:00:00.000Z')).toBe('open');
    expect(disclosureStatus(d, '2023-12-15T16:59:00.000Z')).toBe('open');
    expect(disclosureStatus(d, '2023-12-15T17:00:00.000Z')).toBe('ended');
    expect(
      disclosureStatus({ ...d, closedEarly: { at: 'x', by: 'y', reason: 'z' } }, '2023-12-05T00:00:00.000Z'),
    ).toBe('ended');
  });
  it('publishes only names, titles, units and the award', () => {
    const entry = {
      nominationId: 'n1',
      unitId: 'tan-phu',
      unitName: 'Phường Tân Phú',
      nomineeKind: 'individual' as const,
      nomineeName: 'Trần Thị Bình',
      nomineeTitle: 'Cán bộ',
      nomineeUnitName: 'Công an phường Tân Phú',
      awardTypeId: 'bk',
      awardTypeName: 'Bằng khen',
      secret: 'crime figures',
    };
    expect(Object.keys(publicEntry(entry)).sort()).toEqual(
      [
        'awardTypeName',
        'nominationId',
        'nomineeKind',
        'nomineeName',
        'nomineeTitle',
        'nomineeUnitName',
        'unitName',
      ].sort(),
    );
  });
});
