import { historyContracts, mergerAdminContracts, orgContracts } from '@thidua/shared/contracts';
import { auditDep } from '../features/audit/chains';
import { templatesDep } from '../features/campaigns/repository';
import { commendationsDep } from '../features/commendations/repository';
import { historyRoutes, mergerAdminRoutes } from '../features/mergers/http';
import { mergersDep } from '../features/mergers/repository';
import { orgRoutes } from '../features/org/http';
import { unitsDep } from '../features/org/repository';
import { submissionsDep } from '../features/submissions/repository';
import { idempotencyDep } from '../kernel/data/idempotency-store';
import { groupDeps } from '../kernel/deps';
import { accountsDep } from '../kernel/http/accounts';
import { createGroupHandler } from '../kernel/http/route';

/**
 * Lambda entry of the `org` route group: the unit tree and its dated changes (features/org), inherited
 * history and the mergers of provinces (features/mergers) — the organisation's shape through time.
 */
const deps = groupDeps([
  unitsDep,
  mergersDep,
  submissionsDep,
  commendationsDep,
  templatesDep,
  auditDep,
  idempotencyDep,
  accountsDep,
]);
export const handler = createGroupHandler(
  { ...orgContracts, ...historyContracts, ...mergerAdminContracts },
  [...orgRoutes(deps), ...historyRoutes(deps), ...mergerAdminRoutes(deps)],
  {
    idempotency: deps.idempotency,
    accounts: deps.accounts,
  },
);
