import { adminContracts, campaignBuilderContracts } from '@thidua/shared/contracts';
import { adminRoutes } from '../features/admin/http';
import { campaignBuilderRoutes } from '../features/campaign-builder/http';
import { appDeps } from '../kernel/deps';
import { createGroupHandler } from '../kernel/http/route';

/** Lambda entry of the `admin` route group: configuration read once, routes from features/admin/http.ts. */
const deps = appDeps();
export const handler = createGroupHandler(
  { ...adminContracts, ...campaignBuilderContracts },
  [...adminRoutes(deps), ...campaignBuilderRoutes(deps)],
  {
    idempotency: deps.idempotency,
    accounts: deps.accounts,
  },
);
