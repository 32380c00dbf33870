import { inboxContracts } from '@thidua/shared/contracts';
import { searchRoutes } from '../features/search/http';
import { bulkRoutes } from '../features/submissions/bulk';
import { appDeps } from '../kernel/deps';
import { createGroupHandler } from '../kernel/http/route';

/**
 * Lambda entry of the `inbox` route group: bulk approve/return (features/submissions/bulk.ts) and the search
 * box (features/search/http.ts), ADR 0023. A group of its own so that the submissions Lambda stays within its
 * 300 KB bundle budget.
 */
const deps = appDeps();
export const handler = createGroupHandler(inboxContracts, [...bulkRoutes(deps), ...searchRoutes(deps)], {
  idempotency: deps.idempotency,
  accounts: deps.accounts,
});
