import { adminContracts, securityContracts } from '@thidua/shared/contracts';
import { adminRoutes } from '../features/admin/http';
import { securityRoutes } from '../features/security/http';
import { appDeps } from '../kernel/deps';
import { createGroupHandler } from '../kernel/http/route';

/**
 * Lambda entry of the `admin` route group: configuration read once, routes from features/admin/http.ts
 * and features/security/http.ts (both speak to Cognito).
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
