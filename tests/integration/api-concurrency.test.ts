import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiWorld,
  act,
  createReport,
  expectStatus,
  manyPeriods,
  REPORT_FORM,
  REPORT_TEMPLATE,
  startApiWorld,
  testCampaign,
} from './api-world';

/**
 * Races: 20 reviewers' approvals of one submission at once, 50 times. Each round exactly one wins; the
 * others get 409 with the state that won; nothing is lost or duplicated; the audit chain verifies.
 */
const ROUNDS = 50;
const RACERS = 20;
const CAMPAIGN = 'api-race-campaign';
const allPeriods = manyPeriods(2030, 8);
const periods = allPeriods.slice(0, ROUNDS);
const spare = allPeriods.at(-1) ?? '2037-Y';

let w: ApiWorld;
beforeAll(async () => {
  // Its own DynamoDB Local, as api-resilience: 1,000 transactions racing on one item must not queue behind
  // a JVM that every earlier file has used (a shared one answered one of them after the SDK's 1.5 s timeout).
  w = await startApiWorld({ ownDynamoDbLocal: true });
  const base = testCampaign(CAMPAIGN);
  const r = await w.as.admin.post('/admin/campaigns', {
    ...base,
    periods: allPeriods,
    forms: [{ formKey: REPORT_FORM, templateId: REPORT_TEMPLATE, templateVersion: 1, periods: allPeriods }],
  });
  expect(r.status, r.text).toBe(201);
});
afterAll(async () => {
  await w?.stop();
});

describe('concurrent conflicting approvals', () => {
  it(`${RACERS} approvals at once, ${ROUNDS} times: exactly one wins each time`, async () => {
    for (const period of periods) {
      const draft = await createReport(
        w.as.communeSubmitter,
        period,
        { figures: { crimesDetected: 1 } },
        CAMPAIGN,
      );
      const submitted = await act(w.as.communeSubmitter, draft, { type: 'submit' });
      const answers = await Promise.all(
        Array.from({ length: RACERS }, () =>
          w.as.districtReviewer.post(`/submissions/${submitted.id}/actions`, {
            type: 'approve',
            expectedVersion: submitted.version,
          }),
        ),
      );
      const statuses = answers.map((a) => a.status);
      expect(
        statuses.filter((s) => s === 200),
        `round ${period}: ${statuses.join(',')}`,
      ).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(RACERS - 1);
      const winner = answers.find((a) => a.status === 200)?.body as { version: number; level: number };
      expect(winner).toMatchObject({ version: submitted.version + 1, level: 1 });
      for (const loser of answers.filter((a) => a.status === 409)) {
        const error = (loser.body as { error: { code: string; current?: { version: number } } }).error;
        expect(error.code).toBe('version_conflict');
        // The loser learns the state that won (when the refusal carried it or one read found it).
        if (error.current) expect(error.current.version).toBeGreaterThanOrEqual(submitted.version + 1);
      }

      const current = expectStatus(await w.as.districtReviewer.get(`/submissions/${submitted.id}`), 200);
      expect(current).toMatchObject({ version: submitted.version + 1, state: 'under_review', level: 1 });
      const history = expectStatus(await w.as.secretariat.get(`/submissions/${submitted.id}/history`), 200);
      expect((history.events as { action: string }[]).map((e) => e.action)).toEqual([
        'create',
        'submit',
        'approve',
      ]);
      const audit = expectStatus(await w.as.secretariat.get(`/submissions/${submitted.id}/audit`), 200);
      expect(audit).toMatchObject({ valid: true, eventCount: 3 });
    }
  }, 240_000);

  it('a save racing an approval: one of them wins, the other is a 409, nothing is lost', async () => {
    const draft = await createReport(w.as.communeSubmitter, spare, {}, CAMPAIGN);
    const answers = await Promise.all([
      w.as.communeSubmitter.put(`/submissions/${draft.id}`, {
        data: { figures: { crimesDetected: 9 } },
        expectedVersion: 1,
      }),
      w.as.communeSubmitter.put(`/submissions/${draft.id}`, {
        data: { figures: { crimesDetected: 8 } },
        expectedVersion: 1,
      }),
      w.as.communeSubmitter.post(`/submissions/${draft.id}/actions`, { type: 'submit', expectedVersion: 1 }),
    ]);
    const statuses = answers.map((a) => a.status).sort();
    // Two saves race: one wins, the other is a 409. The submit either sees the new version (409) or the
    // empty draft, whose data a submit refuses (422).
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    for (const s of statuses) expect([200, 409, 422]).toContain(s);
    const current = expectStatus(await w.as.communeSubmitter.get(`/submissions/${draft.id}`), 200);
    expect(current.version).toBe(2);
    const audit = expectStatus(await w.as.secretariat.get(`/submissions/${draft.id}/audit`), 200);
    expect(audit).toMatchObject({ valid: true, eventCount: 2 });
  });
});
