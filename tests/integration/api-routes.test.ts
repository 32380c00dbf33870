import { dynamoCallCounter, summarize } from '@thidua/functions/kernel/data/call-counter';
import { openApiDocument } from '@thidua/functions/kernel/openapi/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../support/platform';
import {
  type ApiWorld,
  act,
  asSubmission,
  body,
  createReport,
  createUserWithPassword,
  expectStatus,
  REPORT_FORM,
  REPORT_TEMPLATE,
  type SubmissionBody,
  samplePdf,
  samplePng,
  startApiWorld,
  TEST_CAMPAIGN,
  testCampaign,
  testTemplateBody,
  units,
  uploadWithPresignedPost,
  validReport,
} from './api-world';

/**
 * Every core route, its success and its failure cases, through the real local platform (gateway with
 * JWT checks, handlers, DynamoDB Local, s3rver, cognito-local). Authorization per role is in
 * api-authz.test.ts; races in api-concurrency.test.ts; random bad input in api-fuzz.test.ts.
 */
let w: ApiWorld;
beforeAll(async () => {
  w = await startApiWorld();
});
afterAll(async () => {
  await w?.stop();
});

const errorOf = (b: Record<string, unknown>) =>
  b.error as {
    code: string;
    message: string;
    details: { path: string; message: string }[];
    current?: unknown;
  };
const itemsOf = (b: Record<string, unknown>) => b.items as Record<string, unknown>[];

describe('system', () => {
  it('GET /health: the table and the bucket answer', async () => {
    expect(expectStatus(await w.anonymous.get('/health'), 200)).toEqual({
      status: 'ok',
      checks: { table: 'ok', bucket: 'ok' },
    });
  });

  it('GET /openapi.json serves the generated document, with every route', async () => {
    const doc = expectStatus(await w.anonymous.get('/openapi.json'), 200);
    expect(doc).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
    expect(doc.openapi).toBe('3.1.0');
  });

  it('GET /me reads the user and the unit from the table; 401 without a token', async () => {
    const me = expectStatus(await w.as.districtReviewer.get('/me'), 200);
    expect((me.user as Record<string, unknown>).email).toBe('duyet.dongxoai@demo.thidua.vn');
    expect((me.unit as Record<string, unknown>).id).toBe(units.district);
    expect((me.identity as Record<string, unknown>).roles).toEqual(['reviewer']);
    expect((await w.anonymous.get('/me')).status).toBe(401);
  });
});

describe('org', () => {
  it('lists the tree page by page; a subtree with root', async () => {
    const first = expectStatus(await w.as.communeSubmitter.get('/units?limit=5'), 200);
    expect(itemsOf(first)).toHaveLength(5);
    expect(itemsOf(first)[0]?.id).toBe(units.province);
    const second = expectStatus(
      await w.as.communeSubmitter.get(
        `/units?limit=5&cursor=${encodeURIComponent(String(first.nextCursor))}`,
      ),
      200,
    );
    const ids = new Set(itemsOf(first).map((u) => u.id));
    for (const u of itemsOf(second)) expect(ids.has(u.id)).toBe(false);
    const sub = expectStatus(await w.as.communeSubmitter.get(`/units?root=${units.district}&limit=100`), 200);
    expect(itemsOf(sub).map((u) => u.id)).toContain(units.commune);
    for (const u of itemsOf(sub))
      expect(u.id === units.district || (u.path as string[]).includes(units.district)).toBe(true);
    expect((await w.as.communeSubmitter.get('/units?root=nowhere')).status).toBe(404);
  });

  it('one unit, its children; 404 for an unknown unit; 400 for a malformed id or cursor', async () => {
    expect(expectStatus(await w.as.communeSubmitter.get(`/units/${units.commune}`), 200).parentId).toBe(
      units.district,
    );
    const children = expectStatus(
      await w.as.communeSubmitter.get(`/units/${units.district}/children?limit=100`),
      200,
    );
    expect(itemsOf(children)).toHaveLength(8);
    expect((await w.as.communeSubmitter.get('/units/nowhere')).status).toBe(404);
    expect((await w.as.communeSubmitter.get('/units/nowhere/children')).status).toBe(404);
    const bad = expectStatus(await w.as.communeSubmitter.get('/units/a%20b'), 400);
    expect(errorOf(bad).details[0]?.path).toBe('path.unitId');
    // A cursor of another list cannot continue this one.
    const tree = expectStatus(await w.as.communeSubmitter.get('/units?limit=2'), 200);
    const forged = expectStatus(
      await w.as.communeSubmitter.get(
        `/units/${units.district}/children?cursor=${encodeURIComponent(String(tree.nextCursor))}`,
      ),
      400,
    );
    expect(errorOf(forged).details[0]?.path).toBe('query.cursor');
    expect((await w.as.communeSubmitter.get('/units?cursor=%%%')).status).toBe(400);
    expect((await w.as.communeSubmitter.get('/units?limit=1000')).status).toBe(400);
  });
});

