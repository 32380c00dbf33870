import {
  type Decision,
  decidedByOf,
  findAwardType,
  findIssuingBody,
  formatNumber,
  type HeadDesk,
  issuingBodyOfUnit,
  issuingBodyOn,
  nextNumber,
  type Revocation,
  ruleSetOn,
  sequenceId,
  splitUnitBodyId,
  vnDate,
} from '@thidua/shared/commendation';
import { type Identity, officeHoldersOn } from '@thidua/shared/org';
import { type CommendationDeps, commendationConfigOf, requireHeadDecisionOf } from './context';
import { dossierItemOf } from './dossier';
import { signingModeOf } from './issuing';
import { approvedNominations, factsOf, nomineeRedaction } from './nominations';
import { registerModeOf } from './register';

/**
 * What a commune's (ward's, department's) head — or its office preparing for the head — sees before
 * deciding: the nominations whose review ended at the unit (the last level of their chain is the unit)
 * and that no decision took up, whose award type the head decides alone, each with its dossier; the
 * register each decision would be numbered in and the number it would take; this year's head decisions
 * of the unit with their revocations. The same checks run again when the head decides
 * (`decideByHead`): this is a reading, nothing is reserved.
 */
export const headDesk = async (
  d: CommendationDeps,
  identity: Identity,
  campaignId: string,
  now: Date,
): Promise<HeadDesk> => {
  const tenantId = identity.tenantId;
  const unit = await requireHeadDecisionOf(d, identity, identity.unitId, 'read');
  const on = vnDate(now);
  const year = Number(on.slice(0, 4));
  const [{ config }, approved, redact, register, signingMode] = await Promise.all([
    commendationConfigOf(d, tenantId, campaignId),
    approvedNominations(d, tenantId, unit.id, campaignId),
    nomineeRedaction(d, identity, campaignId),
    d.commendations.register(tenantId, year),
    signingModeOf(d, tenantId),
  ]);
  const subs = await Promise.all(approved.map((a) => d.submissions.get(tenantId, a.summary.id)));
  const ruleSet = ruleSetOn(config, on);
  const items: HeadDesk['items'] = [];
  for (const [i, a] of approved.entries()) {
    const s = subs[i];
    // Decided here: approved with the unit as the last level, and no record (no decision, no tờ trình).
    if (!s || a.record !== null || s.chain.at(-1)?.unitId !== unit.id) continue;
    let facts: ReturnType<typeof factsOf>;
    try {
      facts = factsOf(s, config);
    } catch {
      continue; // An incomplete dossier is refused when decided; it is not the head's to list.
    }
    const award = ruleSet ? findAwardType(ruleSet, facts.awardTypeId) : null;
    if (!award || decidedByOf(award) !== 'head' || !award.issuingBodyId) continue;
    const line = {
      nominationId: s.id,
      unitId: s.unitId,
      unitName: s.unitName,
      nomineeKind: facts.nomineeKind,
      nomineeName: facts.nomineeName,
      nomineeTitle: facts.nomineeTitle,
      awardTypeName: award.name,
    };
    items.push({
      ...dossierItemOf(config, s, undefined, line, redact, tenantId, []),
      unitId: s.unitId,
      issuingBodyId: award.issuingBodyId,
    });
  }
  const ours = (x: Decision | Revocation) => splitUnitBodyId(x.issuingBodyId).unitId === unit.id;
  const decisions = register.filter(
    (x): x is Decision => x.kind === 'award' && x.decidedBy === 'head' && ours(x),
  );
  const revocations = register.filter((x): x is Revocation => x.kind === 'revocation' && ours(x));
  const bodyIds = [
    ...new Set([
      ...items.map((x) => x.issuingBodyId),
      ...decisions.map((x) => splitUnitBodyId(x.issuingBodyId).bodyId),
    ]),
  ];
  const registers = await Promise.all(
    bodyIds.flatMap((id) => {
      const configured = findIssuingBody(config, id);
      if (!configured) return [];
      return [
        (async () => {
          const body = issuingBodyOn(issuingBodyOfUnit(configured, unit), on);
          const mode = registerModeOf(body);
          const next =
            mode === 'product'
              ? nextNumber(
                  await d.commendations.counter(
                    tenantId,
                    sequenceId({ kind: 'decision', issuingBodyId: body.id, year }),
                  ),
                )
              : null;
          return {
            issuingBodyId: configured.id,
            issuingBodyName: body.name,
            mode,
            year,
            nextNumberText: next === null ? null : formatNumber(next, body.decisionSymbol),
          };
        })(),
      ];
    }),
  );
  return {
    unitId: unit.id,
    unitName: unit.name,
    signers: officeHoldersOn(unit.officeHolders, on).map((h) => ({
      id: h.id,
      name: h.name,
      title: h.title,
      role: h.role,
    })),
    registers,
    items,
    decisions: decisions
      .sort((a, b) => b.signedAt.localeCompare(a.signedAt))
      .map((decision) => ({
        decision,
        revocations: revocations.filter((r) => r.decisionId === decision.id),
      })),
    signingMode,
    serverSigner: d.config.serverSigner !== undefined,
  };
};
