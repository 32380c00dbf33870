import { systemContracts } from '@thidua/shared/contracts';
import { appDeps } from '../deps';
import { systemRoutes } from '../groups/system';
import { createGroupHandler } from '../http/route';

/** Lambda entry of the `system` route group: configuration read once, routes from groups/system.ts. */
const deps = appDeps();
export const handler = createGroupHandler(systemContracts, systemRoutes(deps), {
  idempotency: deps.idempotency,
  accounts: deps.accounts,
});
