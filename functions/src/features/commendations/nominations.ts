import { findFormAssignment } from '@thidua/shared/campaign';
import {
  type Batch,
  type CampaignNomination,
  type CommendationConfig,
  checkNominationRules,
  type ListEntry,
  liveStageList,
  matchTitle,
  NOMINATION_FORM_KEY,
  type NominationFacts,
  type NominationRecord,
  type NominationStage,
  type Nominee,
  nominationFacts,
  nomineeKey,
  nomineeKeys,
  type PastAward,
  type RuleCheckResult,
  redactNominee,
  type SubmissionLike,
} from '@thidua/shared/commendation';
import { sensitiveRefs } from '@thidua/shared/forms';
import type { Identity } from '@thidua/shared/org';
import { authorizeSensitiveRead } from '@thidua/shared/policy';
import { RuleViolation } from '../../kernel/http/errors';
import type { StoredSubmission, SubmissionSummary } from '../submissions/repository';
import { templateVersionOf } from '../submissions/use-cases';
import type { CommendationDeps } from './context';

/** The facts of a nomination submission, or 422 naming the fields the rules cannot read. */
export const factsOf = (
  s: SubmissionLike & { formKey: string },
  config: CommendationConfig,
): NominationFacts => {
  if (s.formKey !== NOMINATION_FORM_KEY)
    throw new RuleViolation('Hồ sơ không phải hồ sơ đề nghị khen thưởng');
  const r = nominationFacts(s, matchTitle(config));
  if (!r.ok) {
    throw new RuleViolation(
      `Hồ sơ của ${s.unitName} chưa đủ thông tin để xét khen thưởng`,
      r.issues.map((i) => ({ path: `data.${i.path.join('.')}`, message: i.message })),
      'nomination_incomplete',
    );
  }
  return r.facts;
};

const toCampaignNomination = (r: NominationRecord): CampaignNomination => ({
  nominationId: r.nominationId,
  nomineeKey: r.nomineeKey,
  awardTypeId: r.awardTypeId,
  unitId: r.proposingUnitId,
});

/**
 * The nominee's records: in this tenant, and in every province it absorbed (ADR 0017), under each key
 * the nominee may have been filed with — one Query per tenant and key on the nominee's partition.
 */
const nomineeHistory = async (
  d: Pick<CommendationDeps, 'commendations' | 'mergers'>,
  tenantId: string,
  facts: NominationFacts,
): Promise<{ own: NominationRecord[]; inherited: NominationRecord[] }> => {
  const keys = nomineeKeys(facts);
  const read = (t: string) =>
    Promise.all(keys.map((k) => d.commendations.recordsOfNominee(t, k))).then((r) => r.flat());
  const predecessors = await d.mergers.predecessorsOf(tenantId);
  const [own, ...others] = await Promise.all([
    read(tenantId),
    ...predecessors.map((m) => read(m.predecessorTenantId)),
  ]);
  return { own: own ?? [], inherited: others.flat() };
};

/**
 * Runs the rule check for one nomination with what the table knows: the live nominations of the
 * campaign for the award types its quotas count (one Query per award type) and the nominee's history
 * (its partition, here and in absorbed provinces). `pending` are nominations moving in the same operation.
 */
export const checkRules = async (
  d: Pick<CommendationDeps, 'commendations' | 'mergers'>,
  tenantId: string,
  config: CommendationConfig,
  facts: NominationFacts,
  proposingUnitId: string,
  pending: readonly CampaignNomination[] = [],
): Promise<RuleCheckResult> => {
  const awardIds = new Set<string>([facts.awardTypeId]);
  for (const rs of config.ruleSets)
    for (const a of rs.awardTypes)
      if (a.id === facts.awardTypeId)
        for (const q of a.quotas) if (q.kind === 'share_of') for (const t of q.ofTitleIds) awardIds.add(t);
  const [quota, history] = await Promise.all([
    Promise.all([...awardIds].map((id) => d.commendations.quotaRecords(tenantId, facts.campaignId, id))),
    nomineeHistory(d, tenantId, facts),
  ]);
  const { own, inherited } = history;
  const byId = new Map<string, CampaignNomination>();
  for (const r of quota.flat()) byId.set(r.nominationId, toCampaignNomination(r));
  for (const r of own)
    if (r.campaignId === facts.campaignId && liveStageList.includes(r.stage))
      byId.set(r.nominationId, toCampaignNomination(r));
  for (const p of pending) byId.set(p.nominationId, p);
  // An absorbed province's awards are earlier awards (another campaign) even where campaign ids collide.
  const pastAwards: PastAward[] = [
    ...own.filter((r) => r.campaignId !== facts.campaignId),
    ...inherited.map((r) => ({ ...r, campaignId: `${r.tenantId}/${r.campaignId}` })),
  ]
    .filter((r) => r.stage === 'awarded')
    .map((r) => ({
      nomineeKey: r.nomineeKey,
      titleId: r.awardTypeId,
      year: r.campaignYear,
      campaignId: r.campaignId,
      decisionNumber: r.decisionNumber,
    }));
  return checkNominationRules({
    config,
    nomination: facts,
    campaignNominations: [...byId.values()],
    pastAwards,
    proposingUnitId,
  });
};

