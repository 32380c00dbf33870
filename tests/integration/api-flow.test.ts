import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiWorld,
  expectStatus,
  REPORT_FORM,
  startApiWorld,
  TEST_CAMPAIGN,
  validReport,
} from './api-world';

let w: ApiWorld;
beforeAll(async () => {
  w = await startApiWorld();
});
afterAll(async () => {
  await w?.stop();
});

describe('a periodic report travels commune → district → province', () => {
  it('is created, submitted, approved twice', async () => {
    const created = expectStatus(
      await w.as.communeSubmitter.post('/submissions', {
        campaignId: TEST_CAMPAIGN,
        formKey: REPORT_FORM,
        period: '2026-Q1',
        data: validReport(),
      }),
      201,
    );
    expect(created.state).toBe('draft');
    const id = String(created.id);
    const submitted = expectStatus(
      await w.as.communeSubmitter.post(`/submissions/${id}/actions`, {
        type: 'submit',
        expectedVersion: created.version,
      }),
      200,
    );
    expect(submitted.state).toBe('under_review');
    const d1 = expectStatus(
      await w.as.districtReviewer.post(`/submissions/${id}/actions`, {
        type: 'approve',
        expectedVersion: submitted.version,
      }),
      200,
    );
    expect(d1.level).toBe(1);
    const p1 = expectStatus(
      await w.as.provinceReviewer.post(`/submissions/${id}/actions`, {
        type: 'approve',
        expectedVersion: d1.version,
      }),
      200,
    );
    expect(p1.state).toBe('approved');
    const audit = expectStatus(await w.as.secretariat.get(`/submissions/${id}/audit`), 200);
    expect(audit.valid).toBe(true);
    console.log(audit);
  });
});
