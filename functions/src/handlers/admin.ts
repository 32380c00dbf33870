import { adminContracts } from '@thidua/shared/contracts';
import { adminRoutes } from '../features/admin/http';
import { appDeps } from '../kernel/deps';
import { createGroupHandler } from '../kernel/http/route';

/** Lambda entry of the `admin` route group: configuration read once, routes from features/admin/http.ts. */
const deps = appDeps();
export const handler = createGroupHandler(adminContracts, adminRoutes(deps), {
  idempotency: deps.idempotency,
  accounts: deps.accounts,
});
