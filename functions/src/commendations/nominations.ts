import {
  type CampaignNomination,
  type CommendationConfig,
  checkNominationRules,
  liveStageList,
  matchTitle,
  NOMINATION_FORM_KEY,
  type NominationFacts,
  type NominationRecord,
  type NominationStage,
  nominationFacts,
  nomineeKey,
  type PastAward,
  type RuleCheckResult,
} from '@thidua/shared/commendation';
import type { StoredSubmission } from '../data/submissions';
import { RuleViolation } from '../http/errors';
import type { CommendationDeps } from './context';

/** The facts of a nomination submission, or 422 naming the fields the rules cannot read. */
export const factsOf = (s: StoredSubmission, config: CommendationConfig): NominationFacts => {
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
 * Runs the rule check for one nomination with what the table knows: the live nominations of the
 * campaign for the award types its quotas count (one Query per award type) and the nominee's history
 * (one Query on the nominee's partition). `pending` are nominations moving in the same operation.
 */
export const checkRules = async (
  d: CommendationDeps,
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
    Promise.all([...awardIds].map((id) => d.repo.quotaRecords(tenantId, facts.campaignId, id))),
    d.repo.recordsOfNominee(tenantId, nomineeKey(facts)),
  ]);
  const byId = new Map<string, CampaignNomination>();
  for (const r of quota.flat()) byId.set(r.nominationId, toCampaignNomination(r));
  for (const r of history)
    if (r.campaignId === facts.campaignId && liveStageList.includes(r.stage))
      byId.set(r.nominationId, toCampaignNomination(r));
  for (const p of pending) byId.set(p.nominationId, p);
  const pastAwards: PastAward[] = history
    .filter((r) => r.campaignId !== facts.campaignId && r.stage === 'awarded')
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

/** The list line of a record (what batches, disclosures and decisions print). */
export const listEntryOf = (r: NominationRecord) => ({
  nominationId: r.nominationId,
  unitId: r.unitId,
  unitName: r.unitName,
  nomineeKind: r.nomineeKind,
  nomineeName: r.nomineeName,
  nomineeTitle: r.nomineeTitle,
  nomineeUnitName: r.nomineeUnitName,
  awardTypeId: r.awardTypeId,
  awardTypeName: r.awardTypeName,
});
