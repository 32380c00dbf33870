import type { WorkspaceContext } from '@thidua/shared/policy';
import type { IdClaims } from './claims';

/** The caller as the shared policy sees them, from the ID token; the province once `/me` has named it. */
export const workspaceContextOf = (claims: IdClaims | undefined, rootUnitId?: string): WorkspaceContext => ({
  identity: {
    userId: claims?.sub ?? '',
    email: claims?.email ?? '',
    name: claims?.name ?? '',
    tenantId: claims?.tenantId ?? '',
    unitId: claims?.unitId ?? '',
    roles: claims?.roles ?? [],
  },
  ...(rootUnitId ? { rootUnitId } : {}),
});
