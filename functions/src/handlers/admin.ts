import { adminContracts, securityContracts } from '@thidua/shared/contracts';
import { appDeps } from '../deps';
import { adminRoutes } from '../groups/admin';
import { securityRoutes } from '../groups/security';
import { createGroupHandler } from '../http/route';

/**
 * Lambda entry of the `admin` route group: configuration read once, routes from groups/admin.ts and
 * groups/security.ts (both speak to Cognito).
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
