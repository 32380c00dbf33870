import {
  adminContracts,
  campaignBuilderContracts,
  mergerAdminContracts,
  securityContracts,
} from '@thidua/shared/contracts';
import { adminRoutes } from '../features/admin/http';
import { campaignBuilderRoutes } from '../features/campaign-builder/http';
import { mergerAdminRoutes } from '../features/mergers/http';
import { securityRoutes } from '../features/security/http';
import { appDeps } from '../kernel/deps';
import { createGroupHandler } from '../kernel/http/route';

/** Lambda entry of the `admin` route group: administration, tenant security and mergers of provinces. */
const deps = appDeps();
export const handler = createGroupHandler(
  { ...adminContracts, ...campaignBuilderContracts, ...securityContracts, ...mergerAdminContracts },
  [...adminRoutes(deps), ...campaignBuilderRoutes(deps), ...securityRoutes(deps), ...mergerAdminRoutes(deps)],
  {
    idempotency: deps.idempotency,
    accounts: deps.accounts,
  },
);
