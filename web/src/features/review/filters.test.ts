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

  it('status and unit exclude each other', () => {
    const s = change(withCampaign, { status: 'returned' });
    expect(availability(s).unitId).toBe(false);
    const u = change(s, { unitId: 'dong-xoai-tan-phu' });
    expect(u.status).toBe('');
    expect(toListQuery(u, 'c1', 25)).toMatchObject({ unitId: 'dong-xoai-tan-phu', cursor: 'c1' });
    expect(toListQuery(u, undefined, 25)).not.toHaveProperty('status');
  });

  it('overdue stands with a campaign alone', () => {
    const f = change(change(withCampaign, { formKey: 'periodic_report', status: 'under_review' }), {
      overdue: true,
    });
    expect(f).toMatchObject({ formKey: '', status: '', overdue: true });
    expect(toListQuery(f, undefined, 25)).toEqual({
      scope: 'inbox',
      campaignId: 'kh38-2023',
      overdue: true,
      limit: 25,
    });
    expect(availability(f)).toMatchObject({ formKey: false, status: false, unitId: false });
    expect(change(emptyFilters, { overdue: true }).overdue).toBe(false);
  });

  it('round-trips through the URL, "all campaigns" included', () => {
    const f = change(change(withCampaign, { view: 'subtree' }), { unitId: 'x' });
    expect(filtersFromParams(filtersToParams(f))).toEqual(f);
    const all = filtersToParams(emptyFilters);
    expect(all.get('campaign')).toBe('all');
    expect(filtersFromParams(all).campaignId).toBe('');
  });
});
