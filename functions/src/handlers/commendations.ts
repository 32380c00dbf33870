import { apiKeyContracts, commendationContracts } from '@thidua/shared/contracts';
import { createApiKeyCheck } from '../features/api-keys/check';
import { apiKeyRouteImpls } from '../features/api-keys/http';
import { apiKeysDep } from '../features/api-keys/repository';
import { commendationDeps } from '../features/commendations/deps';
import { commendationRouteImpls } from '../features/commendations/http';
import { groupDeps } from '../kernel/deps';
import { accountsDep } from '../kernel/http/accounts';
import { createGroupHandler } from '../kernel/http/route';

/**
 * The `commendations` Lambda: nominations, batches, disclosures, the council, decisions (issue 7), and the
 * register's API keys for document-management systems (ADR 0034).
 */
const deps = groupDeps([...commendationDeps, accountsDep, apiKeysDep]);
export const handler = createGroupHandler(
  { ...commendationContracts, ...apiKeyContracts },
  [...commendationRouteImpls(deps), ...apiKeyRouteImpls(deps)],
  {
    idempotency: deps.idempotency,
    accounts: deps.accounts,
    apiKeys: createApiKeyCheck(deps.apiKeys),
  },
);
