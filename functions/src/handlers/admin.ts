import { adminContracts, campaignBuilderContracts } from '@thidua/shared/contracts';
import { appDeps } from '../deps';
import { adminRoutes } from '../groups/admin';
import { campaignBuilderRoutes } from '../groups/campaign-builder';
import { createGroupHandler } from '../http/route';

/** Lambda entry of the `admin` route group: configuration read once, routes from groups/admin.ts. */
const deps = appDeps();
export const handler = createGroupHandler(
  { ...adminContracts, ...campaignBuilderContracts },
  [...adminRoutes(deps), ...campaignBuilderRoutes(deps)],
  {
    idempotency: deps.idempotency,
    accounts: deps.accounts,
  },
);
