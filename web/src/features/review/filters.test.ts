import { describe, expect, it } from 'vitest';
import {
  availability,
  change,
  emptyFilters,
  filtersFromParams,
  filtersToParams,
  toListQuery,
} from './filters';

describe('inbox filters follow the combinations the API answers', () => {
  const withCampaign = change(emptyFilters, { campaignId: 'kh38-2023' });

  it('a form needs a campaign, a period needs a form; changing the campaign clears both', () => {
    expect(availability(emptyFilters).formKey).toBe(false);
    const f = change(change(withCampaign, { formKey: 'periodic_report' }), { period: '2023-Q1' });
    expect(toListQuery(f, undefined, 25)).toEqual({
      scope: 'inbox',
      campaignId: 'kh38-2023',
      formKey: 'periodic_report',
      period: '2023-Q1',
      limit: 25,
    });
    expect(change(f, { campaignId: 'other' })).toMatchObject({ formKey: '', period: '' });
    expect(change(f, { formKey: 'registration' }).period).toBe('');
  });

  it('status and unit combine (issue 15: "Không dùng cùng bộ lọc tình trạng" is gone)', () => {
    const s = change(withCampaign, { status: 'returned' });
    expect(availability(s).unitId).toBe(true);
    const u = change(s, { unitId: 'dong-xoai-tan-phu' });
    expect(u.status).toBe('returned');
    expect(toListQuery(u, 'c1', 25)).toMatchObject({
      status: 'returned',
      unitId: 'dong-xoai-tan-phu',
      cursor: 'c1',
    });
    expect(availability(u).overdue).toBe(false);
  });

  it('overdue stands with a campaign and a form, not with a period, a status or a unit', () => {
    const f = change(change(withCampaign, { formKey: 'periodic_report', status: 'under_review' }), {
      overdue: true,
    });
    expect(f).toMatchObject({ formKey: 'periodic_report', status: '', overdue: true });
    expect(toListQuery(f, undefined, 25)).toEqual({
      scope: 'inbox',
      campaignId: 'kh38-2023',
      formKey: 'periodic_report',
      overdue: true,
      limit: 25,
    });
    expect(availability(f)).toMatchObject({ formKey: true, period: false, status: false, unitId: false });
    expect(change(f, { status: 'draft' }).overdue).toBe(false);
    expect(change(emptyFilters, { overdue: true }).overdue).toBe(false);
  });

  it('an area is the root of the subtree view, with a period', () => {
    const tree = change(withCampaign, { view: 'subtree', area: 'dong-xoai' });
    const f = change(change(tree, { formKey: 'periodic_report' }), { period: '2023-Q1' });
    expect(toListQuery(f, undefined, 25)).toMatchObject({
      scope: 'subtree',
      root: 'dong-xoai',
      period: '2023-Q1',
    });
    expect(availability(change(f, { view: 'inbox' })).area).toBe(false);
    expect(change(f, { view: 'inbox' }).area).toBe('');
    expect(filtersFromParams(filtersToParams(f))).toEqual(f);
  });

  it('round-trips through the URL, "all campaigns" included', () => {
    const f = change(change(withCampaign, { view: 'subtree' }), { unitId: 'x' });
    expect(filtersFromParams(filtersToParams(f))).toEqual(f);
    const all = filtersToParams(emptyFilters);
    expect(all.get('campaign')).toBe('all');
    expect(filtersFromParams(all).campaignId).toBe('');
  });
});
