import {
  type Batch,
  batchMembership,
  type CampaignNomination,
  isBatchEditable,
  MAX_BATCH_ENTRIES,
  type NominationFacts,
  nomineeKey,
  type RuleCheckResult,
  vnDate,
} from '@thidua/shared/commendation';
import type { Identity } from '@thidua/shared/org';
import { reviewerRoles, transition, type WorkflowAction } from '@thidua/shared/workflow';
import type { StoredSubmission } from '../data/submissions';
import type { TxItem } from '../data/transact';
import { Conflict, Forbidden, NotFound, RuleViolation } from '../http/errors';
import { newId } from '../ids';
import { type CommendationDeps, commendationConfigOf, displayName, rootUnit } from './context';
import { DOCX_TYPE, documentKey } from './documents-store';
import { checkRules, factsOf, newRecord, throwIfViolations } from './nominations';
import { workflowRefusal, writeGroups, writeOnce } from './tx';

const isReviewer = (i: Identity) => i.roles.some((r) => (reviewerRoles as readonly string[]).includes(r));

/** A batch is visible to its own unit and to the province. */
export const loadBatch = async (d: CommendationDeps, identity: Identity, id: string): Promise<Batch> => {
  const b = await d.repo.getBatch(identity.tenantId, id);
  if (!b) throw new NotFound('Không tìm thấy tờ trình');
  const root = await rootUnit(d, identity.tenantId);
  const mine = b.unitId === identity.unitId;
  const province =
    identity.unitId === root.id &&
    identity.roles.some((r) => ['reviewer', 'secretariat', 'admin', 'chair'].includes(r));
  if (!mine && !province) throw new NotFound('Không tìm thấy tờ trình');
  return b;
};

