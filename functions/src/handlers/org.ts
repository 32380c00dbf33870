import { orgContracts } from '@thidua/shared/contracts';
import { orgRoutes } from '../features/org/http';
import { appDeps } from '../kernel/deps';
import { createGroupHandler } from '../kernel/http/route';

/** Lambda entry of the `org` route group: configuration read once, routes from features/org/http.ts. */
const deps = appDeps();
export const handler = createGroupHandler(orgContracts, orgRoutes(deps), {
  idempotency: deps.idempotency,
  accounts: deps.accounts,
});
