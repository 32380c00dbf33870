import { campaignContracts } from '@thidua/shared/contracts';
import { appDeps } from '../deps';
import { campaignRoutes } from '../groups/campaigns';
import { createGroupHandler } from '../http/route';

/** Lambda entry of the `campaigns` route group: configuration read once, routes from groups/campaigns.ts. */
const deps = appDeps();
export const handler = createGroupHandler(campaignContracts, campaignRoutes(deps), {
  idempotency: deps.idempotency,
  accounts: deps.accounts,
});
