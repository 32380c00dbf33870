import {
  type Batch,
  type BatchAction,
  batchMembership,
  batchTransition,
  type CampaignNomination,
  draftBatch,
  entriesRefusal,
  type ListEntry,
  type NominationFacts,
  nomineeKey,
  type RuleCheckResult,
  vnDate,
} from '@thidua/shared/commendation';
import { batchAwaitingIntent } from '@thidua/shared/notifications';
import type { Identity } from '@thidua/shared/org';
import { can } from '@thidua/shared/policy';
import { transition, type WorkflowAction } from '@thidua/shared/workflow';
import { requireAllowed } from '../../kernel/access';
import type { TransactionRefused, TxItem } from '../../kernel/data/transact';
import { Conflict, NotFound, RuleViolation } from '../../kernel/http/errors';
import { newId } from '../../kernel/ids';
import { fromLifecycleError, fromWorkflowError } from '../../kernel/workflow-errors';
import { outboxItems } from '../notifications/intents';
import type { StoredSubmission } from '../submissions/repository';
import { type CommendationDeps, commendationConfigOf, rootUnit } from './context';
import { signatureOf, signerOf } from './documents/signer';
import { documentKey } from './documents-store';
import { holdItem, releaseItem } from './holds';
import { batchResource, loadBatch } from './loaders';
import { checkRules, factsOf, listEntryOf, newRecord, throwIfViolations } from './nominations';
import { commitAct, type Seal, writeGroups } from './tx';

/** Applies a lifecycle action to a tờ trình, or throws its refusal (409 carries the current one). */
const moveBatch = (
  batch: Batch,
  action: BatchAction,
  actor: Identity,
  now: Date,
  expectedVersion?: number,
) => {
  const r = batchTransition({
    batch,
    action,
    actor,
    now: now.toISOString(),
    ...(expectedVersion === undefined ? {} : { expectedVersion }),
  });
  if (!r.ok) throw fromLifecycleError(r.error, batch);
  return r.batch;
};

/**
 * The hold items of a tờ trình's transaction: `take` for its entries, `release` for the nominations it
 * lets go. A refused hold means another open tờ trình holds the nomination: 409 `nomination_held`.
 */
const holds = (
  d: CommendationDeps,
  b: Pick<Batch, 'tenantId' | 'id'>,
  take: readonly string[],
  release: readonly string[],
): TxItem[] => [
  ...take.map((n) => holdItem(d.commendations.ref.table, b.tenantId, n, b.id)),
  ...release.map((n) => releaseItem(d.commendations.ref.table, b.tenantId, n, b.id)),
];

/** `first` is the index of the first hold item in the transaction; `ids` the nominations taken, in order. */
const heldElsewhere =
  (ids: readonly string[], first: number) =>
  (err: TransactionRefused): Conflict | undefined => {
    const held = ids.flatMap((nominationId, i) => {
      const r = err.reasonAt(first + i);
      return r?.code === 'ConditionalCheckFailed'
        ? [{ nominationId, batchId: typeof r.item?.batchId === 'string' ? r.item.batchId : null }]
        : [];
    });
    if (held.length === 0) return undefined;
    return new Conflict(
      'Có hồ sơ đang nằm trong một tờ trình khác chưa được xét; bỏ hồ sơ khỏi tờ trình đó trước',
      { held },
      'nomination_held',
    );
  };

/** The members' submissions; one the caller may not read is refused exactly as an unknown id. */
const loadMembers = async (
  d: CommendationDeps,
  identity: Identity,
  ids: readonly string[],
): Promise<StoredSubmission[]> => {
  const subs = await Promise.all(ids.map((id) => d.submissions.get(identity.tenantId, id)));
  return subs.map((s, i) => {
    const readable =
      s !== undefined &&
      can(identity, 'read', {
        type: 'nomination',
        tenantId: s.tenantId,
        unitId: s.unitId,
        unitPath: s.unitPath,
      });
    if (!readable)
      throw new RuleViolation('Hồ sơ không tồn tại', [
        { path: `nominationIds.${i}`, message: 'Không tìm thấy hồ sơ' },
      ]);
    return s;
  });
};

interface Member {
  submission: StoredSubmission;
  facts: NominationFacts;
  /** `done`: forwarded by an earlier, interrupted send of this same batch — nothing left to do. */
  action: 'approve' | 'submit' | 'done';
}

