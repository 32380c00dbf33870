import { historyContracts, orgContracts } from '@thidua/shared/contracts';
import { appDeps } from '../deps';
import { historyRoutes } from '../groups/mergers';
import { orgRoutes } from '../groups/org';
import { createGroupHandler } from '../http/route';

/** Lambda entry of the `org` route group: configuration read once, routes from groups/org.ts. */
const deps = appDeps();
export const handler = createGroupHandler(
  { ...orgContracts, ...historyContracts },
  [...orgRoutes(deps), ...historyRoutes(deps)],
  {
    idempotency: deps.idempotency,
    accounts: deps.accounts,
  },
);
