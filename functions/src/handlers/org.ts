import { historyContracts, orgContracts } from '@thidua/shared/contracts';
import { historyRoutes } from '../features/mergers/http';
import { orgRoutes } from '../features/org/http';
import { appDeps } from '../kernel/deps';
import { createGroupHandler } from '../kernel/http/route';

/** Lambda entry of the `org` route group: the unit tree (features/org) and inherited history (features/mergers). */
const deps = appDeps();
export const handler = createGroupHandler(
  { ...orgContracts, ...historyContracts },
  [...orgRoutes(deps), ...historyRoutes(deps)],
  {
    idempotency: deps.idempotency,
    accounts: deps.accounts,
  },
);