const loadMembers = async (
  d: CommendationDeps,
  tenantId: string,
  ids: readonly string[],
): Promise<StoredSubmission[]> => {
  const subs = await Promise.all(ids.map((id) => d.submissions.get(tenantId, id)));
  return subs.map((s, i) => {
    if (!s)
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
): Promise<{ list: Member[]; config: Awaited<ReturnType<typeof commendationConfigOf>>['config'] }> => {
  if (ids.length > MAX_BATCH_ENTRIES)
    throw new RuleViolation(`Một tờ trình có tối đa ${MAX_BATCH_ENTRIES} hồ sơ`, [], 'batch_too_large');
  if (new Set(ids).size !== ids.length)
    throw new RuleViolation('Danh sách có hồ sơ trùng lặp', [], 'batch_duplicate');
  const { config } = await commendationConfigOf(d, identity.tenantId, campaignId);
  const subs = await loadMembers(d, identity.tenantId, ids);
  const records = await d.repo.getRecords(identity.tenantId, ids);
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
  return { list, config };
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

export const createBatch = async (d: CommendationDeps, identity: Identity, input: BatchInput, now: Date) => {
  if (!isReviewer(identity)) throw new Forbidden('Chỉ cán bộ thẩm định của đơn vị mới lập được tờ trình');
  const { list, config } = await members(d, identity, input.campaignId, input.nominationIds, null);
  const checks = await checkAll(d, identity, config, list);
  const unit = await d.units.get(identity.tenantId, identity.unitId);
  if (!unit) throw new NotFound('Không tìm thấy đơn vị');
  const at = now.toISOString();
  const batch: Batch = {
    tenantId: identity.tenantId,
    id: newId(now),
    campaignId: input.campaignId,
    unitId: unit.id,
    unitName: unit.name,
    unitPath: unit.path,
    state: 'draft',
    entries: entriesOf(checks),
    reference: input.reference,
    summary: input.summary,
    createdBy: identity.userId,
    createdAt: at,
    submittedBy: null,
    submittedAt: null,
    decidedBy: null,
    decidedAt: null,
    returnReason: null,
    documentKey: null,
    version: 1,
  };
  await writeOnce(d, [d.repo.putBatch(batch, null)], 'Tờ trình');
  return { batch, findings: findingsOf(checks) };
};

const entriesOf = (checks: readonly { facts: NominationFacts; result: RuleCheckResult }[]) =>
  checks.map(({ facts, result }) => ({
    nominationId: facts.id,
    unitId: facts.unitId,
    unitName: facts.unitName,
    nomineeKind: facts.nomineeKind,
    nomineeName: facts.nomineeName,
    nomineeTitle: facts.nomineeTitle,
    nomineeUnitName: facts.nomineeUnitName,
    awardTypeId: facts.awardTypeId,
    awardTypeName: result.awardType?.name ?? facts.awardTypeId,
  }));

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
) => {
  const b = await loadBatch(d, identity, id);
  if (b.unitId !== identity.unitId || !isReviewer(identity))
    throw new Forbidden('Chỉ đơn vị lập tờ trình mới sửa được');
  if (!isBatchEditable(b)) throw new Conflict('Tờ trình đã gửi, không sửa được', b, 'invalid_state');
  const { list, config } = await members(d, identity, b.campaignId, input.nominationIds, b.id);
  const checks = await checkAll(d, identity, config, list);
  const next: Batch = {
    ...b,
    entries: entriesOf(checks),
    reference: input.reference,
    summary: input.summary,
    version: b.version + 1,
  };
  await writeOnce(d, [d.repo.putBatch(next, input.expectedVersion)], 'Tờ trình');
  return { batch: next, findings: findingsOf(checks) };
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
  if (!r.ok) throw workflowRefusal(s.unitName, r.error);
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
) => {
  const b = await loadBatch(d, identity, id);
  if (b.unitId !== identity.unitId || !isReviewer(identity))
    throw new Forbidden('Chỉ đơn vị lập tờ trình mới gửi được');
  if (b.version !== expectedVersion) throw new Conflict(undefined, b, 'version_conflict');
  if (!isBatchEditable(b)) throw new Conflict('Tờ trình đã được gửi', b, 'invalid_state');
  if (b.entries.length === 0) throw new RuleViolation('Tờ trình chưa có hồ sơ nào', [], 'batch_empty');
  const ids = b.entries.map((e) => e.nominationId);
  const { list, config } = await members(d, identity, b.campaignId, ids, b.id);
  const checks = await checkAll(d, identity, config, list);
  throwIfViolations(checks);

  const at = now.toISOString();
  const existing = await d.repo.getRecords(identity.tenantId, ids);
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
        d.repo.putRecord(rec ? { ...record, version: rec.version + 1 } : record, rec ? rec.version : null),
      ],
    ];
  });
  await writeGroups(d, groups, 'Hồ sơ trong tờ trình');

  const root = await rootUnit(d, identity.tenantId);
  const docKey = documentKey(identity.tenantId, 'batch', b.id, 'docx');
  const submitted: Batch = {
    ...b,
    state: 'submitted',
    submittedBy: identity.userId,
    submittedAt: at,
    documentKey: docKey,
    version: b.version + 1,
  };
  // docx loads on the route that writes the tờ trình, not at cold start.
  const { batchDocx } = await import('./documents/batch-doc');
  const bytes = await batchDocx({
    config,
    batch: submitted,
    recipient: `Ủy ban nhân dân ${root.name.replace(/^Tỉnh/u, 'tỉnh')}`,
    submittedOn: vnDate(at),
    signerName: await displayName(d, identity),
  });
  await d.documents.put(docKey, bytes, DOCX_TYPE);
  await writeOnce(d, [d.repo.putBatch(submitted, b.version)], 'Tờ trình');
  return submitted;
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
) => {
  const b = await loadBatch(d, identity, id);
  const root = await rootUnit(d, identity.tenantId);
  if (identity.unitId !== root.id || !isReviewer(identity))
    throw new Forbidden('Chỉ cấp tỉnh mới xét tờ trình');
  if (b.version !== expectedVersion) throw new Conflict(undefined, b, 'version_conflict');
  if (b.state !== 'submitted') throw new Conflict('Tờ trình không ở trạng thái chờ xét', b, 'invalid_state');
  const ids = b.entries.map((e) => e.nominationId);
  const subs = await loadMembers(d, identity.tenantId, ids);
  const records = await d.repo.getRecords(identity.tenantId, ids);
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
        d.repo.putRecord(
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
  const decided: Batch = {
    ...b,
    state: decision.type === 'approve' ? 'approved' : 'returned',
    decidedBy: identity.userId,
    decidedAt: at,
    returnReason: decision.type === 'return' ? decision.reason : null,
    version: b.version + 1,
  };
  const notify: TxItem[] =
    decision.type === 'return'
      ? [
          d.repo.putNotification({
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
  await writeOnce(d, [d.repo.putBatch(decided, b.version), ...notify], 'Tờ trình');
  return decided;
};
