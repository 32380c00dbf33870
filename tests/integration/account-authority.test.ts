import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { dynamoCallCounter, summarize } from '@thidua/functions/kernel/data/call-counter';
import { emulatorCredentials } from '@thidua/functions/local/emulators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signIn, type Tokens } from '../support/platform';
import {
  type ApiWorld,
  act,
  asSubmission,
  createReport,
  createUserWithPassword,
  expectStatus,
  REPORT_FORM,
  type SubmissionBody,
  startApiWorld,
  TEST_CAMPAIGN,
  units,
  validReport,
} from './api-world';

/**
 * Issue 12, finding 2: a moved and then deactivated user went on reading, creating and submitting the
 * old commune's reports with an ID token issued before (60-minute tokens). Now every request checks the
 * user record, cached per Lambda instance for at most ACCOUNT_CACHE_TTL_SECONDS (60 in production; 1 here
 * so the test can wait the window out).
 */
const TTL_MS = 1000;
const pastTheWindow = () => new Promise((r) => setTimeout(r, TTL_MS + 150));

let w: ApiWorld;
beforeAll(async () => {
  // Read by the handler modules when the platform loads them (one platform per test file).
  process.env.ACCOUNT_CACHE_TTL_SECONDS = String(TTL_MS / 1000);
  w = await startApiWorld();
});
afterAll(async () => {
  await w?.stop();
  delete process.env.ACCOUNT_CACHE_TTL_SECONDS;
});

const errorOf = (b: Record<string, unknown>) => b.error as { code: string };
const PASSWORD = 'ThiDua@2026!';

/** A commune officer created by the administrator, signed in once: the token the attack keeps using. */
const newOfficer = async (email: string) => {
  const id = await createUserWithPassword(
    w,
    { email, name: 'Cán bộ chuyển công tác', unitId: units.commune, roles: ['submitter'] },
    PASSWORD,
  );
  const tokens = await signIn(w.platform, email, PASSWORD);
  return { id, tokens, api: api(w.platform, tokens.idToken) };
};

const refresh = async (tokens: Tokens): Promise<void> => {
  const cognito = new CognitoIdentityProviderClient({
    region: w.platform.region,
    endpoint: w.platform.cognitoEndpoint,
    credentials: emulatorCredentials,
  });
  try {
    await cognito.send(
      new InitiateAuthCommand({
        ClientId: w.platform.clientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: tokens.refreshToken },
      }),
    );
  } finally {
    cognito.destroy();
  }
};

describe('authority follows the account, not the token', () => {
  let officer: Awaited<ReturnType<typeof newOfficer>>;
  let report: SubmissionBody;

  it('before the move the token reads, creates and saves the commune reports', async () => {
    officer = await newOfficer('chuyencongtac.tanphu@demo.thidua.vn');
    report = await createReport(officer.api, '2026-Q1');
    expectStatus(await officer.api.get(`/submissions/${report.id}`), 200);
    await refresh(officer.tokens);
  });

  it('moved to another unit: within the cache window the old token loses the old commune', async () => {
    expectStatus(await w.as.admin.put(`/admin/users/${officer.id}`, { unitId: units.otherDistrict }), 200);
    await pastTheWindow();
    // Same ID token, still carrying custom:unit_id = the commune.
    expect((await officer.api.get(`/submissions/${report.id}`)).status).toBe(404);
    expect(
      (await officer.api.put(`/submissions/${report.id}`, { data: validReport(5), expectedVersion: 1 }))
        .status,
    ).toBe(404);
    expect(
      (await officer.api.post(`/submissions/${report.id}/actions`, { type: 'submit', expectedVersion: 1 }))
        .status,
    ).toBe(404);
    const created = await officer.api.post('/submissions', {
      campaignId: TEST_CAMPAIGN,
      formKey: REPORT_FORM,
      period: '2026-Q2',
      data: validReport(),
    });
    // A new report belongs to the unit of the record: the moved officer can no longer file for the commune.
    expect(asSubmission(expectStatus(created, 201))).toMatchObject({ unitId: units.otherDistrict });
    const me = expectStatus(await officer.api.get('/me'), 200);
    expect(me.identity).toMatchObject({ unitId: units.otherDistrict, roles: ['submitter'] });
    // The commune's own officer still sees the report unchanged.
    const seen = asSubmission(
      expectStatus(await w.as.communeSubmitter.get(`/submissions/${report.id}`), 200),
    );
    expect(seen).toMatchObject({ version: 1, state: 'draft' });
  });

  it('deactivated: every request with the old token is refused (401), refresh tokens are revoked', async () => {
    expectStatus(await w.as.admin.put(`/admin/users/${officer.id}`, { active: false }), 200);
    await pastTheWindow();
    const refused = expectStatus(await officer.api.get('/me'), 401);
    expect(errorOf(refused).code).toBe('account_disabled');
    expect((await officer.api.get('/submissions?scope=mine')).status).toBe(401);
    await expect(refresh(officer.tokens)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    await expect(signIn(w.platform, 'chuyencongtac.tanphu@demo.thidua.vn', PASSWORD)).rejects.toThrow();
  });
});

describe('what the record check costs an approval', () => {
  const approvalCalls = async (s: SubmissionBody) => {
    const before = dynamoCallCounter.totals();
    const approved = await act(w.as.districtReviewer, s, { type: 'approve' });
    const after = dynamoCallCounter.totals();
    expect(approved.level).toBe(1);
    const delta = Object.fromEntries(
      Object.entries(after)
        .map(([op, n]) => [op, n - (before[op] ?? 0)] as const)
        .filter(([, n]) => n > 0),
    );
    return summarize(delta);
  };

  it('warm cache: one read and one write; cold cache: one more GetItem (the user record)', async () => {
    let warm = await createReport(w.as.communeSubmitter, '2026-Q3');
    warm = await act(w.as.communeSubmitter, warm, { type: 'submit' });
    let cold = await createReport(w.as.communeSubmitter, '2026-Q4');
    cold = await act(w.as.communeSubmitter, cold, { type: 'submit' });

    expectStatus(await w.as.districtReviewer.get('/me'), 200); // warms the reviewer's record
    expect((await approvalCalls(warm)).byOperation).toEqual({ GetItem: 1, TransactWriteItems: 1 });

    await pastTheWindow();
    expect((await approvalCalls(cold)).byOperation).toEqual({ GetItem: 2, TransactWriteItems: 1 });
  });
});
