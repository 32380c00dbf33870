import { createHash } from 'node:crypto';
import {
  DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { canonicalJson } from '@thidua/functions/features/audit/chain';
import { describe, expect, it } from 'vitest';
import { DEMO_TENANT, emulatorClients } from '../support/platform';
import { act, createReport, expectStatus, units, useApiWorld, validReport } from './api-world';

/**
 * Issue 12, point 4: tampering done directly in DynamoDB Local, as someone holding a function's table
 * rights would. Before the keyed chain these four verified as valid: a submission set back from approved
 * to returned, moved to another unit, stripped of its whole history, or rewritten with its chain and head
 * recomputed. Each must now verify as INVALID and say what does not match.
 */
const world = useApiWorld();

type Item = Record<string, unknown>;

const withTable = async <T>(fn: (doc: DynamoDBDocumentClient, table: string) => Promise<T>): Promise<T> => {
  const clients = emulatorClients(world().platform);
  try {
    return await fn(DynamoDBDocumentClient.from(clients.dynamo), world().platform.tableName);
  } finally {
    clients.destroy();
  }
};

/** The submission's partition: the submission (`SUB`) and its events (`EV#…`). */
const partition = (submissionId: string) =>
  withTable(async (doc, table) => {
    const r = await doc.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `T#${DEMO_TENANT}#SUB#${submissionId}` },
        ConsistentRead: true,
      }),
    );
    const items = (r.Items ?? []) as Item[];
    const submission = items.find((i) => i.sk === 'SUB');
    if (!submission) throw new Error(`no submission item for ${submissionId}`);
    return { submission, events: items.filter((i) => String(i.sk).startsWith('EV#')) };
  });

const put = (item: Item) =>
  withTable((doc, table) => doc.send(new PutCommand({ TableName: table, Item: item })));

const approved = async (period: string) => {
  let s = await createReport(world().as.communeSubmitter, period, validReport(2));
  s = await act(world().as.communeSubmitter, s, { type: 'submit' });
  s = await act(world().as.districtReviewer, s, { type: 'approve' });
  s = await act(world().as.provinceReviewer, s, { type: 'approve' });
  expect(s.state).toBe('approved');
  return s;
};

const verify = async (submissionId: string) =>
  expectStatus(await world().as.secretariat.get(`/submissions/${submissionId}/audit`), 200) as {
    valid: boolean;
    problems: { seq: number | null; problem: string }[];
  };

const problemsOf = (r: { problems: { problem: string }[] }) => r.problems.map((p) => p.problem).join(' | ');

describe('tampering directly in the table', () => {
  it('a submission set back from approved to returned verifies as invalid', async () => {
    const s = await approved('2026-Q1');
    expect((await verify(s.id)).valid).toBe(true);
    const { submission } = await partition(s.id);
    await put({ ...submission, state: 'returned', level: 0, returnedFromLevel: 1 });
    const r = await verify(s.id);
    expect(r.valid, problemsOf(r)).toBe(false);
    expect(problemsOf(r)).toContain('Trạng thái');
  });

  it('a submission moved to another unit verifies as invalid', async () => {
    let s = await createReport(world().as.communeSubmitter, '2026-Q3', validReport(1));
    s = await act(world().as.communeSubmitter, s, { type: 'submit' });
    const { submission } = await partition(s.id);
    await put({ ...submission, unitId: units.otherDistrict, unitName: 'Bình Long' });
    const r = await verify(s.id);
    expect(r.valid, problemsOf(r)).toBe(false);
    expect(problemsOf(r)).toContain('Đơn vị');
  });

  it('a submission whose whole history was erased verifies as invalid', async () => {
    const s = await approved('2026-Q2');
    const { submission, events } = await partition(s.id);
    await withTable((doc, table) =>
      doc.send(
        new TransactWriteCommand({
          TransactItems: [
            ...events.map((e) => ({ Delete: { TableName: table, Key: { pk: e.pk, sk: e.sk } } })),
            { Put: { TableName: table, Item: { ...submission, lastEventHash: '', eventSeq: 0 } } },
          ],
        }),
      ),
    );
    const r = await verify(s.id);
    expect(r.valid, problemsOf(r)).toBe(false);
    expect(problemsOf(r)).toContain('tạo');
  });

  it('a chain rewritten and recomputed with its head inside the table verifies as invalid', async () => {
    const s = await approved('2026-Q4');
    const { submission, events } = await partition(s.id);
    // The attacker rewrites who approved at the province and recomputes every hash with the published
    // algorithm (SHA-256 over the previous hash and the canonical event): what a plain chain cannot catch.
    const sha256 = (x: string) => createHash('sha256').update(x, 'utf8').digest('hex');
    const sorted = [...events].sort((a, b) => String(a.sk).localeCompare(String(b.sk)));
    let prev = '0'.repeat(64);
    const rewritten = sorted.map((raw, i) => {
      const { pk, sk, type, gsi1pk, gsi1sk, hash: _h, ...body } = raw;
      const changed = i === sorted.length - 1 ? { ...body, actorId: 'someone-else', reason: 'Đã sửa' } : body;
      const next = { ...changed, prevHash: prev };
      const hash = sha256(`${prev}\n${canonicalJson(next)}`);
      prev = hash;
      return { pk, sk, type, gsi1pk, gsi1sk, ...next, hash };
    });
    for (const e of rewritten) await put(e);
    await put({ ...submission, lastEventHash: prev });
    const r = await verify(s.id);
    expect(r.valid, problemsOf(r)).toBe(false);
  });
});

