import { auditContracts } from '@thidua/shared/contracts';
import { auditRoutes } from '../features/audit/http';
import { appDeps } from '../kernel/deps';
import { createGroupHandler } from '../kernel/http/route';

/** Lambda entry of the `audit` route group: configuration read once, routes from features/audit/http.ts. */
const deps = appDeps();
export const handler = createGroupHandler(auditContracts, auditRoutes(deps), {
  idempotency: deps.idempotency,
  accounts: deps.accounts,
});
