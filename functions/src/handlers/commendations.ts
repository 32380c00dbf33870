import { commendationContracts } from '@thidua/shared/contracts';
import { auditDep } from '../features/audit/chains';
import { campaignsDep, templatesDep } from '../features/campaigns/repository';
import { documentsDep } from '../features/commendations/documents-store';
import { commendationRouteImpls } from '../features/commendations/http';
import { commendationsDep } from '../features/commendations/repository';
import { mergersDep } from '../features/mergers/repository';
import { unitsDep, usersDep } from '../features/org/repository';
import { submissionsDep } from '../features/submissions/repository';
import { idempotencyDep } from '../kernel/data/idempotency-store';
import { groupDeps } from '../kernel/deps';
import { accountsDep } from '../kernel/http/accounts';
import { createGroupHandler } from '../kernel/http/route';

/** The `commendations` Lambda: nominations, batches, disclosures, the council, decisions (issue 7). */
const deps = groupDeps([
  commendationsDep,
  submissionsDep,
  unitsDep,
  usersDep,
  campaignsDep,
  templatesDep,
  documentsDep,
  auditDep,
  mergersDep,
  idempotencyDep,
  accountsDep,
]);
export const handler = createGroupHandler(commendationContracts, commendationRouteImpls(deps), {
  idempotency: deps.idempotency,
  accounts: deps.accounts,
});
