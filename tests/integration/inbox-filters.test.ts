import { describe, expect, it } from 'vitest';
import {
  act,
  addReportCampaign,
  createReport,
  expectStatus,
  manyPeriods,
  REPORT_FORM,
  type SubmissionBody,
  startApiWorld,
  units,
  useApiWorld,
} from './api-world';

/**
 * Inbox filters that combine (state with author unit, overdue with form, period with area) and totals of
 * the whole list, not of a page (ADR 0023): through the real local platform, on a campaign of its own so
 * the numbers are exact.
 */
const CAMPAIGN = 'filters-campaign';
const periods = manyPeriods(2026, 1); // 2026-Q1 … 2026-Y

const world = useApiWorld(async () => {
  const w = await startApiWorld();
  // Q1's review deadline has passed: its report is overdue in the district's inbox.
  await addReportCampaign(w.as.admin, CAMPAIGN, {
    number: '98/KH-TEST',
    periods,
    deadlines: [{ period: '2026-Q1', stage: 'review', dueAt: '2026-04-15T17:00:00.000Z' }],
  });
  return w;
});

interface ListAnswer {
  items: SubmissionBody[];
  nextCursor: string | null;
  total: number;
  byState: Record<string, number> | null;
}

const list = async (who: 'districtReviewer' | 'provinceReviewer' | 'communeSubmitter', query: string) =>
  expectStatus(await world().as[who].get(`/submissions?${query}`), 200) as unknown as ListAnswer;

describe('combined inbox filters with total counts', () => {
  const filed: Record<string, SubmissionBody> = {};

  it('sets the scene: three reports waiting at the district, one returned, one draft', async () => {
    const w = world();
    for (const p of ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']) {
      const s = await createReport(w.as.communeSubmitter, p, undefined, CAMPAIGN);
      filed[p] = await act(w.as.communeSubmitter, s, { type: 'submit' });
    }
    const q4 = filed['2026-Q4'] as SubmissionBody;
    filed['2026-Q4'] = await act(w.as.districtReviewer, q4, { type: 'return', reason: 'Thiếu số liệu' });
    await createReport(w.as.communeSubmitter, '2026-H1', undefined, CAMPAIGN);
  });

  it('totals are of the whole list, not of the page', async () => {
    const page = await list('districtReviewer', `scope=inbox&campaignId=${CAMPAIGN}&limit=1`);
    expect(page.items).toHaveLength(1);
    expect(page.total).toBe(3);
    expect(page.byState).toEqual({ under_review: 3 });
    const tree = await list('districtReviewer', `scope=subtree&campaignId=${CAMPAIGN}&limit=2`);
    expect(tree.total).toBe(5);
    expect(tree.byState).toEqual({ under_review: 3, returned: 1, draft: 1 });
  });

  it('state with unit', async () => {
    const q = `campaignId=${CAMPAIGN}&unitId=${units.commune}`;
    const waiting = await list('districtReviewer', `scope=subtree&${q}&status=under_review`);
    expect(waiting.items.map((i) => i.period).sort()).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
    for (const i of waiting.items) expect(i.unitId).toBe(units.commune);
    expect(waiting.total).toBe(3);
    const returned = await list('districtReviewer', `scope=subtree&${q}&status=returned`);
    expect(returned.items.map((i) => i.id)).toEqual([filed['2026-Q4']?.id]);
    expect(returned.total).toBe(1);
    // Another unit of the area has nothing in that state.
    const none = await list(
      'provinceReviewer',
      `scope=subtree&campaignId=${CAMPAIGN}&unitId=${units.district}&status=returned`,
    );
    expect(none).toMatchObject({ items: [], total: 0 });
  });

  it('overdue with form (the Q1 deadline has passed; the others have none)', async () => {
    const overdue = await list(
      'districtReviewer',
      `scope=inbox&campaignId=${CAMPAIGN}&formKey=${REPORT_FORM}&overdue=true`,
    );
    expect(overdue.items.map((i) => i.id)).toEqual([filed['2026-Q1']?.id]);
    expect(overdue.total).toBe(1);
    const otherForm = await list(
      'districtReviewer',
      `scope=inbox&campaignId=${CAMPAIGN}&formKey=nomination&overdue=true`,
    );
    expect(otherForm).toMatchObject({ items: [], total: 0 });
  });

  it('period with area: the province reads one district for one period', async () => {
    const q = `scope=subtree&root=${units.district}&campaignId=${CAMPAIGN}&formKey=${REPORT_FORM}&period=2026-Q2`;
    const area = await list('provinceReviewer', q);
    expect(area.items.map((i) => i.id)).toEqual([filed['2026-Q2']?.id]);
    expect(area.total).toBe(1);
    const otherArea = await list('provinceReviewer', q.replace(units.district, units.otherDistrict));
    expect(otherArea).toMatchObject({ items: [], total: 0 });
  });

  it('counts follow every transition (approve moves the entry out of the inbox, into the province’s)', async () => {
    const w = world();
    const q2 = filed['2026-Q2'] as SubmissionBody;
    filed['2026-Q2'] = await act(w.as.districtReviewer, q2, { type: 'approve' });
    expect((await list('districtReviewer', `scope=inbox&campaignId=${CAMPAIGN}`)).total).toBe(2);
    const province = await list('provinceReviewer', `scope=inbox&campaignId=${CAMPAIGN}`);
    expect(province.items.map((i) => i.id)).toEqual([filed['2026-Q2']?.id]);
    expect(province.total).toBe(1);
    // Saving a draft changes no count.
    const before = await list('communeSubmitter', `scope=mine&campaignId=${CAMPAIGN}`);
    expect(before.total).toBe(5);
    expect(before.byState).toEqual({ under_review: 3, returned: 1, draft: 1 });
  });

  it('still refuses what no key serves (400 with the field)', async () => {
    for (const [query, path] of [
      [
        `scope=inbox&campaignId=${CAMPAIGN}&formKey=${REPORT_FORM}&period=2026-Q1&overdue=true`,
        'query.overdue',
      ],
      [`scope=inbox&campaignId=${CAMPAIGN}&status=under_review&overdue=true`, 'query.overdue'],
      [`scope=mine&unitId=${units.commune}`, 'query.unitId'],
    ] as const) {
      const e = expectStatus(await world().as.districtReviewer.get(`/submissions?${query}`), 400);
      expect((e.error as { details: { path: string }[] }).details[0]?.path, query).toBe(path);
    }
  });
});
