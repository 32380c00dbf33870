import {
  type Decision,
  isIssued,
  publicEntry,
  type Revocation,
  splitUnitBodyId,
} from '@thidua/shared/commendation';
import type { Identity } from '@thidua/shared/org';
import type { PolicyResource } from '@thidua/shared/policy';
import { requireAllowed } from '../../kernel/access';
import { NotFound } from '../../kernel/http/errors';
import { type CommendationDeps, provinceResource, unitDecisionResource } from './context';

/**
 * Reading decisions, for the signed-in pages and the public ones. Kept apart from signing so the public
 * Lambda does not bundle the document generator.
 */
export const loadDecision = async (
  d: CommendationDeps,
  identity: Identity | null,
  tenantId: string,
  id: string,
) => {
  const decision = await d.commendations.getDecision(tenantId, id);
  if (!decision) throw new NotFound('Không tìm thấy quyết định');
  // Published once issued; before (awaiting its digital signature) only its signer's side reads it.
  requireAllowed(identity, 'read', await decisionResource(d, decision));
  return decision;
};

/**
 * The decision as the policy sees it: published once issued (ADR 0032); a unit's own decision (its body
 * is `<body>__<unit>`: head-decided, or its own council's) is its unit's resource, the province's council's
 * the province's.
 */
export const decisionResource = async (
  d: Pick<CommendationDeps, 'units'>,
  decision: Decision,
): Promise<PolicyResource> => {
  const published = isIssued(decision);
  const { unitId } = splitUnitBodyId(decision.issuingBodyId);
  const unit = unitId ? await d.units.get(decision.tenantId, unitId) : undefined;
  if (unit)
    return {
      ...unitDecisionResource(decision.tenantId, unit, decision.decidedBy === 'head' ? 'head' : 'council'),
      published,
    };
  return { ...(await provinceResource(d, decision.tenantId, 'decision')), published };
};

/** The public page of a decision: number, date, signer, awardees by unit, revocations. Nothing else. */
export const publicDecision = (x: Decision, revocations: readonly Revocation[]) => {
  const revoked = new Map(revocations.map((r) => [r.nominationId, r]));
  const awardees = x.entries
    .filter((e) => e.outcome === 'awarded')
    .map((e) => {
      const r = revoked.get(e.nominationId);
      return {
        ...publicEntry(e),
        revoked: r !== undefined,
        revocationNumber: r?.numberText ?? null,
        revokedOn: r?.signedOn ?? null,
        revocationReason: r?.reason ?? null,
      };
    });
  const units = [...new Set(awardees.map((a) => a.unitName))].sort((a, b) => a.localeCompare(b, 'vi'));
  return {
    id: x.id,
    numberText: x.numberText,
    signedOn: x.signedOn,
    signerName: x.signerName,
    signerTitle: x.signerTitle,
    title: x.title,
    awardeeCount: awardees.length,
    digitalSignature: x.signature
      ? { signerName: x.signature.signerName, signedAt: x.signature.signedAt }
      : null,
    byUnit: units.map((unitName) => ({
      unitName,
      awardees: awardees.filter((a) => a.unitName === unitName),
    })),
  };
};
