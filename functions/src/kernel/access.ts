import type { Identity } from '@thidua/shared/org';
import { authorize, type PolicyAction, type PolicyResource } from '@thidua/shared/policy';
import { Forbidden, NotFound } from './http/errors';

/**
 * THE shared policy, turned into HTTP: what the caller may not even read answers 404 (existence does not
 * leak); what it may read but not do answers 403 with the policy's reason. `null` is the public.
 */
export const requireAllowed = (
  identity: Identity | null,
  action: PolicyAction,
  resource: PolicyResource,
  /** The route's own not-found message, so a refusal reads exactly as an unknown id. */
  notFound?: string,
): void => {
  if (!authorize(identity, 'read', resource).allowed) throw new NotFound(notFound);
  if (action === 'read') return;
  const decision = authorize(identity, action, resource);
  if (!decision.allowed) throw new Forbidden(decision.reason);
};

/** 403 without the read check, for resources everyone may read (units, campaigns, templates). */
export const requireAction = (identity: Identity, action: PolicyAction, resource: PolicyResource): void => {
  const decision = authorize(identity, action, resource);
  if (!decision.allowed) throw new Forbidden(decision.reason);
};

export const submissionResource = (
  tenantId: string,
  s: { unitId: string; unitPath: readonly string[] },
): PolicyResource => ({ type: 'submission', tenantId, unitId: s.unitId, unitPath: s.unitPath });

/**
 * Whether the caller may read submissions below `root` (root path and id given): the policy asked about
 * a submission of a unit under the root.
 */
export const canReadBelow = (identity: Identity, root: { id: string; path: readonly string[] }): boolean =>
  authorize(identity, 'read', {
    type: 'submission',
    tenantId: identity.tenantId,
    // A unit that is not the caller's own, directly under the root: the policy decides from the path.
    unitId: `${root.id}-below`,
    unitPath: [...root.path, root.id],
  }).allowed;
