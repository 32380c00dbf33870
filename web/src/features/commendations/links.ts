import type { UnitNotification } from '@thidua/shared/commendation';

/**
 * Where a notice leads: a decision to its place among the published decisions, a revocation to the
 * published decisions (each awardee shows its revocation there), a returned tờ trình to the unit's
 * consolidation page, where it can be corrected and sent again.
 */
export function notificationLink(n: Pick<UnitNotification, 'kind' | 'refId'>, tenantId: string): string {
  const decisions = `/public/${encodeURIComponent(tenantId)}/decisions`;
  switch (n.kind) {
    case 'decision':
      return `${decisions}#${decisionAnchor(n.refId)}`;
    case 'revocation':
      return decisions;
    case 'batch_returned':
      return '/commendations/consolidate';
  }
}

/** The id of a decision's block on the public page. */
export const decisionAnchor = (decisionId: string): string => `decision-${decisionId}`;
