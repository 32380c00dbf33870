import { commendationContracts } from '@thidua/shared/contracts';
import { commendationRouteImpls } from '../features/commendations/http';
import { appDeps } from '../kernel/deps';
import { createGroupHandler } from '../kernel/http/route';

/** The `commendations` Lambda: nominations, batches, disclosures, the council, decisions (issue 7). */
const deps = appDeps();
export const handler = createGroupHandler(commendationContracts, commendationRouteImpls(deps), {
  idempotency: deps.idempotency,
  accounts: deps.accounts,
});
