import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { createAttachmentRepository } from '@thidua/functions/features/attachments/repository';
import { createCampaignRepository } from '@thidua/functions/features/campaigns/repository';
import { createUnitRepository } from '@thidua/functions/features/org/repository';
import {
  createSubmissionRepository,
  type StoredSubmission,
} from '@thidua/functions/features/submissions/repository';
import { dynamoCallCounter, summarize } from '@thidua/functions/kernel/data/call-counter';
import { createIdempotencyStore } from '@thidua/functions/kernel/data/idempotency-store';
import { CorruptItem } from '@thidua/functions/kernel/data/items';
import { attachmentEntity, campaignEntity, unitEntity } from '@thidua/functions/kernel/data/keys';
import { TransactionRefused, transactWrite } from '@thidua/functions/kernel/data/transact';
import { campaign2023 } from '@thidua/shared/campaign';
import type { Unit } from '@thidua/shared/org';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatorClients, type Platform, startTestPlatform } from '../support/platform';

/**
 * The repositories over DynamoDB Local: a refused write comes back as a domain outcome (never an HTTP
 * error), nothing is written, and the current item travels with a conflict.
 */
let platform: Platform;
let clients: ReturnType<typeof emulatorClients>;
let ref: { table: string; client: DynamoDBDocumentClient };
const tenantId = 'entities-test';

beforeAll(async () => {
  platform = await startTestPlatform({ seed: false });
  clients = emulatorClients(platform);
  const client = DynamoDBDocumentClient.from(clients.dynamo);
  client.middlewareStack.add(dynamoCallCounter.middleware(), { step: 'initialize', name: 'testCallCounter' });
  ref = { table: platform.tableName, client };
});

afterAll(async () => {
  clients?.destroy();
  await platform?.stop();
});

const unit = (id: string, over: Partial<Unit> = {}): Unit => ({
  tenantId,
  id,
  kind: 'commune',
  name: `Xã ${id}`,
  parentId: 'root',
  path: ['root'],
  openedOn: '2020-01-01',
  closedOn: null,
  successorId: null,
  ...over,
});

/** A report with no window, deadline or sign-off: the transaction, not the workflow, is under test. */
const noRules: StoredSubmission['rules'] = {
  entryWindow: null,
  deadlines: { submit: null, signOff: null, review: null, reviewByKind: {} },
  requireChildrenApproved: false,
  requireUnitSignOff: false,
  rejectIsTerminal: true,
};

const draft = (id: string, over: Partial<StoredSubmission> = {}): StoredSubmission => ({
  tenantId,
  id,
  campaignId: 'c1',
  formKey: 'report',
  templateId: 'tpl',
  templateVersion: 1,
  period: '2026-Q1',
  unitId: 'u1',
  unitName: 'Xã u1',
  unitPath: ['root'],
  chain: [{ unitId: 'root', unitName: 'Tỉnh', unitKind: 'province' }],
  state: 'draft',
  level: null,
  returnedFromLevel: null,
  version: 1,
  data: {},
  filledBy: ['user'],
  submittedBy: null,
  createdBy: 'user',
  createdAt: '2026-01-02T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
  dueAt: null,
  lastEventHash: '',
  eventSeq: 0,
  rules: { ...noRules, deadlines: { ...noRules.deadlines } },
  ...over,
});

