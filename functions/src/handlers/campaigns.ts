import { campaignContracts } from '@thidua/shared/contracts';
import { campaignRoutes } from '../features/campaigns/http';
import { appDeps } from '../kernel/deps';
import { createGroupHandler } from '../kernel/http/route';

/** Lambda entry of the `campaigns` route group: configuration read once, routes from features/campaigns/http.ts. */
const deps = appDeps();
export const handler = createGroupHandler(campaignContracts, campaignRoutes(deps), {
  idempotency: deps.idempotency,
  accounts: deps.accounts,
});
