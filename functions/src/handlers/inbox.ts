import { inboxContracts } from '@thidua/shared/contracts';
import { campaignsDep, templatesDep } from '../features/campaigns/repository';
import { unitsDep } from '../features/org/repository';
import { searchRoutes } from '../features/search/http';
import { bulkRoutes } from '../features/submissions/bulk';
import { submissionsDep } from '../features/submissions/repository';
import { idempotencyDep } from '../kernel/data/idempotency-store';
import { groupDeps } from '../kernel/deps';
import { accountsDep } from '../kernel/http/accounts';
import { createGroupHandler } from '../kernel/http/route';

/**
 * Lambda entry of the `inbox` route group: bulk approve/return (features/submissions/bulk.ts) and the search
 * box (features/search/http.ts), ADR 0023. A group of its own so that the submissions Lambda stays within its
 * 300 KB bundle budget.
 */
const deps = groupDeps([submissionsDep, unitsDep, templatesDep, campaignsDep, idempotencyDep, accountsDep]);
export const handler = createGroupHandler(inboxContracts, [...bulkRoutes(deps), ...searchRoutes(deps)], {
  idempotency: deps.idempotency,
  accounts: deps.accounts,
});
