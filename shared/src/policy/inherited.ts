import type { Identity } from '../org/schema';
import { getUnit, type UnitLookup } from '../org/tree';
import type { TenantMerger } from '../tenancy/merger';
import { successorUnitOf } from '../tenancy/unit-map';
import { authorize, type PolicyAction, type PolicyDecision, type PolicyResource } from './policy';

/**
 * A predecessor tenant's resource as the successor sees it: the same resource, owned by the successor
 * unit that carries the author unit's work (by the merger's unit map; the successor's root when
 * unmapped), placed in the successor's tree. The ordinary policy then decides on it, so the successor
 * ward's officer reads what its predecessor commune filed, the reviewers above the ward read it, the
 * province roles read everything, and nobody else does.
 */
export function inheritedResource(
  merger: Pick<TenantMerger, 'predecessorTenantId' | 'successorTenantId' | 'successorRootId' | 'unitMap'>,
  resource: PolicyResource,
  successorUnits: UnitLookup,
  /**
   * The units of the successor tenant that carry the mapped unit's work today (its dated successors,
   * `heirsOn` in shared/src/org): lineage inside the merged province continues the merger's.
   */
  heirs?: PolicyResource['heirs'],
): PolicyResource | null {
  if (resource.tenantId !== merger.predecessorTenantId) return null;
  const unitId =
    resource.unitId === undefined ? merger.successorRootId : successorUnitOf(merger, resource.unitId);
  const unit = getUnit(successorUnits, unitId);
  if (!unit) return null;
  const { unitId: _u, unitPath: _p, rootUnitId: _r, heirs: _h, ...rest } = resource;
  return {
    ...rest,
    tenantId: merger.successorTenantId,
    unitId: unit.id,
    unitPath: unit.path,
    rootUnitId: merger.successorRootId,
    ...(heirs && heirs.length > 0 ? { heirs } : {}),
  };
}

/**
 * Whether a user of the successor tenant may read a predecessor tenant's resource. History is read-only
 * here: acting on an absorbed province's items is refused whatever the role.
 */
export function authorizeInherited(
  identity: Identity,
  action: PolicyAction,
  merger: Parameters<typeof inheritedResource>[0],
  resource: PolicyResource,
  successorUnits: UnitLookup,
  heirs?: PolicyResource['heirs'],
): PolicyDecision {
  if (identity.tenantId !== merger.successorTenantId)
    return { allowed: false, reason: 'Ngoài phạm vi đơn vị' };
  if (action !== 'read' && action !== 'export')
    return { allowed: false, reason: 'Lịch sử của tỉnh đã hợp nhất chỉ để đọc' };
  const translated = inheritedResource(merger, resource, successorUnits, heirs);
  if (!translated) return { allowed: false, reason: 'Ngoài phạm vi đơn vị' };
  return authorize(identity, action, translated);
}

/**
 * Whether the identity may take a campaign of `sourceTenantId` as the source of a copy in the campaign
 * builder. Its own tenant's: whoever sets up campaigns there (`save` on the province's campaigns: the
 * secretariat and the administrator at the root). An absorbed province's (its inherited history): the
 * same people of the SUCCESSOR, and only through a merger that names both tenants — a province never
 * reads another's campaigns otherwise, so the API answers such a request as it answers an unknown id.
 */
export function authorizeCampaignCopy(
  identity: Identity,
  source: { tenantId: string },
  mergers: readonly Pick<TenantMerger, 'predecessorTenantId' | 'successorTenantId'>[],
  successorRoot?: string,
): PolicyDecision {
  const builds = authorize(identity, 'save', {
    type: 'campaign',
    tenantId: identity.tenantId,
    ...(successorRoot === undefined ? {} : { rootUnitId: successorRoot }),
  });
  if (!builds.allowed || source.tenantId === identity.tenantId) return builds;
  const linked = mergers.some(
    (m) => m.successorTenantId === identity.tenantId && m.predecessorTenantId === source.tenantId,
  );
  return linked
    ? { allowed: true }
    : { allowed: false, reason: 'Chỉ sao chép được phong trào của tỉnh đã hợp nhất vào tỉnh mình' };
}