describe('saving one entity', () => {
  it('create, create again, replace a missing one, and a refused companion item: outcomes, not errors', async () => {
    const units = createUnitRepository(ref);
    expect(await units.save(unit('u1'), 'create')).toEqual({ kind: 'written' });
    expect(await units.save(unit('u1', { name: 'khác' }), 'create')).toEqual({
      kind: 'already_exists',
      current: undefined,
    });
    expect((await units.get(tenantId, 'u1'))?.name).toBe('Xã u1');
    expect(await units.save(unit('nobody'), 'replace')).toEqual({ kind: 'not_found' });
    expect(await units.get(tenantId, 'nobody')).toBeUndefined();

    // The request's idempotency record exists already (a replay): the unit is not written either.
    const store = createIdempotencyStore(ref);
    const response = { fingerprint: 'f', statusCode: 201, headers: {}, body: '{}' };
    const record = store.recordItem(tenantId, 'admin', 'key-12345', response, new Date());
    expect(await units.save(unit('u2'), 'create', [record])).toEqual({ kind: 'written' });
    const again = await units.save(unit('u3'), 'create', [record]);
    expect(again.kind).toBe('condition_failed');
    expect(await units.get(tenantId, 'u3')).toBeUndefined();
    expect(await store.find(tenantId, 'admin', 'key-12345')).toMatchObject({ statusCode: 201 });
  });

  it('reads its children and its subtree through the keys it wrote', async () => {
    const units = createUnitRepository(ref);
    await units.save(unit('root', { kind: 'province', parentId: null, path: [] }), 'create');
    const children = await units.allChildren(tenantId, 'root');
    expect(children.map((u) => u.id).sort()).toEqual(['u1', 'u2']);
    const tree = await units.subtree(tenantId, null, { limit: 10 });
    expect(tree.items.map((u) => u.id)).toEqual(['root', 'u1', 'u2']);
    const many = await units.getMany(tenantId, ['u1', 'u2', 'u1', 'missing']);
    expect([...many.keys()].sort()).toEqual(['u1', 'u2']);
  });

  it('a corrupt item is named by its key when read', async () => {
    await ref.client.send(
      new PutCommand({
        TableName: ref.table,
        Item: { ...unitEntity.key({ tenantId, id: 'broken' }), type: 'Unit', id: 'broken', name: 42 },
      }),
    );
    await expect(createUnitRepository(ref).get(tenantId, 'broken')).rejects.toThrow(CorruptItem);
    await expect(createUnitRepository(ref).get(tenantId, 'broken')).rejects.toThrow(/UNIT#broken/);
  });
});

describe('a campaign read on every save (parsed once per stored version)', () => {
  it('the same item gives the same frozen value; a changed or corrupt item is parsed again', async () => {
    const campaigns = createCampaignRepository(ref);
    const stored = { ...campaign2023, tenantId, id: 'reused' };
    await ref.client.send(new PutCommand({ TableName: ref.table, Item: campaignEntity.item(stored) }));
    const first = await campaigns.get(tenantId, 'reused');
    expect(first).toEqual(stored);
    expect(await campaigns.get(tenantId, 'reused')).toBe(first);
    expect(Object.isFrozen(first?.forms[0]?.periods)).toBe(true);

    const renamed = { ...stored, title: 'Kế hoạch đã sửa' };
    await ref.client.send(new PutCommand({ TableName: ref.table, Item: campaignEntity.item(renamed) }));
    expect((await campaigns.get(tenantId, 'reused'))?.title).toBe('Kế hoạch đã sửa');

    const broken = { ...campaignEntity.item(stored), forms: 'none' };
    await ref.client.send(new PutCommand({ TableName: ref.table, Item: broken }));
    await expect(campaigns.get(tenantId, 'reused')).rejects.toThrow(CorruptItem);
  });
});

describe('a submission’s transaction', () => {
  it('a second draft for the same slot is already_exists with the first one’s id', async () => {
    const repo = createSubmissionRepository(ref);
    expect(await repo.apply(repo.planCreate(draft('s1'), []), [])).toEqual({ kind: 'written' });
    expect(await repo.apply(repo.planCreate(draft('s2'), []), [])).toEqual({
      kind: 'already_exists',
      current: { submissionId: 's1' },
    });
    expect(await repo.get(tenantId, 's2')).toBeUndefined();
  });

  it('a change from a stale version is a conflict carrying the submission that won, in one call', async () => {
    const repo = createSubmissionRepository(ref);
    const s1 = await repo.get(tenantId, 's1');
    if (!s1) throw new Error('s1 missing');
    const first = repo.planChange(s1, { ...s1, version: 2, data: { a: 1 } }, []);
    expect(await repo.apply(first, [])).toEqual({ kind: 'written' });
    const stale = repo.planChange(s1, { ...s1, version: 2, data: { a: 2 } }, []);
    const { result: outcome, calls } = await dynamoCallCounter.measure(() => repo.apply(stale, []));
    expect(outcome.kind).toBe('conflict');
    expect(outcome.kind === 'conflict' && outcome.current?.data).toEqual({ a: 1 });
    // The winner came with the refusal (ALL_OLD): no extra read.
    expect(summarize(calls)).toMatchObject({ reads: 0, writes: 1 });
  });

  it('completeness reads its counters and cells in one Query', async () => {
    const repo = createSubmissionRepository(ref);
    const { result: c, calls } = await dynamoCallCounter.measure(() =>
      repo.completeness(tenantId, {
        parentUnitId: 'root',
        campaignId: 'c1',
        formKey: 'report',
        period: '2026-Q1',
      }),
    );
    expect(calls).toEqual({ Query: 1 });
    expect(c.cells.map((x) => x.submissionId)).toEqual(['s1']);
    expect(c.counts).toEqual({ draft: 1 });
  });
});

describe('attachments', () => {
  it('confirming twice is refused with the attachment as it is now; a scan verdict needs the checked object', async () => {
    const attachments = createAttachmentRepository(ref);
    const a = {
      tenantId,
      id: 'a1',
      submissionId: 's1',
      name: 'bien-ban.pdf',
      contentType: 'application/pdf' as const,
      declaredSize: 10,
      size: null,
      status: 'pending' as const,
      objectKey: 'upload/k',
      storedKey: null,
      sha256: null,
      scanState: 'not_scanned' as const,
      uploadedBy: 'user',
      createdAt: '2026-01-02T00:00:00.000Z',
      confirmedAt: null,
    };
    expect(await attachments.create(a)).toEqual({ kind: 'written' });
    expect((await attachments.create(a)).kind).toBe('condition_failed');
    const ready = {
      ...a,
      status: 'ready' as const,
      size: 10,
      storedKey: 'evidence/k',
      scanState: 'pending' as const,
      confirmedAt: '2026-01-02T00:01:00.000Z',
    };
    await transactWrite(ref.client, [attachments.confirmItem(ready)]);
    const again = await transactWrite(ref.client, [attachments.confirmItem(ready)]).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(TransactionRefused);
    const current = (again as TransactionRefused).reasonAt(0)?.item;
    expect(current && attachmentEntity.parse(current)).toEqual(ready);

    const at = { tenantId, submissionId: 's1', attachmentId: 'a1' };
    expect(await attachments.recordScan({ ...at, storedKey: 'evidence/other' }, 'infected')).toBe(false);
    expect(await attachments.recordScan({ ...at, storedKey: 'evidence/k' }, 'clean')).toBe(true);
    expect((await attachments.get(tenantId, 's1', 'a1'))?.scanState).toBe('clean');
  });
});
