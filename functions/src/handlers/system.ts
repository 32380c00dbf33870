import { systemContracts } from '@thidua/shared/contracts';
import { unitsDep, usersDep } from '../features/org/repository';
import { systemRoutes } from '../features/system/http';
import { idempotencyDep } from '../kernel/data/idempotency-store';
import { groupDeps } from '../kernel/deps';
import { accountsDep } from '../kernel/http/accounts';
import { createGroupHandler } from '../kernel/http/route';

/** Lambda entry of the `system` route group: configuration read once, routes from features/system/http.ts. */
const deps = groupDeps([unitsDep, usersDep, idempotencyDep, accountsDep]);
export const handler = createGroupHandler(systemContracts, systemRoutes(deps), {
  idempotency: deps.idempotency,
  accounts: deps.accounts,
});