describe('campaigns and templates', () => {
  it('lists and reads campaigns', async () => {
    const list = expectStatus(await w.as.communeSubmitter.get('/campaigns'), 200);
    expect(itemsOf(list).map((c) => c.id)).toEqual(expect.arrayContaining([TEST_CAMPAIGN, 'kh38-2023']));
    expect(expectStatus(await w.as.communeSubmitter.get(`/campaigns/${TEST_CAMPAIGN}`), 200).number).toBe(
      '99/KH-TEST',
    );
    expect((await w.as.communeSubmitter.get('/campaigns/nope')).status).toBe(404);
  });

  it('reads the latest template and a version', async () => {
    expect(expectStatus(await w.as.communeSubmitter.get(`/templates/${REPORT_TEMPLATE}`), 200).version).toBe(
      1,
    );
    expect(
      expectStatus(await w.as.communeSubmitter.get(`/templates/${REPORT_TEMPLATE}/versions/1`), 200).title,
    ).toBe('Báo cáo thử nghiệm');
    expect((await w.as.communeSubmitter.get(`/templates/${REPORT_TEMPLATE}/versions/9`)).status).toBe(404);
    expect((await w.as.communeSubmitter.get(`/templates/${REPORT_TEMPLATE}/versions/x`)).status).toBe(400);
    expect((await w.as.communeSubmitter.get('/templates/none')).status).toBe(404);
  });
});

