import { historyContracts, mergerAdminContracts, orgContracts } from '@thidua/shared/contracts';
import { historyRoutes, mergerAdminRoutes } from '../features/mergers/http';
import { orgRoutes } from '../features/org/http';
import { appDeps } from '../kernel/deps';
import { createGroupHandler } from '../kernel/http/route';

/**
 * Lambda entry of the `org` route group: the unit tree and its dated changes (features/org), inherited
 * history and the mergers of provinces (features/mergers) — the organisation's shape through time.
 */
const deps = appDeps();
export const handler = createGroupHandler(
  { ...orgContracts, ...historyContracts, ...mergerAdminContracts },
  [...orgRoutes(deps), ...historyRoutes(deps), ...mergerAdminRoutes(deps)],
  {
    idempotency: deps.idempotency,
    accounts: deps.accounts,
  },
);