/** 422 with every violation as a detail, prefixed by the nominee so a list names who is at fault. */
export const throwIfViolations = (
  results: readonly { facts: NominationFacts; result: RuleCheckResult }[],
): void => {
  const details = results.flatMap(({ facts, result }) =>
    result.violations.map((v) => ({
      path: `nominations.${facts.id}${v.path ? `.data.${v.path}` : ''}`,
      message: `${facts.nomineeName}: ${v.message}`,
    })),
  );
  if (details.length > 0) {
    throw new RuleViolation(
      details.length === 1
        ? (details[0]?.message ?? 'Vi phạm quy định khen thưởng')
        : `Có ${details.length} vi phạm quy định khen thưởng`,
      details,
      'commendation_rules',
    );
  }
};

export const newRecord = (
  s: StoredSubmission,
  facts: NominationFacts,
  config: CommendationConfig,
  result: RuleCheckResult,
  o: { stage: NominationStage; proposingUnitId: string; batchId: string | null; now: string },
): NominationRecord => ({
  tenantId: s.tenantId,
  nominationId: s.id,
  campaignId: s.campaignId,
  campaignYear: config.year,
  unitId: s.unitId,
  unitName: s.unitName,
  unitPath: s.unitPath,
  proposingUnitId: o.proposingUnitId,
  nomineeKind: facts.nomineeKind,
  nomineeName: facts.nomineeName,
  nomineeTitle: facts.nomineeTitle,
  nomineeUnitName: facts.nomineeUnitName,
  ...(facts.nomineeGender ? { nomineeGender: facts.nomineeGender } : {}),
  ...(facts.nomineeBirthDate ? { nomineeBirthDate: facts.nomineeBirthDate } : {}),
  nomineeKey: nomineeKey(facts),
  awardTypeId: facts.awardTypeId,
  awardTypeName: result.awardType?.name ?? facts.awardTypeId,
  ruleSetId: result.ruleSetId ?? 'unknown',
  stage: o.stage,
  batchId: o.batchId,
  disclosureId: null,
  sessionId: null,
  decisionId: null,
  decisionNumber: null,
  outcomeReason: null,
  updatedAt: o.now,
  version: 1,
});

/** The list line of a record or of checked facts (what batches, disclosures and decisions print). */
export const listEntryOf = (r: ListEntry): ListEntry => ({
  nominationId: r.nominationId,
  unitId: r.unitId,
  unitName: r.unitName,
  nomineeKind: r.nomineeKind,
  nomineeName: r.nomineeName,
  nomineeTitle: r.nomineeTitle,
  nomineeUnitName: r.nomineeUnitName,
  ...(r.nomineeGender ? { nomineeGender: r.nomineeGender } : {}),
  ...(r.nomineeBirthDate ? { nomineeBirthDate: r.nomineeBirthDate } : {}),
  awardTypeId: r.awardTypeId,
  awardTypeName: r.awardTypeName,
});

/** Every page of a submission list (bounded lists: one campaign's nominations at one unit). */
const listAll = async (
  d: CommendationDeps,
  q: Omit<Parameters<CommendationDeps['submissions']['list']>[0], 'limit' | 'cursor'>,
): Promise<SubmissionSummary[]> => {
  const out: SubmissionSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await d.submissions.list({ ...q, limit: 100, cursor });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return out;
};

/** Stages in which an approved nomination still waits for the council (a record may lag behind). */
const waiting: readonly NominationStage[] = ['in_review', 'province_approved', 'returned'];

export interface ApprovedNomination {
  summary: SubmissionSummary;
  record: NominationRecord | null;
}

