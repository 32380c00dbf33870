import { reviewContracts } from '@thidua/shared/contracts';
import { commentRoutes } from '../features/submissions/comments-http';
import { appDeps } from '../kernel/deps';
import { createGroupHandler } from '../kernel/http/route';

/**
 * Lambda entry of the `review` route group: reviewers' comments on fields and the unit's answers
 * (features/submissions/comments-http.ts). A group of its own so that the submissions Lambda stays within
 * its 300 KB bundle budget (docs/adr/0022).
 */
const deps = appDeps();
export const handler = createGroupHandler(reviewContracts, commentRoutes(deps), {
  idempotency: deps.idempotency,
  accounts: deps.accounts,
});
