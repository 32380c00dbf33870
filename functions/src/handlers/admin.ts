import { adminContracts, securityContracts, tenantSettingsContracts } from '@thidua/shared/contracts';
import { adminRoutes } from '../features/admin/http';
import { securityRoutes } from '../features/security/http';
import { tenantSettingsRoutes } from '../features/settings/http';
import { appDeps } from '../kernel/deps';
import { createGroupHandler } from '../kernel/http/route';

/**
 * Lambda entry of the `admin` route group: administration (features/admin/http.ts), tenant security and settings,
 * the routes that speak to Cognito. The builders are the `builder` group's, mergers the `org` group's.
 */
const deps = appDeps();
export const handler = createGroupHandler(
  { ...adminContracts, ...securityContracts, ...tenantSettingsContracts },
  [...adminRoutes(deps), ...securityRoutes(deps), ...tenantSettingsRoutes(deps)],
  {
    idempotency: deps.idempotency,
    accounts: deps.accounts,
  },
);
