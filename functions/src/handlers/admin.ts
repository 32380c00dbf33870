import { adminContracts, securityContracts } from '@thidua/shared/contracts';
import { adminRoutes } from '../features/admin/http';
import { securityRoutes } from '../features/security/http';
import { appDeps } from '../kernel/deps';
import { createGroupHandler } from '../kernel/http/route';

/**
 * Lambda entry of the `admin` route group: administration (features/admin/http.ts) and tenant security,
 * the routes that speak to Cognito. The builders are the `builder` group's, mergers the `org` group's.
 */
const deps = appDeps();
export const handler = createGroupHandler(
  { ...adminContracts, ...securityContracts },
  [...adminRoutes(deps), ...securityRoutes(deps)],
  {
    idempotency: deps.idempotency,
    accounts: deps.accounts,
  },
);