/** Checks that every nomination may go into a batch of the caller's unit and reads its facts. */
const members = async (
  d: CommendationDeps,
  identity: Identity,
  campaignId: string,
  ids: readonly string[],
  batchId: string | null,
): Promise<Awaited<ReturnType<typeof commendationConfigOf>> & { list: Member[] }> => {
  const tooMany = entriesRefusal(ids.map((nominationId) => ({ nominationId })));
  if (tooMany) throw fromLifecycleError(tooMany);
  const { config, campaign } = await commendationConfigOf(d, identity.tenantId, campaignId);
  const subs = await loadMembers(d, identity, ids);
  const records = await d.commendations.getRecords(identity.tenantId, ids);
  const details: { path: string; message: string }[] = [];
  const list: Member[] = [];
  subs.forEach((s, i) => {
    const m = batchMembership(s, { unitId: identity.unitId, campaignId });
    const rec = records.get(s.id);
    if (
      batchId !== null &&
      rec?.batchId === batchId &&
      rec.stage === 'in_review' &&
      s.state === 'under_review'
    ) {
      list.push({ submission: s, facts: factsOf(s, config), action: 'done' });
    } else if (rec?.batchId && rec.batchId !== batchId && rec.stage === 'in_review') {
      details.push({
        path: `nominationIds.${i}`,
        message: `${s.unitName}: hồ sơ đã nằm trong một tờ trình khác`,
      });
    } else if (!m.ok) details.push({ path: `nominationIds.${i}`, message: `${s.unitName}: ${m.reason}` });
    else list.push({ submission: s, facts: factsOf(s, config), action: m.action });
  });
  if (details.length > 0)
    throw new RuleViolation('Có hồ sơ không đưa được vào tờ trình', details, 'batch_membership');
  return { list, config, campaign };
};

const checkAll = async (
  d: CommendationDeps,
  identity: Identity,
  config: Parameters<typeof checkRules>[2],
  list: readonly Member[],
): Promise<{ facts: NominationFacts; result: RuleCheckResult }[]> => {
  const pending: CampaignNomination[] = list.map((m) => ({
    nominationId: m.facts.id,
    nomineeKey: nomineeKey(m.facts),
    awardTypeId: m.facts.awardTypeId,
    unitId: identity.unitId,
  }));
  return Promise.all(
    list.map(async (m) => ({
      facts: m.facts,
      result: await checkRules(d, identity.tenantId, config, m.facts, identity.unitId, pending),
    })),
  );
};

export interface BatchInput {
  campaignId: string;
  nominationIds: string[];
  reference: string;
  summary: string;
}

export interface BatchWritten {
  batch: Batch;
  findings: ReturnType<typeof findingsOf>;
}

/**
 * A new draft tờ trình of the caller's unit: the batch and one hold per nomination in one transaction,
 * with the request's answer (`seal`).
 */
export const createBatch = async (
  d: CommendationDeps,
  identity: Identity,
  input: BatchInput,
  now: Date,
  seal: Seal<BatchWritten>,
): Promise<BatchWritten> => {
  const unit = await d.units.get(identity.tenantId, identity.unitId);
  if (!unit) throw new NotFound('Không tìm thấy đơn vị');
  requireAllowed(
    identity,
    'create',
    await batchResource(d, identity.tenantId, { unitId: unit.id, unitPath: unit.path }),
  );
  const { list, config } = await members(d, identity, input.campaignId, input.nominationIds, null);
  const checks = await checkAll(d, identity, config, list);
  const r = draftBatch({
    tenantId: identity.tenantId,
    id: newId(now),
    campaignId: input.campaignId,
    unitId: unit.id,
    unitName: unit.name,
    unitPath: unit.path,
    entries: entriesOf(checks),
    reference: input.reference,
    summary: input.summary,
    actor: identity,
    now: now.toISOString(),
  });
  if (!r.ok) throw fromLifecycleError(r.error);
  const result = { batch: r.batch, findings: findingsOf(checks) };
  const ids = r.batch.entries.map((e) => e.nominationId);
  return commitAct(d, identity, seal, {
    effect: [d.commendations.putBatch(r.batch, null), ...holds(d, r.batch, ids, [])],
    result,
    audit: {
      kind: 'batch',
      subject: r.batch,
      action: 'created',
      summary: `Lập tờ trình (${ids.length} trường hợp)`,
    },
    what: 'Tờ trình',
    refused: heldElsewhere(ids, 1),
  });
};

const entriesOf = (checks: readonly { facts: NominationFacts; result: RuleCheckResult }[]): ListEntry[] =>
  checks.map(({ facts, result }) =>
    listEntryOf({
      ...facts,
      nominationId: facts.id,
      awardTypeName: result.awardType?.name ?? facts.awardTypeId,
    }),
  );