/**
 * The province-approved nominations of a campaign that no council has taken up yet: the approved
 * nomination entries of the province's subtree list (one Query on `LIST#TREE#<root>#ST#approved`) and
 * their records (one BatchGet).
 */
export const approvedNominations = async (
  d: CommendationDeps,
  tenantId: string,
  rootUnitId: string,
  campaignId: string,
): Promise<ApprovedNomination[]> => {
  const summaries = await listAll(d, {
    tenantId,
    scope: 'TREE',
    ownerUnitId: rootUnitId,
    campaignId,
    formKey: NOMINATION_FORM_KEY,
    status: 'approved',
    now: new Date(),
  });
  const records = await d.commendations.getRecords(
    tenantId,
    summaries.map((s) => s.id),
  );
  return summaries
    .map((summary) => ({ summary, record: records.get(summary.id) ?? null }))
    .filter((x) => x.record === null || waiting.includes(x.record.stage));
};

/** Nominations waiting at a unit for its consolidation (children's, in its inbox) and its own drafts. */
export const batchCandidates = async (
  d: CommendationDeps,
  tenantId: string,
  unitId: string,
  campaignId: string,
) => {
  const common = { tenantId, campaignId, formKey: NOMINATION_FORM_KEY, now: new Date() };
  const [inbox, drafts] = await Promise.all([
    listAll(d, { ...common, scope: 'INBOX', ownerUnitId: unitId }),
    listAll(d, { ...common, scope: 'MINE', ownerUnitId: unitId, status: 'draft' }),
  ]);
  return [...inbox, ...drafts];
};

/**
 * The record of an approved nomination brought up to date for the council: created from the submission
 * when it reached the province without a batch, moved to "province approved" when it lags behind.
 */
export const approvedRecord = async (
  d: CommendationDeps,
  s: StoredSubmission,
  existing: NominationRecord | null,
  config: CommendationConfig,
  now: string,
): Promise<{
  record: NominationRecord;
  expectedVersion: number | null;
  facts: NominationFacts;
  result: RuleCheckResult;
}> => {
  const facts = factsOf(s, config);
  const proposingUnitId = existing?.proposingUnitId ?? s.unitId;
  const result = await checkRules(d, s.tenantId, config, facts, proposingUnitId);
  const base =
    existing ??
    newRecord(s, facts, config, result, { stage: 'province_approved', proposingUnitId, batchId: null, now });
  return {
    record: {
      ...base,
      stage: 'province_approved',
      outcomeReason: null,
      updatedAt: now,
      version: existing ? existing.version + 1 : 1,
    },
    expectedVersion: existing ? existing.version : null,
    facts,
    result,
  };
};

/** Where a nominee's facts sit, for the policy: the record's own unit, or the unit of the tờ trình. */
interface NomineeScope {
  tenantId: string;
  unitId: string;
  unitPath: readonly string[];
}

/**
 * The nominee facts of a campaign's records as `identity` may read them: those drawn from fields the
 * nomination template marks sensitive are redacted for a reader it does not name (the council, the
 * chair), per record, by the same policy decision as the submission view. Two reads, cached warm.
 */
export const nomineeRedaction = async (
  d: Pick<CommendationDeps, 'campaigns' | 'templates'>,
  identity: Identity,
  campaignId: string,
): Promise<<R extends Nominee>(record: R, scope: NomineeScope) => R> => {
  const campaign = await d.campaigns.get(identity.tenantId, campaignId);
  const form = campaign ? findFormAssignment(campaign, NOMINATION_FORM_KEY) : undefined;
  const template = form
    ? await templateVersionOf(d, identity.tenantId, form.templateId, form.templateVersion)
    : undefined;
  const sensitive = template ? sensitiveRefs(template) : new Set<string>();
  if (!template || sensitive.size === 0) return (r) => r;
  return (r, scope) =>
    authorizeSensitiveRead(identity, { type: 'nomination', ...scope }, template.sensitiveReaders).allowed
      ? r
      : redactNominee(r, sensitive);
};

/** A tờ trình with its entries as `identity` may read them (the tờ trình's unit is the scope). */
export const redactBatch = async (
  d: Pick<CommendationDeps, 'campaigns' | 'templates'>,
  identity: Identity,
  b: Batch,
): Promise<Batch> => {
  const redact = await nomineeRedaction(d, identity, b.campaignId);
  return { ...b, entries: b.entries.map((e) => redact(e, b)) };
};
