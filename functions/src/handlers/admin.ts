import { adminContracts, mergerAdminContracts } from '@thidua/shared/contracts';
import { appDeps } from '../deps';
import { adminRoutes } from '../groups/admin';
import { mergerAdminRoutes } from '../groups/mergers';
import { createGroupHandler } from '../http/route';

/** Lambda entry of the `admin` route group: configuration read once, routes from groups/admin.ts. */
const deps = appDeps();
export const handler = createGroupHandler(
  { ...adminContracts, ...mergerAdminContracts },
  [...adminRoutes(deps), ...mergerAdminRoutes(deps)],
  {
    idempotency: deps.idempotency,
    accounts: deps.accounts,
  },
);
