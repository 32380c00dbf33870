import { systemContracts } from '@thidua/shared/contracts';
import { systemRoutes } from '../features/system/http';
import { appDeps } from '../kernel/deps';
import { createGroupHandler } from '../kernel/http/route';

/** Lambda entry of the `system` route group: configuration read once, routes from features/system/http.ts. */
const deps = appDeps();
export const handler = createGroupHandler(systemContracts, systemRoutes(deps), {
  idempotency: deps.idempotency,
  accounts: deps.accounts,
});
