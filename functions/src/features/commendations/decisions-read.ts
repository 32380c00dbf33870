import { type Decision, publicEntry, type Revocation } from '@thidua/shared/commendation';
import type { Identity } from '@thidua/shared/org';
import { requireAllowed } from '../../kernel/access';
import { NotFound } from '../../kernel/http/errors';
import { type CommendationDeps, provinceResource } from './context';

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
  // Every signed decision is published.
  requireAllowed(identity, 'read', { ...(await provinceResource(d, tenantId, 'decision')), published: true });
  return decision;
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
    byUnit: units.map((unitName) => ({
      unitName,
      awardees: awardees.filter((a) => a.unitName === unitName),
    })),
  };
};
