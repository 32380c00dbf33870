import {
  type Decision,
  type DecisionEntry,
  decidedByOf,
  findIssuingBody,
  type GivenNumber,
  issuingBodyOfUnit,
  issuingBodyOn,
  NOMINATION_FORM_KEY,
  vnDate,
} from '@thidua/shared/commendation';
import type { Identity } from '@thidua/shared/org';
import { type TxItem, transactWrite } from '../../kernel/data/transact';
import { AppError, Conflict, NotFound, RuleViolation } from '../../kernel/http/errors';
import { newId } from '../../kernel/ids';
import { type CommendationDeps, commendationConfigOf, requireHeadDecisionOf } from './context';
import { numberAwardDecision } from './decisions';
import { signerOf } from './documents/signer';
import { decisionNotices, numberingSummary, signingModeOf } from './issuing';
import { checkRules, factsOf, listEntryOf, newRecord, throwIfViolations } from './nominations';
import { withNextNumber } from './register';
import { actItems, type Seal } from './tx';

export interface HeadDecisionInput {
  campaignId: string;
  nominationIds: string[];
  signerId?: string | undefined;
  register?: GivenNumber | undefined;
}

const NOT_FOUND = 'Không tìm thấy hồ sơ';

/**
 * The head of a commune (ward, department) decides its own awards alone, where the award type's rule says
 * so (`decidedBy: head`): on the nominations whose review ENDED at this unit (approved, the last level of
 * their chain is the unit — its thôn, tổ dân phố or offices proposed them). The unit's own body (a
 * unit-scoped one, made concrete: "ỦY BAN NHÂN DÂN / PHƯỜNG TÂN PHÚ") numbers it in its own register, the
 * unit's office holder signs, and each nomination gets its record, created `awarded` only if none exists
 * (one decision per nomination) — all in one transaction with the number, like the council's signing.
 */
export const decideByHead = async (
  d: CommendationDeps,
  identity: Identity,
  input: HeadDecisionInput,
  now: Date,
  seal: Seal<Decision>,
): Promise<Decision> => {
  const tenantId = identity.tenantId;
  const unit = await requireHeadDecisionOf(d, identity, identity.unitId, 'act');
  const { config } = await commendationConfigOf(d, tenantId, input.campaignId);
  const subs = await Promise.all(input.nominationIds.map((id) => d.submissions.get(tenantId, id)));
  const prepared = await Promise.all(
    subs.map(async (s, i) => {
      // Another unit's or another form's id answers as an unknown one.
      if (
        !s ||
        s.formKey !== NOMINATION_FORM_KEY ||
        s.campaignId !== input.campaignId ||
        !(s.unitId === unit.id || s.unitPath.includes(unit.id))
      )
        throw new NotFound(NOT_FOUND);
      if (s.state !== 'approved' || s.chain.at(-1)?.unitId !== unit.id)
        throw new RuleViolation(
          `Hồ sơ của ${s.unitName} chưa được ${unit.name} xét duyệt xong`,
          [
            {
              path: `nominationIds.${i}`,
              message: 'Chỉ quyết định hồ sơ đã được đơn vị duyệt (cấp duyệt cuối)',
            },
          ],
          'not_approved_here',
        );
      const facts = factsOf(s, config);
      const result = await checkRules(d, tenantId, config, facts, unit.id);
      return { s, facts, result };
    }),
  );
  throwIfViolations(prepared);
  const bodyIds = new Set<string>();
  for (const [i, p] of prepared.entries()) {
    const award = p.result.awardType;
    if (!award || decidedByOf(award) !== 'head' || !award.issuingBodyId)
      throw new RuleViolation(
        `${p.facts.nomineeName}: ${award?.name ?? 'hình thức này'} do Hội đồng xét, không do người đứng đầu quyết định`,
        [{ path: `nominationIds.${i}`, message: 'Hình thức khen thưởng không do người đứng đầu quyết định' }],
        'not_head_decided',
      );
    bodyIds.add(award.issuingBodyId);
  }
  const [bodyId] = bodyIds;
  if (bodyIds.size !== 1 || !bodyId)
    throw new RuleViolation('Mỗi quyết định chỉ của một cơ quan ban hành', [], 'several_issuing_bodies');
  const configured = findIssuingBody(config, bodyId);
  if (!configured) throw new AppError(500, 'config', 'Thiếu cơ quan ban hành');
  const on = vnDate(now);
  const body = issuingBodyOn(issuingBodyOfUnit(configured, unit), on);
  // The unit's office holder read fresh: its head, or the deputy named ("KT. CHỦ TỊCH").
  const holder = signerOf((await d.units.get(tenantId, unit.id)) ?? unit, on, input.signerId);
  const at = now.toISOString();
  const records = prepared.map((p) =>
    newRecord(p.s, p.facts, config, p.result, {
      stage: 'awarded',
      proposingUnitId: unit.id,
      batchId: null,
      now: at,
    }),
  );
  const entries: DecisionEntry[] = records.map((r) => ({
    ...listEntryOf(r),
    outcome: 'awarded',
    reason: `${holder.title} ${unit.name} quyết định theo đề nghị của ${r.unitName}`,
    agree: 0,
    denominatorCount: 0,
    agreePercent: 0,
  }));
  const proposers = [...new Set(records.map((r) => r.unitName))].join(', ');
  const mode = await signingModeOf(d, tenantId);
  const decided = async () => {
    // A record exists (not the counter moved): the nomination is decided already.
    const existing = await d.commendations.getRecords(tenantId, input.nominationIds);
    if (existing.size > 0)
      throw new Conflict('Hồ sơ đã có quyết định khen thưởng', undefined, 'already_decided');
  };
  return withNextNumber(async () => {
    const id = newId(now);
    const { decision, items: numbered } = await numberAwardDecision(d, identity, now, input.register, {
      id,
      campaignId: input.campaignId,
      sessionId: null,
      decidedBy: 'head',
      config,
      naming: config,
      body,
      holder,
      entries,
      awarded: entries,
      mode,
      minutesRef: '',
      proposal: `Xét đề nghị của ${proposers}.`,
    });
    const { numberText } = decision;
    const items: TxItem[] = [
      ...numbered,
      // Created only if absent: a nomination is decided once, here or anywhere.
      ...records.map((r) =>
        d.commendations.putRecord({ ...r, decisionId: id, decisionNumber: numberText }, null),
      ),
      // On paper, issued now; a digital decision is announced when its verified signature issues it.
      ...(mode === 'paper'
        ? decisionNotices(d, decision, [...new Set(records.map((r) => r.unitId))], now)
        : []),
    ];
    await transactWrite(
      d.commendations.ref.client,
      await actItems(d, identity, seal, {
        effect: items,
        result: decision,
        audit: {
          kind: 'decision',
          subject: decision,
          action: 'created',
          summary: numberingSummary(mode, numberText, ' (người đứng đầu quyết định)'),
        },
      }),
    );
    return decision;
  }, decided);
};