interface ChainResult {
  kind: string;
  subjectId: string;
  label: string;
  valid: boolean;
  problems: { seq: number | null; problem: string }[];
}
const verification = async (query = '') =>
  expectStatus(await world().as.secretariat.get(`/audit/verification${query}`), 200) as {
    valid: boolean;
    anchoredAt: string | null;
    chains: ChainResult[];
  };
const chainOf = (r: { chains: ChainResult[] }, kind: string, subjectId: string) => {
  const c = r.chains.find((x) => x.kind === kind && x.subjectId === subjectId);
  if (!c)
    throw new Error(`no ${kind} chain ${subjectId} in ${JSON.stringify(r.chains.map((x) => x.subjectId))}`);
  return c;
};

describe('administrative changes and anchors', () => {
  it('an administrative change is chained with the actor by name; the unit changed in the table is caught', async () => {
    const created = expectStatus(
      await world().as.admin.post('/admin/units', {
        id: 'audit-test-unit',
        kind: 'commune',
        name: 'Xã Kiểm Toán',
        parentId: units.district,
        openedOn: '2026-01-01',
      }),
      201,
    );
    expect(created.id).toBe('audit-test-unit');
    expectStatus(
      await world().as.admin.put('/admin/units/audit-test-unit', { name: 'Xã Kiểm Toán Mới' }),
      200,
    );
    const one = expectStatus(await world().as.secretariat.get('/audit/chains/unit/audit-test-unit'), 200) as {
      valid: boolean;
      events: { action: string; actorName: string; actorRoles: string[]; summary: string }[];
    };
    expect(one.valid).toBe(true);
    expect(one.events.map((e) => e.action)).toEqual(['created', 'updated']);
    expect(one.events[1]?.summary).toContain('Xã Kiểm Toán → Xã Kiểm Toán Mới');
    expect(one.events.every((e) => e.actorName.length > 0 && e.actorRoles.includes('admin'))).toBe(true);
    expect(chainOf(await verification(), 'unit', 'audit-test-unit').valid).toBe(true);

    const [unit] = await withTable(async (doc, table) => {
      const r = await doc.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': `T#${DEMO_TENANT}#UNIT#audit-test-unit` },
        }),
      );
      return (r.Items ?? []) as Item[];
    });
    if (!unit) throw new Error('unit item missing');
    await put({ ...unit, parentId: units.otherDistrict });
    const after = chainOf(await verification(), 'unit', 'audit-test-unit');
    expect(after.valid).toBe(false);
    expect(problemsOf(after)).toContain('Đơn vị hiện tại khác');
  });

  it('a chain rolled back, after an anchor, to an earlier sealed head is caught by the anchor', async () => {
    // A rollback: the last transaction's events removed and the head and state set back to the event
    // before, which carries a valid seal of its own. Only the anchor outside the table can tell.
    const s = await approved('2026-H1');
    expectStatus(await world().as.secretariat.get(`/submissions/${s.id}/audit`), 200);
    const run = await world().platform.scheduler.runNow('audit-anchor');
    expect(run.ok, run.error).toBe(true);
    const { submission, events } = await partition(s.id);
    const sorted = [...events].sort((a, b) => String(a.sk).localeCompare(String(b.sk)));
    const last = sorted.at(-1);
    const before = sorted.at(-2);
    if (!last || !before) throw new Error('events missing');
    await withTable((doc, table) =>
      doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Delete: { TableName: table, Key: { pk: last.pk, sk: last.sk } } },
            {
              Put: {
                TableName: table,
                Item: {
                  ...submission,
                  state: (before.to as { state: string }).state,
                  level: (before.to as { level: number | null }).level,
                  version: before.version,
                  lastEventHash: before.hash,
                  eventSeq: before.seq,
                },
              },
            },
          ],
        }),
      ),
    );
    const r = await verify(s.id);
    expect(r.valid, problemsOf(r)).toBe(false);
    expect(problemsOf(r)).toContain('mốc neo');
    const all = await verification(`?campaignId=${submission.campaignId}`);
    expect(all.anchoredAt).not.toBeNull();
    expect(chainOf(all, 'submission', s.id).valid).toBe(false);
  });

  it('a corrupt item makes its chain invalid and names it; the CSV marks the events that do not verify', async () => {
    let s = await createReport(world().as.communeSubmitter, '2026-H2', validReport(3));
    s = await act(world().as.communeSubmitter, s, { type: 'submit' });
    const { submission, events } = await partition(s.id);
    const first = events.find((e) => e.sk === 'EV#00000001');
    if (!first) throw new Error('first event missing');
    await put({ ...first, seq: 'one' });
    const all = await verification(`?campaignId=${submission.campaignId}`);
    const c = chainOf(all, 'submission', s.id);
    expect(c.valid).toBe(false);
    expect(problemsOf(c)).toContain(`${String(first.pk)}/EV#00000001`);
    await put(first);
    await put({ ...submission, state: 'approved' });
    const csv = await world().as.secretariat.get(`/campaigns/${String(submission.campaignId)}/audit-trail`);
    expect(csv.status).toBe(200);
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toContain('xac_minh');
    const rows = lines.filter((l) => l.includes(s.id));
    // The creation still verifies; the last event no longer matches the submission as stored.
    expect(rows.length).toBe(2);
    expect(rows.find((l) => l.includes(',create,'))).toMatch(/,hợp lệ$/);
    expect(rows.find((l) => l.includes(',submit,'))).toContain('KHÔNG HỢP LỆ: Trạng thái hiện tại');
  });
});