describe('submissions', () => {
  it('creates a draft once per unit, form and period', async () => {
    const s = await createReport(w.as.communeSubmitter, '2026-Q2');
    expect(s).toMatchObject({ state: 'draft', version: 1, unitId: units.commune, templateVersion: 1 });
    expect((s.chain as { unitId: string }[]).map((l) => l.unitId)).toEqual([units.district, units.province]);
    expect(s.actions).toEqual(expect.arrayContaining(['submit']));
    const again = expectStatus(
      await w.as.communeSubmitter.post('/submissions', {
        campaignId: TEST_CAMPAIGN,
        formKey: REPORT_FORM,
        period: '2026-Q2',
      }),
      409,
    );
    expect(errorOf(again)).toMatchObject({ code: 'already_exists', current: { submissionId: s.id } });
  });

  it('refuses bad drafts with the right status and field paths', async () => {
    const post = (b: unknown) => w.as.communeSubmitter.post('/submissions', b);
    const e400 = expectStatus(
      await post({ campaignId: TEST_CAMPAIGN, formKey: REPORT_FORM, period: '2026-Q9' }),
      400,
    );
    expect(errorOf(e400).details.map((d) => d.path)).toEqual(['body.period']);
    expect((await post({ campaignId: 'nope', formKey: REPORT_FORM, period: '2026-Q3' })).status).toBe(404);
    const unknownForm = expectStatus(
      await post({ campaignId: TEST_CAMPAIGN, formKey: 'nope', period: '2026-Q3' }),
      422,
    );
    expect(errorOf(unknownForm).details[0]?.path).toBe('body.formKey');
    expect((await post({ campaignId: TEST_CAMPAIGN, formKey: REPORT_FORM, period: '2027-Q1' })).status).toBe(
      422,
    );
    const badData = expectStatus(
      await post({
        campaignId: TEST_CAMPAIGN,
        formKey: REPORT_FORM,
        period: '2026-Q3',
        data: { figures: { crimesDetected: 'ba' } },
      }),
      422,
    );
    expect(errorOf(badData)).toMatchObject({ code: 'invalid_data' });
    expect(errorOf(badData).details[0]?.path).toBe('body.data.figures.crimesDetected');
    // Reviewers do not author.
    expect(
      (
        await w.as.districtReviewer.post('/submissions', {
          campaignId: TEST_CAMPAIGN,
          formKey: REPORT_FORM,
          period: '2026-Q3',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await w.as.communeSubmitter.request('POST', '/submissions', {
          body: '{"campaignId":',
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(400);
  });

  it('saves a draft at the expected version; a stale version is a 409 with the current state', async () => {
    const s = await createReport(w.as.communeSubmitter, '2026-Q3', {});
    const saved = asSubmission(
      expectStatus(
        await w.as.communeSubmitter.put(`/submissions/${s.id}`, { data: validReport(7), expectedVersion: 1 }),
        200,
      ),
    );
    expect(saved.version).toBe(2);
    expect(saved.data).toEqual({ figures: { crimesDetected: 7, drugCases: 1 } });
    const stale = expectStatus(
      await w.as.communeSubmitter.put(`/submissions/${s.id}`, { data: {}, expectedVersion: 1 }),
      409,
    );
    expect(errorOf(stale)).toMatchObject({ code: 'version_conflict', current: { version: 2 } });
    expect(
      (await w.as.departmentSubmitter.put(`/submissions/${s.id}`, { data: {}, expectedVersion: 2 })).status,
    ).toBe(404);
    const noVersion = expectStatus(
      await w.as.communeSubmitter.put(`/submissions/${s.id}`, { data: {} }),
      400,
    );
    expect(errorOf(noVersion).details[0]?.path).toBe('body.expectedVersion');
    const submitIncomplete = expectStatus(
      await w.as.communeSubmitter.put(`/submissions/${s.id}`, {
        data: { figures: { drugCases: 2 } },
        expectedVersion: 2,
      }),
      200,
    );
    const refused = expectStatus(
      await w.as.communeSubmitter.post(`/submissions/${s.id}/actions`, {
        type: 'submit',
        expectedVersion: submitIncomplete.version,
      }),
      422,
    );
    expect(errorOf(refused).details.map((d) => d.path)).toContain('body.data.figures.crimesDetected');
  });

  it('travels the chain: submit, district returns with a reason, resubmit, district and province approve', async () => {
    const author = w.as.communeSubmitter;
    let s = await createReport(author, '2026-Q4', validReport(2));
    s = await act(author, s, { type: 'submit' });
    expect(s).toMatchObject({ state: 'under_review', level: 0 });
    const submittedVersion = s.version;

    // The province may not act before the district; a return needs a reason.
    await act(w.as.provinceReviewer, s, { type: 'approve' }, 403);
    const noReason = expectStatus(
      await w.as.districtReviewer.post(`/submissions/${s.id}/actions`, {
        type: 'return',
        reason: '',
        expectedVersion: s.version,
      }),
      400,
    );
    expect(errorOf(noReason).details[0]?.path).toBe('body.reason');
    expect(
      (
        await w.as.districtReviewer.post(`/submissions/${s.id}/actions`, {
          type: 'fly',
          expectedVersion: s.version,
        })
      ).status,
    ).toBe(400);

    s = await act(w.as.districtReviewer, s, { type: 'return', reason: 'Thiếu số vụ ma túy quý 4' });
    expect(s).toMatchObject({ state: 'returned', returnedFromLevel: 0 });
    s = asSubmission(
      expectStatus(
        await author.put(`/submissions/${s.id}`, { data: validReport(5), expectedVersion: s.version }),
        200,
      ),
    );

    const diff = expectStatus(await author.get(`/submissions/${s.id}/diff?since=${submittedVersion}`), 200);
    expect(diff.changes).toEqual([{ path: 'figures.crimesDetected', before: 2, after: 5 }]);
    expect((await author.get(`/submissions/${s.id}/diff?since=1`)).status).toBe(404);

    s = await act(author, s, { type: 'submit' });
    expect(s).toMatchObject({ state: 'under_review', level: 0 });
    s = await act(w.as.districtReviewer, s, { type: 'approve', comment: 'Đạt' });
    expect(s).toMatchObject({ state: 'under_review', level: 1 });
    s = await act(w.as.provinceReviewer, s, { type: 'approve' });
    expect(s).toMatchObject({ state: 'approved', level: null });
    expect(s.actions).toEqual(['reopen']);

    const history = expectStatus(await author.get(`/submissions/${s.id}/history`), 200);
    const events = history.events as { action: string; seq: number; actorUnitId: string }[];
    expect(events.map((e) => e.action)).toEqual([
      'create',
      'submit',
      'return',
      'save',
      'submit',
      'approve',
      'approve',
    ]);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // People are named beside their roles (issue 15): the user record's name on every event.
    const named = history.events as { actorName: string | null }[];
    expect(named.at(-1)?.actorName).toBe('Lê Văn Cường');
    expect(named.at(-2)?.actorName).toBe('Phạm Thị Dung');
    expect(named.every((e) => typeof e.actorName === 'string' && e.actorName !== '')).toBe(true);
    const audit = expectStatus(await w.as.secretariat.get(`/submissions/${s.id}/audit`), 200);
    expect(audit).toMatchObject({ valid: true, eventCount: 7, problems: [] });

    // Reopening from the top brings it back to the top level.
    s = await act(w.as.provinceReviewer, s, { type: 'reopen', reason: 'Điều chỉnh số liệu theo kiểm tra' });
    expect(s).toMatchObject({ state: 'returned', returnedFromLevel: 1 });
  });

  it('a department submits straight to the province; the author may withdraw before review', async () => {
    let s = await createReport(w.as.departmentSubmitter, '2026-Q1');
    expect((s.chain as { unitId: string }[]).map((l) => l.unitId)).toEqual([units.province]);
    s = await act(w.as.departmentSubmitter, s, { type: 'submit' });
    s = await act(w.as.departmentSubmitter, s, { type: 'withdraw' });
    expect(s.state).toBe('withdrawn');
    s = await act(w.as.departmentSubmitter, s, { type: 'submit' });
    s = await act(w.as.provinceReviewer, s, { type: 'approve' });
    expect(s.state).toBe('approved');
  });

  it('an approval costs exactly one DynamoDB write and at most one read', async () => {
    let s = await createReport(w.as.communeSubmitter, '2026-H1');
    s = await act(w.as.communeSubmitter, s, { type: 'submit' });
    const before = dynamoCallCounter.totals();
    const approved = await act(w.as.districtReviewer, s, { type: 'approve' });
    const after = dynamoCallCounter.totals();
    const delta = Object.fromEntries(
      Object.entries(after)
        .map(([op, n]) => [op, n - (before[op] ?? 0)] as const)
        .filter(([, n]) => n > 0),
    );
    const calls = summarize(delta);
    expect(approved.level).toBe(1);
    expect(calls.byOperation).toEqual({ GetItem: 1, TransactWriteItems: 1 });
    expect(calls.writes).toBe(1);
    expect(calls.reads).toBeLessThanOrEqual(1);
  });

  it('an Idempotency-Key replayed 5 times writes once and answers the same', async () => {
    let s = await createReport(w.as.communeSubmitter, '2026-H2');
    s = await act(w.as.communeSubmitter, s, { type: 'submit' });
    const key = { 'idempotency-key': `approve-${s.id}` };
    const request = () =>
      w.as.districtReviewer.post(
        `/submissions/${s.id}/actions`,
        { type: 'approve', expectedVersion: s.version },
        key,
      );
    const first = await request();
    expect(first.status).toBe(200);
    const writesBefore = summarize(dynamoCallCounter.totals()).writes;
    const replays = [];
    for (let i = 0; i < 5; i++) replays.push(await request());
    for (const r of replays) {
      expect(r.status).toBe(200);
      expect(r.body).toEqual(first.body);
      expect(r.headers.get('idempotent-replayed')).toBe('true');
    }
    expect(summarize(dynamoCallCounter.totals()).writes - writesBefore).toBe(0);
    const events = (
      expectStatus(await w.as.secretariat.get(`/submissions/${s.id}/history`), 200).events as {
        action: string;
      }[]
    ).map((e) => e.action);
    expect(events.filter((a) => a === 'approve')).toHaveLength(1);

    // Concurrent duplicates of a new request: one write, five equal answers.
    let c = await createReport(w.as.departmentSubmitter, '2026-H1');
    c = await act(w.as.departmentSubmitter, c, { type: 'submit' });
    const ckey = { 'idempotency-key': `approve-${c.id}` };
    const concurrent = await Promise.all(
      Array.from({ length: 5 }, () =>
        w.as.provinceReviewer.post(
          `/submissions/${c.id}/actions`,
          { type: 'approve', expectedVersion: c.version },
          ckey,
        ),
      ),
    );
    expect(concurrent.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    for (const r of concurrent) expect(r.body).toEqual(concurrent[0]?.body);
    const cEvents = expectStatus(await w.as.secretariat.get(`/submissions/${c.id}/history`), 200).events as {
      action: string;
    }[];
    expect(cEvents.filter((e) => e.action === 'approve')).toHaveLength(1);

    // The same key for a different request is refused; a malformed key is a 400.
    const reused = expectStatus(
      await w.as.districtReviewer.post(
        `/submissions/${s.id}/actions`,
        { type: 'approve', expectedVersion: s.version + 5 },
        key,
      ),
      422,
    );
    expect(errorOf(reused).code).toBe('idempotency_key_reused');
    const malformed = expectStatus(
      await w.as.districtReviewer.post(
        `/submissions/${s.id}/actions`,
        { type: 'approve', expectedVersion: 1 },
        { 'idempotency-key': 'x' },
      ),
      400,
    );
    expect(errorOf(malformed).details[0]?.path).toBe('header.idempotency-key');
  });

  it('creating a draft is idempotent too: the replay answers the first draft', async () => {
    const key = { 'idempotency-key': 'create-draft-2027-Q1-xyz' };
    const b = { campaignId: TEST_CAMPAIGN, formKey: REPORT_FORM, period: '2026-Y', data: validReport() };
    const first = await w.as.communeSubmitter.post('/submissions', b, key);
    const again = await w.as.communeSubmitter.post('/submissions', b, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
  });
});

describe('lists: scopes, filters as key conditions, cursors', () => {
  let q1: SubmissionBody;
  beforeAll(async () => {
    // One submission waiting for the district, one draft (overdue: the Q1 deadline has passed).
    const s = await createReport(w.as.communeSubmitter, '2026-Q1');
    q1 = await act(w.as.communeSubmitter, s, { type: 'submit' });
  });

  const list = async (who: keyof ApiWorld['as'], query: string) =>
    itemsOf(expectStatus(await w.as[who].get(`/submissions?${query}`), 200));

  it('mine, inbox and subtree', async () => {
    expect((await list('communeSubmitter', 'scope=mine')).map((i) => i.id)).toContain(q1.id);
    const inbox = await list('districtReviewer', `scope=inbox&campaignId=${TEST_CAMPAIGN}`);
    expect(inbox.map((i) => i.id)).toContain(q1.id);
    for (const i of inbox) expect(i.onTurnUnitId).toBe(units.district);
    expect(
      (await list('provinceReviewer', `scope=inbox&campaignId=${TEST_CAMPAIGN}`)).map((i) => i.id),
    ).not.toContain(q1.id);
    const tree = await list('provinceReviewer', `scope=subtree&root=${units.district}`);
    expect(tree.map((i) => i.id)).toContain(q1.id);
    expect((await list('otherDistrictReviewer', 'scope=subtree')).map((i) => i.unitId)).not.toContain(
      units.commune,
    );
  });

  it('filters: campaign → form → period prefix, status, author unit, overdue', async () => {
    const prefix = `campaignId=${TEST_CAMPAIGN}&formKey=${REPORT_FORM}&period=2026-Q1`;
    const byPeriod = await list('communeSubmitter', `scope=mine&${prefix}`);
    expect(byPeriod.map((i) => i.id)).toEqual([q1.id]);
    const byStatus = await list(
      'communeSubmitter',
      `scope=mine&campaignId=${TEST_CAMPAIGN}&status=under_review`,
    );
    for (const i of byStatus) expect(i.state).toBe('under_review');
    expect(byStatus.map((i) => i.id)).toContain(q1.id);
    const drafts = await list('communeSubmitter', `scope=mine&campaignId=${TEST_CAMPAIGN}&status=draft`);
    for (const i of drafts) expect(i.state).toBe('draft');
    const byUnit = await list('districtReviewer', `scope=inbox&unitId=${units.commune}`);
    for (const i of byUnit) expect(i.unitId).toBe(units.commune);
    const overdue = await list('districtReviewer', `scope=inbox&campaignId=${TEST_CAMPAIGN}&overdue=true`);
    for (const i of overdue) expect(Date.parse(String(i.dueAt))).toBeLessThan(Date.now());
  });

  it('refuses filter combinations that are not key conditions (400)', async () => {
    for (const [query, path] of [
      [`scope=mine&formKey=${REPORT_FORM}`, 'query.formKey'],
      [`scope=mine&campaignId=${TEST_CAMPAIGN}&period=2026-Q1`, 'query.period'],
      // status with unitId is a key now (gsi4, ADR 0023); a unit's own list still has no unit filter.
      [`scope=mine&status=draft&unitId=${units.commune}`, 'query.unitId'],
      ['scope=inbox&overdue=true', 'query.overdue'],
      [`scope=mine&root=${units.district}`, 'query.root'],
      ['scope=everything', 'query.scope'],
      ['overdue=maybe', 'query.overdue'],
    ] as const) {
      const e = expectStatus(await w.as.districtReviewer.get(`/submissions?${query}`), 400);
      expect(errorOf(e).details[0]?.path, query).toBe(path);
    }
  });

  it('pages with a cursor that continues only the same list', async () => {
    const first = expectStatus(await w.as.communeSubmitter.get('/submissions?scope=mine&limit=1'), 200);
    expect(itemsOf(first)).toHaveLength(1);
    const cursor = encodeURIComponent(String(first.nextCursor));
    const second = expectStatus(
      await w.as.communeSubmitter.get(`/submissions?scope=mine&limit=1&cursor=${cursor}`),
      200,
    );
    expect(itemsOf(second)[0]?.id).not.toBe(itemsOf(first)[0]?.id);
    // The commune's cursor cannot open the district's inbox.
    expect((await w.as.districtReviewer.get(`/submissions?scope=inbox&cursor=${cursor}`)).status).toBe(400);
    // A forged cursor in the right partition but outside the filter, or over DynamoDB's key size: 400, never 500.
    const forge = (sk: string) =>
      encodeURIComponent(
        Buffer.from(JSON.stringify({ pk: `T#binh-phuoc#LIST#MINE#${units.commune}`, sk })).toString(
          'base64url',
        ),
      );
    const filtered = `/submissions?scope=mine&campaignId=${TEST_CAMPAIGN}`;
    expect(
      (await w.as.communeSubmitter.get(`${filtered}&cursor=${forge('C#other#F#x#P#2026-Q1#S#1')}`)).status,
    ).toBe(400);
    expect(
      (
        await w.as.communeSubmitter.get(
          `${filtered}&cursor=${forge(`C#${TEST_CAMPAIGN}#${'x'.repeat(1100)}`)}`,
        )
      ).status,
    ).toBe(400);
    expect(
      (await w.as.communeSubmitter.get(`${filtered}&cursor=${forge(`C#${TEST_CAMPAIGN}#F#zzz`)}`)).status,
    ).toBe(200);
  });

  it('completeness of the district communes for a form and period', async () => {
    const c = expectStatus(
      await w.as.districtReviewer.get(
        `/campaigns/${TEST_CAMPAIGN}/completeness?formKey=${REPORT_FORM}&period=2026-Q1`,
      ),
      200,
    );
    expect(c.total).toBe(8);
    const statuses = Object.fromEntries(
      (c.units as { unitId: string; status: string }[]).map((u) => [u.unitId, u.status]),
    );
    expect(statuses[units.commune]).toBe('submitted');
    expect(Object.values(statuses).filter((s) => s === 'not_started')).toHaveLength(7);
    expect(c.complete).toBe(false);
    expect((c.stateCounters as Record<string, number>).under_review).toBe(1);
    const province = expectStatus(
      await w.as.secretariat.get(
        `/campaigns/${TEST_CAMPAIGN}/completeness?formKey=${REPORT_FORM}&period=2026-Q1&unitId=${units.province}`,
      ),
      200,
    );
    expect(province.total).toBeGreaterThan(11);
    expect(
      (
        await w.as.districtReviewer.get(
          `/campaigns/${TEST_CAMPAIGN}/completeness?formKey=${REPORT_FORM}&period=2027-Q1`,
        )
      ).status,
    ).toBe(422);
    expect(
      (await w.as.districtReviewer.get(`/campaigns/${TEST_CAMPAIGN}/completeness?formKey=${REPORT_FORM}`))
        .status,
    ).toBe(400);
    expect(
      (
        await w.as.otherDistrictReviewer.get(
          `/campaigns/${TEST_CAMPAIGN}/completeness?formKey=${REPORT_FORM}&period=2026-Q1&unitId=${units.district}`,
        )
      ).status,
    ).toBe(404);
  });
});

describe('attachments', () => {
  let draft: SubmissionBody;
  beforeAll(async () => {
    draft = await createReport(w.as.departmentSubmitter, '2026-Q2');
  });
  const start = (file: { fileName: string; contentType: string; size: number }, id = draft.id) =>
    w.as.departmentSubmitter.post(`/submissions/${id}/attachments`, file);

  it('uploads with a presigned POST, checks the bytes, links the file in the form, downloads it', async () => {
    const started = expectStatus(
      await start({
        fileName: 'Biên bản họp.pdf',
        contentType: 'application/pdf',
        size: samplePdf.byteLength,
      }),
      201,
    );
    const attachment = started.attachment as { id: string; status: string; name: string };
    expect(attachment).toMatchObject({ status: 'pending', name: 'Biên bản họp.pdf' });
    const upload = started.upload as { url: string; fields: Record<string, string> };
    const early = expectStatus(
      await w.as.departmentSubmitter.post(`/submissions/${draft.id}/attachments/${attachment.id}/confirm`),
      409,
    );
    expect(errorOf(early).code).toBe('not_uploaded');
    expect(await uploadWithPresignedPost(upload, samplePdf, 'application/pdf')).toBeLessThan(300);
    const confirmed = expectStatus(
      await w.as.departmentSubmitter.post(`/submissions/${draft.id}/attachments/${attachment.id}/confirm`),
      200,
    );
    expect(confirmed).toMatchObject({ status: 'ready', size: samplePdf.byteLength });

    const listed = expectStatus(
      await w.as.departmentSubmitter.get(`/submissions/${draft.id}/attachments`),
      200,
    );
    expect(itemsOf(listed).map((a) => a.id)).toContain(attachment.id);
    expect(JSON.stringify(listed)).not.toContain('objectKey');

    // Outside the department's line: no link, and no hint that the file exists.
    expect(
      (await w.as.otherDistrictReviewer.get(`/submissions/${draft.id}/attachments/${attachment.id}/download`))
        .status,
    ).toBe(404);
    const own = expectStatus(
      await w.as.departmentSubmitter.get(`/submissions/${draft.id}/attachments/${attachment.id}/download`),
      200,
    );
    const file = await fetch(String(own.url));
    expect(file.status).toBe(200);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(samplePdf);

    // The form references it by id; name, size and type come from the record.
    const saved = expectStatus(
      await w.as.departmentSubmitter.put(`/submissions/${draft.id}`, {
        data: {
          ...validReport(),
          evidence: {
            files: [{ attachmentId: attachment.id, name: 'x.pdf', size: 1, contentType: 'application/pdf' }],
          },
        },
        expectedVersion: draft.version,
      }),
      200,
    );
    expect((saved.data as { evidence: { files: unknown[] } }).evidence.files[0]).toEqual({
      attachmentId: attachment.id,
      name: 'Biên bản họp.pdf',
      size: samplePdf.byteLength,
      contentType: 'application/pdf',
    });
    draft = asSubmission(saved);
  });

  it('refuses a file whose bytes are not its declared type, a too large or unknown type, an unchecked reference', async () => {
    const started = expectStatus(
      await start({ fileName: 'anh.pdf', contentType: 'application/pdf', size: samplePng.byteLength }),
      201,
    );
    const a = started.attachment as { id: string };
    await uploadWithPresignedPost(
      started.upload as { url: string; fields: Record<string, string> },
      samplePng,
      'application/pdf',
    );
    const wrong = expectStatus(
      await w.as.departmentSubmitter.post(`/submissions/${draft.id}/attachments/${a.id}/confirm`),
      422,
    );
    expect(errorOf(wrong).code).toBe('content_mismatch');
    expect(
      (await w.as.departmentSubmitter.get(`/submissions/${draft.id}/attachments/${a.id}/download`)).status,
    ).toBe(409);

    expect(
      (await start({ fileName: 'big.pdf', contentType: 'application/pdf', size: 21 * 1024 * 1024 })).status,
    ).toBe(413);
    const html = expectStatus(await start({ fileName: 'x.html', contentType: 'text/html', size: 10 }), 400);
    expect(errorOf(html).details[0]?.path).toBe('body.contentType');

    const bad = expectStatus(
      await w.as.departmentSubmitter.put(`/submissions/${draft.id}`, {
        data: {
          evidence: {
            files: [{ attachmentId: a.id, name: 'x.pdf', size: 1, contentType: 'application/pdf' }],
          },
        },
        expectedVersion: draft.version,
      }),
      422,
    );
    expect(errorOf(bad).details[0]?.path).toBe('body.data.evidence.files.0');
    expect(
      (await w.as.departmentSubmitter.post(`/submissions/${draft.id}/attachments/nope/confirm`)).status,
    ).toBe(404);
  });

  it('no uploads once the submission left the unit', async () => {
    const s = await act(w.as.departmentSubmitter, draft, { type: 'submit' });
    const r = expectStatus(
      await start({ fileName: 'late.pdf', contentType: 'application/pdf', size: 10 }, s.id),
      409,
    );
    expect(errorOf(r).code).toBe('invalid_state');
  });
});

describe('audit', () => {
  it('exports a campaign trail as CSV for the secretariat; 403 for a reviewer; 404 for an unknown campaign', async () => {
    const r = await w.as.secretariat.get(`/campaigns/${TEST_CAMPAIGN}/audit-trail`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/csv');
    const lines = r.text.trim().split('\r\n');
    expect(lines[0]).toContain('thoi_diem,ma_bao_cao,stt,thao_tac');
    expect(lines.length).toBeGreaterThan(10);
    expect(r.text).toContain('approve');
    expect((await w.as.districtReviewer.get(`/campaigns/${TEST_CAMPAIGN}/audit-trail`)).status).toBe(403);
    expect((await w.as.secretariat.get('/campaigns/nope/audit-trail')).status).toBe(404);
  });

  it('verifies a chain; 404 for an unknown submission', async () => {
    expect((await w.as.secretariat.get('/submissions/nope/audit')).status).toBe(404);
  });
});

describe('unit sign-off and the roll-up of child reports', () => {
  it("with sign-off, a submission waits in the unit head's inbox; the head who filled it may not sign", async () => {
    expectStatus(
      await w.as.admin.post(
        '/admin/campaigns',
        testCampaign('api-signoff-campaign', { requireUnitSignOff: true }),
      ),
      201,
    );
    let s = await createReport(w.as.communeSubmitter, '2026-Q1', validReport(), 'api-signoff-campaign');
    s = await act(w.as.communeSubmitter, s, { type: 'submit' });
    expect(s).toMatchObject({ state: 'awaiting_signoff', level: null });
    const inbox = itemsOf(
      expectStatus(
        await w.as.communeHead.get('/submissions?scope=inbox&campaignId=api-signoff-campaign'),
        200,
      ),
    );
    expect(inbox.map((i) => i.id)).toEqual([s.id]);
    expect(inbox[0]?.onTurnUnitId).toBe(units.commune);
    expect((await w.as.communeSubmitter.get('/submissions?scope=inbox')).status).toBe(403);
    expect(
      itemsOf(
        expectStatus(
          await w.as.districtReviewer.get('/submissions?scope=inbox&campaignId=api-signoff-campaign'),
          200,
        ),
      ),
    ).toEqual([]);
    await act(w.as.communeSubmitter, s, { type: 'sign_off' }, 403);
    s = await act(w.as.communeHead, s, { type: 'sign_off' });
    expect(s).toMatchObject({ state: 'under_review', level: 0 });
    const district = itemsOf(
      expectStatus(
        await w.as.districtReviewer.get('/submissions?scope=inbox&campaignId=api-signoff-campaign'),
        200,
      ),
    );
    expect(district.map((i) => i.id)).toEqual([s.id]);
    expect(
      itemsOf(
        expectStatus(
          await w.as.communeHead.get('/submissions?scope=inbox&campaignId=api-signoff-campaign'),
          200,
        ),
      ),
    ).toEqual([]);
  });

  it("a consolidated report goes up only when the child units' reports are approved", async () => {
    // A district officer, created by the administrator and given a password in the user pool.
    const email = 'tonghop.dongxoai@demo.thidua.vn';
    await createUserWithPassword(
      w,
      { email, name: 'Cán bộ tổng hợp', unitId: units.district, roles: ['submitter'] },
      'ThiDua@2026!',
    );
    const districtOfficer = await apiAs(w.platform, email, 'ThiDua@2026!');
    expect((expectStatus(await districtOfficer.get('/me'), 200).unit as { id: string }).id).toBe(
      units.district,
    );

    const consolidated = {
      ...testTemplateBody,
      title: 'Báo cáo tổng hợp',
      workflow: { requireChildrenApproved: true },
    };
    expectStatus(await w.as.admin.post('/admin/templates/api_test_consolidated/versions', consolidated), 201);
    const base = testCampaign('api-rollup-campaign');
    expectStatus(
      await w.as.admin.post('/admin/campaigns', {
        ...base,
        participants: { unitKinds: ['district'], unitIds: [units.commune] },
        // One form for communes and districts: a district's report consolidates its communes' reports.
        forms: [
          {
            formKey: REPORT_FORM,
            templateId: 'api_test_consolidated',
            templateVersion: 1,
            periods: ['2026-Q1'],
          },
        ],
      }),
      201,
    );
    let parent = await createReport(districtOfficer, '2026-Q1', validReport(), 'api-rollup-campaign');
    const early = expectStatus(
      await districtOfficer.post(`/submissions/${parent.id}/actions`, {
        type: 'submit',
        expectedVersion: parent.version,
      }),
      422,
    );
    expect((early.error as { code: string }).code).toBe('children_incomplete');

    let child = await createReport(w.as.communeSubmitter, '2026-Q1', validReport(), 'api-rollup-campaign');
    child = await act(w.as.communeSubmitter, child, { type: 'submit' });
    const rollup = `/campaigns/api-rollup-campaign/completeness?formKey=${REPORT_FORM}&period=2026-Q1`;
    expect(expectStatus(await w.as.districtReviewer.get(rollup), 200)).toMatchObject({
      total: 1,
      complete: false,
    });
    child = await act(w.as.districtReviewer, child, { type: 'approve' });
    expect(expectStatus(await w.as.districtReviewer.get(rollup), 200)).toMatchObject({
      total: 1,
      complete: true,
      missing: [],
    });

    parent = await act(districtOfficer, parent, { type: 'submit' });
    expect(parent).toMatchObject({ state: 'under_review', level: 0 });
    expect((parent.chain as { unitId: string }[]).map((l) => l.unitId)).toEqual([units.province]);
  });
});

describe('administration', () => {
  it('units: create, rename, close with a successor', async () => {
    const created = expectStatus(
      await w.as.admin.post('/admin/units', {
        id: 'phuong-moi',
        kind: 'commune',
        name: 'Phường Mới',
        parentId: units.district,
        openedOn: '2026-01-01',
      }),
      201,
    );
    expect(created.path).toEqual([units.province, units.district]);
    expect(
      (
        await w.as.admin.post('/admin/units', {
          id: 'phuong-moi',
          kind: 'commune',
          name: 'X',
          parentId: units.district,
          openedOn: '2026-01-01',
        })
      ).status,
    ).toBe(409);
    const orphan = expectStatus(
      await w.as.admin.post('/admin/units', {
        kind: 'commune',
        name: 'X',
        parentId: 'nowhere',
        openedOn: '2026-01-01',
      }),
      422,
    );
    expect(errorOf(orphan).details[0]?.path).toBe('body.parentId');
    expect(
      expectStatus(await w.as.admin.put('/admin/units/phuong-moi', { name: 'Phường Mới 2' }), 200).name,
    ).toBe('Phường Mới 2');
    const closed = expectStatus(
      await w.as.admin.put('/admin/units/phuong-moi', { closedOn: '2026-07-01', successorId: units.commune }),
      200,
    );
    expect(closed).toMatchObject({ closedOn: '2026-07-01', successorId: units.commune });
    expect((await w.as.admin.put('/admin/units/phuong-moi', { successorId: 'nowhere' })).status).toBe(422);
    expect((await w.as.admin.put('/admin/units/nowhere', { name: 'X' })).status).toBe(404);
    expect((await w.as.admin.put('/admin/units/phuong-moi', {})).status).toBe(400);
    expect(
      (
        await w.as.secretariat.post('/admin/units', {
          kind: 'commune',
          name: 'X',
          parentId: units.district,
          openedOn: '2026-01-01',
        })
      ).status,
    ).toBe(403);
  });

  it('users: list by unit, create in Cognito and the table, change roles', async () => {
    const listed = expectStatus(await w.as.admin.get(`/admin/users?unitId=${units.commune}`), 200);
    expect(itemsOf(listed).map((u) => u.email)).toEqual(
      expect.arrayContaining(['canbo.tanphu@demo.thidua.vn', 'truong.tanphu@demo.thidua.vn']),
    );
    expect((await w.as.admin.get('/admin/users')).status).toBe(400);
    const created = expectStatus(
      await w.as.admin.post('/admin/users', {
        email: 'moi.tanphu@demo.thidua.vn',
        name: 'Cán bộ Mới',
        unitId: units.commune,
        roles: ['submitter'],
      }),
      201,
    );
    expect(created).toMatchObject({ unitId: units.commune, roles: ['submitter'], active: true });
    expect(String(created.id).length).toBeGreaterThan(10);
    expect(
      (
        await w.as.admin.post('/admin/users', {
          email: 'moi.tanphu@demo.thidua.vn',
          name: 'X',
          unitId: units.commune,
          roles: ['submitter'],
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await w.as.admin.post('/admin/users', {
          email: 'khac@demo.thidua.vn',
          name: 'X',
          unitId: 'nowhere',
          roles: ['submitter'],
        })
      ).status,
    ).toBe(422);
    const updated = expectStatus(
      await w.as.admin.put(`/admin/users/${created.id}`, { roles: ['submitter', 'unit_head'] }),
      200,
    );
    expect(updated.roles).toEqual(['submitter', 'unit_head']);
    expect((await w.as.admin.put('/admin/users/nobody', { active: false })).status).toBe(404);
  });

  it('campaigns: create once, only on existing templates, replace', async () => {
    const c = testCampaign('api-admin-campaign');
    expect((await w.as.admin.post('/admin/campaigns', c)).status).toBe(201);
    expect((await w.as.admin.post('/admin/campaigns', c)).status).toBe(409);
    const missing = expectStatus(
      await w.as.admin.post('/admin/campaigns', {
        ...testCampaign('api-admin-campaign-2'),
        forms: [{ formKey: 'x', templateId: 'nope', templateVersion: 1, periods: ['2026-Q1'] }],
      }),
      422,
    );
    expect(errorOf(missing).details[0]?.path).toBe('body.forms.0.templateVersion');
    const { id: _id, ...rest } = c;
    expect(
      expectStatus(
        await w.as.admin.put('/admin/campaigns/api-admin-campaign', { ...rest, title: 'Đã đổi' }),
        200,
      ).title,
    ).toBe('Đã đổi');
    expect((await w.as.admin.put('/admin/campaigns/nope', rest)).status).toBe(404);
    expect((await w.as.admin.post('/admin/campaigns', { ...c, id: 'x', periods: [] })).status).toBe(400);
  });

  it('templates: a new version does not change submissions in flight; a broken definition is a 422', async () => {
    const s = await createReport(w.as.communeSubmitter, '2026-Q2', validReport(), 'api-admin-campaign');
    const v2 = expectStatus(
      await w.as.admin.post(`/admin/templates/${REPORT_TEMPLATE}/versions`, {
        ...testTemplateBody,
        title: 'Báo cáo thử nghiệm (v2)',
      }),
      201,
    );
    expect(v2).toEqual({ templateId: REPORT_TEMPLATE, version: 2 });
    expect(expectStatus(await w.as.communeSubmitter.get(`/templates/${REPORT_TEMPLATE}`), 200).version).toBe(
      2,
    );
    expect(expectStatus(await w.as.communeSubmitter.get(`/submissions/${s.id}`), 200).templateVersion).toBe(
      1,
    );
    const dup = {
      ...testTemplateBody,
      sections: [
        { key: 'a', title: 'A', fields: [{ key: 'x', label: 'X', type: 'integer' }] },
        { key: 'a', title: 'B', fields: [{ key: 'y', label: 'Y', type: 'integer' }] },
      ],
    };
    const broken = expectStatus(
      await w.as.admin.post(`/admin/templates/${REPORT_TEMPLATE}/versions`, dup),
      422,
    );
    expect(errorOf(broken).details[0]?.path).toBe('body.sections.1.key');
    expect(
      (await w.as.admin.post(`/admin/templates/${REPORT_TEMPLATE}/versions`, { kind: 'report' })).status,
    ).toBe(400);
    expect(
      body(
        await w.as.communeSubmitter.post(`/admin/templates/${REPORT_TEMPLATE}/versions`, testTemplateBody),
      ),
    ).toMatchObject({
      error: { code: 'forbidden' },
    });
  });
});