export const findingsOf = (checks: readonly { facts: NominationFacts; result: RuleCheckResult }[]) =>
  checks.map(({ facts, result }) => ({
    nominationId: facts.id,
    nomineeName: facts.nomineeName,
    violations: result.violations.map((v) => v.message),
    warnings: result.warnings.map((v) => v.message),
  }));

export const updateBatch = async (
  d: CommendationDeps,
  identity: Identity,
  id: string,
  input: Omit<BatchInput, 'campaignId'> & { expectedVersion: number },
  now: Date,
  seal: Seal<BatchWritten>,
): Promise<BatchWritten> => {
  const b = await loadBatch(d, identity, id, 'save');
  const edit = (entries: readonly ListEntry[]): BatchAction => ({
    type: 'edit',
    entries,
    reference: input.reference,
    summary: input.summary,
  });
  // State, turn and version first (unchanged entries): the members are checked only for a draft.
  moveBatch(b, edit(b.entries), identity, now, input.expectedVersion);
  const { list, config } = await members(d, identity, b.campaignId, input.nominationIds, b.id);
  const checks = await checkAll(d, identity, config, list);
  const next = moveBatch(b, edit(entriesOf(checks)), identity, now, input.expectedVersion);
  const result = { batch: next, findings: findingsOf(checks) };
  const ids = next.entries.map((e) => e.nominationId);
  const dropped = b.entries.map((e) => e.nominationId).filter((n) => !ids.includes(n));
  return commitAct(d, identity, seal, {
    effect: [d.commendations.putBatch(next, b.version), ...holds(d, next, ids, dropped)],
    result,
    audit: {
      kind: 'batch',
      subject: next,
      action: 'updated',
      summary: `Sửa tờ trình (${ids.length} trường hợp)`,
    },
    what: 'Tờ trình',
    refused: heldElsewhere(ids, 1),
  });
};

/** Applies one workflow action to a member and returns the items of its one transition. */
const transitionItems = (
  d: CommendationDeps,
  identity: Identity,
  s: StoredSubmission,
  action: WorkflowAction,
  at: string,
): TxItem[] => {
  const r = transition({ submission: s, action, actor: identity, now: at, rules: s.rules });
  if (!r.ok)
    throw fromWorkflowError(r.error, undefined, {
      subject: s.unitName,
      dataPath: `nominations.${s.id}.data`,
    });
  return d.submissions.planChange(s, { ...r.submission, rules: s.rules }, r.events).items;
};

/**
 * Sends the batch to the province: every member is forwarded (a child's nomination approved at this
 * level, the unit's own submitted) after the rules pass for all of them; then the batch itself moves and
 * its tờ trình is generated. Members go in as few transactions as the 100-item limit allows.
 */
export const submitBatch = async (
  d: CommendationDeps,
  identity: Identity,
  id: string,
  expectedVersion: number,
  now: Date,
  seal: Seal<Batch>,
): Promise<Batch> => {
  const b = await loadBatch(d, identity, id, 'act');
  // The unit's chair signs the tờ trình, not the reviewer who sends it: refused before anything moves.
  const signer = signerOf(
    (await d.units.get(identity.tenantId, b.unitId)) ?? { name: b.unitName },
    vnDate(now.toISOString()),
  );
  const docKey = documentKey(identity.tenantId, 'batch', b.id, 'docx');
  const submitted = moveBatch(b, { type: 'submit', documentKey: docKey }, identity, now, expectedVersion);
  const ids = b.entries.map((e) => e.nominationId);
  const { list, config, campaign } = await members(d, identity, b.campaignId, ids, b.id);
  const checks = await checkAll(d, identity, config, list);
  throwIfViolations(checks);

  const at = now.toISOString();
  const existing = await d.commendations.getRecords(identity.tenantId, ids);
  const groups = list.flatMap((m, i) => {
    const check = checks[i];
    if (!check) throw new Error('check missing');
    if (m.action === 'done') return [];
    const rec = existing.get(m.facts.id);
    const record = newRecord(m.submission, m.facts, config, check.result, {
      stage: 'in_review',
      proposingUnitId: identity.unitId,
      batchId: b.id,
      now: at,
    });
    return [
      [
        ...transitionItems(d, identity, m.submission, { type: m.action }, at),
        d.commendations.putRecord(
          rec ? { ...record, version: rec.version + 1 } : record,
          rec ? rec.version : null,
        ),
      ],
    ];
  });
  await writeGroups(d, groups, 'Hồ sơ trong tờ trình');

  const root = await rootUnit(d, identity.tenantId);
  // The model builder loads on the route that writes the tờ trình; the documents group renders its files.
  const [{ batchDocument }, { storeDocument }] = await Promise.all([
    import('./documents/batch-doc'),
    import('./documents/store'),
  ]);
  const model = batchDocument({
    config,
    batch: submitted,
    recipient: `Ủy ban nhân dân ${root.name.replace(/^Tỉnh/u, 'tỉnh')}`,
    submittedOn: vnDate(at),
    signature: signatureOf('TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', signer),
  });
  await storeDocument(d.documents, docKey, model);
  // The members moved in their own transactions, each conditioned on the state it left: a replay finds
  // them done. The answer is stored with the batch's own move, the effect the request is about.
  return commitAct(d, identity, seal, {
    effect: [
      d.commendations.putBatch(submitted, b.version),
      // The province's reviewers and secretariat hear of it (issue 16), in the same transaction.
      ...outboxItems(d.config.tableName, [
        batchAwaitingIntent({
          batch: submitted,
          provinceUnitId: root.id,
          naming: { campaignId: campaign.id, campaignTitle: campaign.title },
          at,
        }),
      ]),
    ],
    result: submitted,
    audit: {
      kind: 'batch',
      subject: submitted,
      action: 'submit',
      summary: 'Gửi tờ trình lên cấp tỉnh',
    },
    what: 'Tờ trình',
  });
};

