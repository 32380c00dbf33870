import { commendationContracts } from '@thidua/shared/contracts';
import { commendationRouteImpls } from '../commendations/http';
import { appDeps } from '../deps';
import { createGroupHandler } from '../http/route';

/** The `commendations` Lambda: nominations, batches, disclosures, the council, decisions (issue 7). */
const deps = appDeps();
export const handler = createGroupHandler(commendationContracts, commendationRouteImpls(deps), {
  idempotency: deps.idempotency,
  accounts: deps.accounts,
});
