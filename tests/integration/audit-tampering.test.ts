import { createHash } from 'node:crypto';
import {
  DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { canonicalJson } from '@thidua/functions/data/audit-chain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT, emulatorClients } from '../support/platform';
import {
  type ApiWorld,
  act,
  createReport,
  expectStatus,
  startApiWorld,
  units,
  validReport,
} from './api-world';

/**
 * Issue 12, point 4: tampering done directly in DynamoDB Local, as someone holding a function's table
 * rights would. Before the keyed chain these four verified as valid: a submission set back from approved
 * to returned, moved to another unit, stripped of its whole history, or rewritten with its chain and head
 * recomputed. Each must now verify as INVALID and say what does not match.
 */
let w: ApiWorld;
beforeAll(async () => {
  w = await startApiWorld();
}, 240_000);
afterAll(async () => {
  await w?.stop();
});

type Item = Record<string, unknown>;

const withTable = async <T>(fn: (doc: DynamoDBDocumentClient, table: string) => Promise<T>): Promise<T> => {
  const clients = emulatorClients(w.platform);
  try {
    return await fn(DynamoDBDocumentClient.from(clients.dynamo), w.platform.tableName);
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
  let s = await createReport(w.as.communeSubmitter, period, validReport(2));
  s = await act(w.as.communeSubmitter, s, { type: 'submit' });
  s = await act(w.as.districtReviewer, s, { type: 'approve' });
  s = await act(w.as.provinceReviewer, s, { type: 'approve' });
  expect(s.state).toBe('approved');
  return s;
};

const verify = async (submissionId: string) =>
  expectStatus(await w.as.secretariat.get(`/submissions/${submissionId}/audit`), 200) as {
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
    let s = await createReport(w.as.communeSubmitter, '2026-Q3', validReport(1));
    s = await act(w.as.communeSubmitter, s, { type: 'submit' });
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
