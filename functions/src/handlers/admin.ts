import { adminContracts, mergerAdminContracts, securityContracts } from '@thidua/shared/contracts';
import { adminRoutes } from '../features/admin/http';
import { mergerAdminRoutes } from '../features/mergers/http';
import { securityRoutes } from '../features/security/http';
import { appDeps } from '../kernel/deps';
import { createGroupHandler } from '../kernel/http/route';

/**
 * Lambda entry of the `admin` route group: administration (features/admin/http.ts), tenant security and
 * mergers of provinces. The campaign and form builders are the `builder` group's (handlers/builder.ts).
 */
const deps = appDeps();
export const handler = createGroupHandler(
  { ...adminContracts, ...securityContracts, ...mergerAdminContracts },
  [...adminRoutes(deps), ...securityRoutes(deps), ...mergerAdminRoutes(deps)],
  {
    idempotency: deps.idempotency,
    accounts: deps.accounts,
  },
);
