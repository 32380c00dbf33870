import { auditContracts } from '@thidua/shared/contracts';
import { appDeps } from '../deps';
import { auditRoutes } from '../groups/audit';
import { createGroupHandler } from '../http/route';

/** Lambda entry of the `audit` route group: configuration read once, routes from groups/audit.ts. */
const deps = appDeps();
export const handler = createGroupHandler(auditContracts, auditRoutes(deps), {
  idempotency: deps.idempotency,
  accounts: deps.accounts,
});
