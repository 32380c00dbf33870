import { submissionContracts } from '@thidua/shared/contracts';
import { appDeps } from '../deps';
import { submissionRoutes } from '../groups/submissions';
import { createGroupHandler } from '../http/route';

/** Lambda entry of the `submissions` route group: configuration read once, routes from groups/submissions.ts. */
const deps = appDeps();
export const handler = createGroupHandler(submissionContracts, submissionRoutes(deps), {
  idempotency: deps.idempotency,
  accounts: deps.accounts,
});
