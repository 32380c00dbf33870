import {
  type AwardType,
  awardTypeAllows,
  type CommendationConfig,
  dossierPartNames,
  findAwardType,
  isInForce,
  type LegalBasis,
  ruleSetOn,
  titleName,
} from './award-types';
import { nominationFields } from './fields';
import { dossierPartFields, type NominationFacts, nomineeKey, nomineeKeys } from './nomination';

/** One finding of the rule check. A violation blocks forwarding (422); a warning is shown, not blocking. */
export interface RuleFinding {
  code:
    | 'no_rule_set'
    | 'unknown_award_type'
    | 'award_not_offered'
    | 'award_not_in_force'
    | 'wrong_nominee_kind'
    | 'missing_dossier_part'
    | 'prerequisite_not_met'
    | 'quota_exceeded'
    | 'duplicate_award_same_campaign'
    | 'award_in_other_year';
  /** Vietnamese, for the person who has to fix it. */
  message: string;
  /** Field path in the nomination form, when one field is at fault. */
  path: string | null;
  legalBasis: string | null;
}

/** Another nomination of the same campaign that is still alive (not rejected, withdrawn or not awarded). */
export interface CampaignNomination {
  nominationId: string;
  nomineeKey: string;
  awardTypeId: string;
  /** The unit that proposes it to the province (scope of `proposing_unit` quotas). */
  unitId: string;
}

/** An award granted earlier (from this product's decisions or declared in the dossier). */
export interface PastAward {
  nomineeKey: string;
  titleId: string;
  year: number;
  campaignId: string | null;
  /** "123/QĐ-UBND", when known. */
  decisionNumber: string | null;
}

export interface RuleCheckInput {
  config: CommendationConfig;
  nomination: NominationFacts;
  campaignNominations: readonly CampaignNomination[];
  pastAwards: readonly PastAward[];
  /**
   * The unit that proposes the nomination to the province: the consolidating unit for a batched
   * nomination, else the author. Scope of `proposing_unit` quotas. Defaults to the author unit.
   */
  proposingUnitId?: string;
}

export interface RuleCheckResult {
  ruleSetId: string | null;
  awardType: AwardType | null;
  violations: RuleFinding[];
  warnings: RuleFinding[];
}

const basis = (b: LegalBasis): string =>
  `${b.article ? `${b.article} ` : ''}${b.ref}${b.toVerify ? ' (cấu hình, cần đối chiếu văn bản)' : ''}`;

/**
 * Checks one nomination against the rules of the rule set it was opened under. Pure: the caller reads
 * the other nominations of the campaign and the past awards (both by key, no scans) and passes them in.
 */
