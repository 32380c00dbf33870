import { submissionContracts } from '@thidua/shared/contracts';
import { attachmentsDep } from '../features/attachments/repository';
import { campaignsDep, templatesDep } from '../features/campaigns/repository';
import { unitsDep, usersDep } from '../features/org/repository';
import { commentsDep } from '../features/submissions/comments';
import { submissionRoutes } from '../features/submissions/http';
import { submissionsDep } from '../features/submissions/repository';
import { idempotencyDep } from '../kernel/data/idempotency-store';
import { groupDeps } from '../kernel/deps';
import { accountsDep } from '../kernel/http/accounts';
import { createGroupHandler } from '../kernel/http/route';

/** Lambda entry of the `submissions` route group: configuration read once, routes from features/submissions/http.ts. */
const deps = groupDeps([
  attachmentsDep,
  campaignsDep,
  submissionsDep,
  templatesDep,
  unitsDep,
  usersDep,
  idempotencyDep,
  accountsDep,
  // A return's fields include those of comments written with it (returnFields).
  commentsDep,
]);
export const handler = createGroupHandler(submissionContracts, submissionRoutes(deps), {
  idempotency: deps.idempotency,
  accounts: deps.accounts,
});
