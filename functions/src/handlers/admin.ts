import { adminContracts } from '@thidua/shared/contracts';
import { appDeps } from '../deps';
import { adminRoutes } from '../groups/admin';
import { createGroupHandler } from '../http/route';

/** Lambda entry of the `admin` route group: configuration read once, routes from groups/admin.ts. */
const deps = appDeps();
export const handler = createGroupHandler(adminContracts, adminRoutes(deps), {
  idempotency: deps.idempotency,
  accounts: deps.accounts,
});
