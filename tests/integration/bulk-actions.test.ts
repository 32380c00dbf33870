import { describe, expect, it } from 'vitest';
import {
  act,
  addReportCampaign,
  createReport,
  expectStatus,
  manyPeriods,
  type SubmissionBody,
  startApiWorld,
  useApiWorld,
} from './api-world';

/**
 * Bulk approve and bulk return from the inbox (issue 15): each submission its own transaction with its
 * own Idempotency-Key derived from the batch's, a result per submission, partial failures reported.
 */
const CAMPAIGN = 'bulk-campaign';
const periods = manyPeriods(2026, 2);

const world = useApiWorld(async () => {
  const w = await startApiWorld();
  await addReportCampaign(w.as.admin, CAMPAIGN, { number: '97/KH-TEST', periods });
  return w;
});

interface BulkAnswer {
  action: string;
  done: number;
  failed: number;
  results: {
    submissionId: string;
    outcome: string;
    state?: string;
    version?: number;
    code?: string;
    status?: number;
  }[];
}

const total = async (who: 'districtReviewer' | 'provinceReviewer', query: string) =>
  expectStatus(await world().as[who].get(`/submissions?${query}`), 200).total as number;

const bulk = async (
  who: 'districtReviewer' | 'otherDistrictReviewer' | 'provinceReviewer',
  body: Record<string, unknown>,
  key: string | undefined,
  status = 200,
) =>
  expectStatus(
    await world().as[who].post('/submissions/bulk-actions', body, key ? { 'idempotency-key': key } : {}),
    status,
  ) as unknown as BulkAnswer;

const itemsOf = (subs: readonly SubmissionBody[]) =>
  subs.map((s) => ({ submissionId: s.id, expectedVersion: s.version }));

describe('bulk approve and bulk return', () => {
  const waiting: SubmissionBody[] = [];

  it('sets the scene: twelve reports of the commune wait at the district', async () => {
    const w = world();
    for (const p of periods.slice(0, 12)) {
      const s = await createReport(w.as.communeSubmitter, p, undefined, CAMPAIGN);
      waiting.push(await act(w.as.communeSubmitter, s, { type: 'submit' }));
    }
    expect(await total('districtReviewer', `scope=inbox&campaignId=${CAMPAIGN}`)).toBe(12);
  });

  it('approves ten reports in one go; each moves to the province', async () => {
    const ten = waiting.slice(0, 10);
    const r = await bulk(
      'districtReviewer',
      { action: { type: 'approve' }, items: itemsOf(ten) },
      'bulk-approve-ten-1',
    );
    expect(r).toMatchObject({ action: 'approve', done: 10, failed: 0 });
    for (const [i, x] of r.results.entries()) {
      expect(x).toMatchObject({ submissionId: ten[i]?.id, outcome: 'done', state: 'under_review' });
    }
    expect(await total('districtReviewer', `scope=inbox&campaignId=${CAMPAIGN}`)).toBe(2);
    expect(await total('provinceReviewer', `scope=inbox&campaignId=${CAMPAIGN}`)).toBe(10);
  });

  it('a retried batch (same key) answers the same and moves nothing twice', async () => {
    const ten = waiting.slice(0, 10);
    const first = waiting[0] as SubmissionBody;
    const before = expectStatus(
      await world().as.districtReviewer.get(`/submissions/${first.id}/history`),
      200,
    );
    const again = await bulk(
      'districtReviewer',
      { action: { type: 'approve' }, items: itemsOf(ten) },
      'bulk-approve-ten-1',
    );
    expect(again).toMatchObject({ done: 10, failed: 0 });
    const after = expectStatus(
      await world().as.districtReviewer.get(`/submissions/${first.id}/history`),
      200,
    );
    expect((after.events as unknown[]).length).toBe((before.events as unknown[]).length);
    expect(await total('provinceReviewer', `scope=inbox&campaignId=${CAMPAIGN}`)).toBe(10);
    // The same key for another request is refused item by item, never applied.
    const reused = await bulk(
      'districtReviewer',
      { action: { type: 'return', reason: 'Thiếu số liệu' }, items: itemsOf(ten.slice(0, 1)) },
      'bulk-approve-ten-1',
    );
    expect(reused.results[0]).toMatchObject({ outcome: 'failed', code: 'idempotency_key_reused' });
  });

  it('reports partial failures and why: version conflict, not your turn, outside your scope', async () => {
    const [a, b] = waiting.slice(10, 12) as [SubmissionBody, SubmissionBody];
    const approved = waiting[0] as SubmissionBody; // now at the province
    const r = await bulk(
      'districtReviewer',
      {
        action: { type: 'return', reason: 'Bổ sung minh chứng' },
        items: [
          { submissionId: a.id, expectedVersion: a.version },
          { submissionId: b.id, expectedVersion: b.version + 7 },
          { submissionId: approved.id, expectedVersion: approved.version + 1 },
        ],
      },
      'bulk-return-mixed-1',
    );
    expect(r).toMatchObject({ action: 'return', done: 1, failed: 2 });
    expect(r.results[0]).toMatchObject({ submissionId: a.id, outcome: 'done', state: 'returned' });
    expect(r.results[1]).toMatchObject({
      submissionId: b.id,
      outcome: 'failed',
      code: 'version_conflict',
      status: 409,
    });
    expect(r.results[2]).toMatchObject({ submissionId: approved.id, outcome: 'failed', status: 403 });
    // Another district's reviewer does not even learn the report exists.
    const other = await bulk(
      'otherDistrictReviewer',
      { action: { type: 'approve' }, items: itemsOf([b]) },
      'bulk-other-1',
    );
    expect(other.results[0]).toMatchObject({ outcome: 'failed', code: 'not_found', status: 404 });
    expect(await total('districtReviewer', `scope=inbox&campaignId=${CAMPAIGN}`)).toBe(1);
  });

  it('refuses a batch without a key, a return without a reason, too many items (400 with the field)', async () => {
    const one = itemsOf(waiting.slice(11, 12));
    const noKey = await world().as.districtReviewer.post('/submissions/bulk-actions', {
      action: { type: 'approve' },
      items: one,
    });
    expect(noKey.status).toBe(400);
    expect(JSON.stringify(noKey.body)).toContain('header.idempotency-key');
    const noReason = await world().as.districtReviewer.post(
      '/submissions/bulk-actions',
      { action: { type: 'return' }, items: one },
      { 'idempotency-key': 'bulk-no-reason-1' },
    );
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain('body.action.reason');
    const tooMany = Array.from({ length: 101 }, (_, i) => ({ submissionId: `s${i}`, expectedVersion: 1 }));
    const big = await world().as.districtReviewer.post(
      '/submissions/bulk-actions',
      { action: { type: 'approve' }, items: tooMany },
      { 'idempotency-key': 'bulk-too-many-1' },
    );
    expect(big.status).toBe(400);
    expect(JSON.stringify(big.body)).toContain('body.items');
  });
});
