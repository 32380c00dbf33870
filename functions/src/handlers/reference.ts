import { referenceContracts } from '@thidua/shared/contracts';
import { referenceRoutes } from '../features/system/http';
import { appDeps } from '../kernel/deps';
import { createGroupHandler } from '../kernel/http/route';

/** Lambda entry of the `reference` route group: the OpenAPI document (features/system/http.ts). */
const deps = appDeps();
export const handler = createGroupHandler(referenceContracts, referenceRoutes(), {
  idempotency: deps.idempotency,
  accounts: deps.accounts,
});
