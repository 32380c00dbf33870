import { reviewContracts } from '@thidua/shared/contracts';
import { templatesDep } from '../features/campaigns/repository';
import { unitsDep } from '../features/org/repository';
import { commentsDep } from '../features/submissions/comments';
import { commentRoutes } from '../features/submissions/comments-http';
import { submissionsDep } from '../features/submissions/repository';
import { idempotencyDep } from '../kernel/data/idempotency-store';
import { groupDeps } from '../kernel/deps';
import { accountsDep } from '../kernel/http/accounts';
import { createGroupHandler } from '../kernel/http/route';

/**
 * Lambda entry of the `review` route group: reviewers' comments on fields and the unit's answers
 * (features/submissions/comments-http.ts). A group of its own so that the submissions Lambda stays within
 * its 300 KB bundle budget (docs/adr/0022).
 */
const deps = groupDeps([commentsDep, submissionsDep, unitsDep, templatesDep, idempotencyDep, accountsDep]);
export const handler = createGroupHandler(reviewContracts, commentRoutes(deps), {
  idempotency: deps.idempotency,
  accounts: deps.accounts,
});
