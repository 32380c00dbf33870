import { commendationContracts } from '@thidua/shared/contracts';
import { commendationDeps } from '../features/commendations/deps';
import { commendationRouteImpls } from '../features/commendations/http';
import { groupDeps } from '../kernel/deps';
import { accountsDep } from '../kernel/http/accounts';
import { createGroupHandler } from '../kernel/http/route';

/** The `commendations` Lambda: nominations, batches, disclosures, the council, decisions (issue 7). */
const deps = groupDeps([...commendationDeps, accountsDep]);
export const handler = createGroupHandler(commendationContracts, commendationRouteImpls(deps), {
  idempotency: deps.idempotency,
  accounts: deps.accounts,
});
