import { submissionContracts } from '@thidua/shared/contracts';
import { submissionRoutes } from '../features/submissions/http';
import { appDeps } from '../kernel/deps';
import { createGroupHandler } from '../kernel/http/route';

/** Lambda entry of the `submissions` route group: configuration read once, routes from features/submissions/http.ts. */
const deps = appDeps();
export const handler = createGroupHandler(submissionContracts, submissionRoutes(deps), {
  idempotency: deps.idempotency,
  accounts: deps.accounts,
});