/**
 * The province decides on the whole batch: approve (every member approved at the top level, its record
 * moves to "province approved") or return with a reason (every member back to its author; the batch
 * stays as a record, the district is told).
 */
export const decideBatch = async (
  d: CommendationDeps,
  identity: Identity,
  id: string,
  decision: { type: 'approve' } | { type: 'return'; reason: string },
  expectedVersion: number,
  now: Date,
  seal: Seal<Batch>,
): Promise<Batch> => {
  const b = await loadBatch(d, identity, id, 'decide');
  const decided = moveBatch(b, decision, identity, now, expectedVersion);
  const ids = b.entries.map((e) => e.nominationId);
  const subs = await loadMembers(d, identity, ids);
  const records = await d.commendations.getRecords(identity.tenantId, ids);
  const { config } = await commendationConfigOf(d, identity.tenantId, b.campaignId);
  const at = now.toISOString();

  if (decision.type === 'approve') {
    // The rules are checked again at the top: quotas may have filled since the district sent its list.
    const checks = await Promise.all(
      subs.map(async (s) => {
        const facts = factsOf(s, config);
        return { facts, result: await checkRules(d, identity.tenantId, config, facts, b.unitId) };
      }),
    );
    throwIfViolations(checks);
  }
  const stage = decision.type === 'approve' ? 'province_approved' : 'returned';
  const groups = subs.flatMap((s) => {
    const rec = records.get(s.id);
    if (!rec || rec.batchId !== b.id) throw new Conflict(`Hồ sơ của ${s.unitName} không có trong tờ trình`);
    // Already decided by an earlier, interrupted run of this same decision.
    if (rec.stage === stage) return [];
    const action: WorkflowAction =
      decision.type === 'approve' ? { type: 'approve' } : { type: 'return', reason: decision.reason };
    return [
      [
        ...transitionItems(d, identity, s, action, at),
        d.commendations.putRecord(
          {
            ...rec,
            stage,
            outcomeReason: decision.type === 'return' ? decision.reason : null,
            updatedAt: at,
            version: rec.version + 1,
          },
          rec.version,
        ),
      ],
    ];
  });
  await writeGroups(d, groups, 'Hồ sơ trong tờ trình');
  const notify: TxItem[] =
    decision.type === 'return'
      ? [
          d.commendations.putNotification({
            tenantId: identity.tenantId,
            unitId: b.unitId,
            id: newId(now),
            kind: 'batch_returned',
            refId: b.id,
            title: `Tờ trình đề nghị khen thưởng bị trả lại: ${decision.reason}`,
            at,
          }),
        ]
      : [];
  // Decided, the tờ trình lets its nominations go: a returned one may be sent again in another.
  return commitAct(d, identity, seal, {
    effect: [d.commendations.putBatch(decided, b.version), ...notify, ...holds(d, b, [], ids)],
    result: decided,
    audit: {
      kind: 'batch',
      subject: decided,
      action: decided.state,
      summary: `Cấp tỉnh xét tờ trình: ${decided.state}`,
    },
    what: 'Tờ trình',
  });
};

export { batchResource, loadBatch };
