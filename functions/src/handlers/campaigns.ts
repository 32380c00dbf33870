import { campaignContracts } from '@thidua/shared/contracts';
import { campaignRoutes } from '../features/campaigns/http';
import { campaignsDep, templatesDep } from '../features/campaigns/repository';
import { idempotencyDep } from '../kernel/data/idempotency-store';
import { groupDeps } from '../kernel/deps';
import { accountsDep } from '../kernel/http/accounts';
import { createGroupHandler } from '../kernel/http/route';

/** Lambda entry of the `campaigns` route group: configuration read once, routes from features/campaigns/http.ts. */
const deps = groupDeps([campaignsDep, templatesDep, idempotencyDep, accountsDep]);
export const handler = createGroupHandler(campaignContracts, campaignRoutes(deps), {
  idempotency: deps.idempotency,
  accounts: deps.accounts,
});