export const checkNominationRules = (input: RuleCheckInput): RuleCheckResult => {
  const { config, nomination: n } = input;
  const violations: RuleFinding[] = [];
  const warnings: RuleFinding[] = [];
  const fail = (f: Omit<RuleFinding, 'path' | 'legalBasis'> & Partial<RuleFinding>) =>
    violations.push({ path: null, legalBasis: null, ...f });

  const ruleSet = ruleSetOn(config, n.openedOn);
  if (!ruleSet) {
    fail({
      code: 'no_rule_set',
      message: `Không có bộ quy định khen thưởng áp dụng cho ngày ${n.openedOn}.`,
    });
    return { ruleSetId: null, awardType: null, violations, warnings };
  }
  const award = findAwardType(ruleSet, n.awardTypeId);
  if (!award?.awardedHere) {
    fail({
      code: 'unknown_award_type',
      path: nominationFields.awardTypeId,
      message: 'Hình thức khen thưởng không tồn tại.',
    });
    return { ruleSetId: ruleSet.id, awardType: null, violations, warnings };
  }
  if (!config.offeredAwardTypeIds.includes(award.id)) {
    fail({
      code: 'award_not_offered',
      path: nominationFields.awardTypeId,
      message: `Phong trào thi đua này không xét hình thức "${award.name}".`,
    });
  }
  if (!isInForce(award, n.openedOn)) {
    fail({
      code: 'award_not_in_force',
      path: nominationFields.awardTypeId,
      message: `Hình thức "${award.name}" không còn hiệu lực vào ngày lập hồ sơ.`,
    });
  }
  if (!awardTypeAllows(award, n.nomineeKind)) {
    fail({
      code: 'wrong_nominee_kind',
      path: nominationFields.nomineeKind,
      message: `Hình thức "${award.name}" chỉ xét cho ${award.for === 'collective' ? 'tập thể' : 'cá nhân'}.`,
    });
  }

  for (const part of award.requiredDossierParts) {
    if (!n.dossierParts.includes(part)) {
      fail({
        code: 'missing_dossier_part',
        path: dossierPartFields[part],
        message: `Hồ sơ thiếu "${dossierPartNames[part]}" (bắt buộc đối với ${award.name}).`,
      });
    }
  }

  const key = nomineeKey(n);
  // The nominee's own earlier awards, whichever key they were filed under (ADR 0017).
  const keys = new Set(nomineeKeys(n));
  const ownPast = input.pastAwards.filter((a) => keys.has(a.nomineeKey));
  const history: { titleId: string; year: number }[] = [...n.priorAwards, ...ownPast];
  for (const p of award.prerequisites) {
    const end = p.endingIn === 'previous_year' ? config.year - 1 : config.year;
    const missing: number[] = [];
    for (let y = end - p.years + 1; y <= end; y += 1) {
      if (!history.some((h) => h.year === y && p.titleIds.includes(h.titleId))) missing.push(y);
    }
    if (missing.length > 0) {
      const titles = p.titleIds.map((t) => `"${titleName(config, t)}"`).join(' hoặc ');
      fail({
        code: 'prerequisite_not_met',
        path: nominationFields.priorAwards,
        message: `Chưa đủ điều kiện "${award.name}": cần ${p.years} năm liên tục đạt ${titles} (đến năm ${end}); thiếu năm ${missing.join(', ')}.`,
        legalBasis: basis(p.legalBasis),
      });
    }
  }

  // Quotas count the live nominations of the campaign, this one included exactly once.
  const proposer = input.proposingUnitId ?? n.unitId;
  const others = input.campaignNominations.filter((c) => c.nominationId !== n.id);
  const withThis = [
    ...others,
    { nominationId: n.id, nomineeKey: key, awardTypeId: award.id, unitId: proposer },
  ];
  for (const q of award.quotas) {
    const inScope = q.scope === 'campaign' ? withThis : withThis.filter((c) => c.unitId === proposer);
    const count = inScope.filter((c) => c.awardTypeId === award.id).length;
    const scopeText = q.scope === 'campaign' ? 'toàn phong trào' : 'đơn vị đề nghị';
    if (q.kind === 'absolute' && count > q.max) {
      fail({
        code: 'quota_exceeded',
        message: `Vượt số lượng "${award.name}" được đề nghị trong ${scopeText}: tối đa ${q.max}, hiện có ${count}.`,
        legalBasis: basis(q.legalBasis),
      });
    }
    if (q.kind === 'share_of') {
      const base = inScope.filter((c) => q.ofTitleIds.includes(c.awardTypeId)).length;
      const cap = Math.floor((q.percent * base) / 100);
      if (count > cap) {
        const titles = q.ofTitleIds.map((t) => `"${titleName(config, t)}"`).join(', ');
        fail({
          code: 'quota_exceeded',
          message: `Vượt tỷ lệ "${award.name}" trong ${scopeText}: không quá ${q.percent}% số đề nghị ${titles} (${base} → tối đa ${cap}), hiện có ${count}.`,
          legalBasis: basis(q.legalBasis),
        });
      }
    }
  }

  // One achievement, one award (Law 06/2022/QH15): one form per nominee per campaign.
  for (const other of others.filter((c) => c.nomineeKey === key)) {
    fail({
      code: 'duplicate_award_same_campaign',
      message: `"${n.nomineeName}" đã được đề nghị "${titleName(config, other.awardTypeId)}" trong cùng phong trào thi đua này; một thành tích chỉ được khen một hình thức.`,
      legalBasis: 'Luật Thi đua, khen thưởng số 06/2022/QH15',
    });
  }
  for (const past of ownPast) {
    const ref = past.decisionNumber ? ` (Quyết định số ${past.decisionNumber})` : '';
    if (past.campaignId === n.campaignId) {
      fail({
        code: 'duplicate_award_same_campaign',
        message: `"${n.nomineeName}" đã được tặng "${titleName(config, past.titleId)}"${ref} trong phong trào thi đua này.`,
        legalBasis: 'Luật Thi đua, khen thưởng số 06/2022/QH15',
      });
    } else {
      warnings.push({
        code: 'award_in_other_year',
        path: null,
        legalBasis: null,
        message: `"${n.nomineeName}" đã được tặng "${titleName(config, past.titleId)}" năm ${past.year}${ref}: kiểm tra để không khen trùng thành tích.`,
      });
    }
  }

  return { ruleSetId: ruleSet.id, awardType: award, violations, warnings };
};
