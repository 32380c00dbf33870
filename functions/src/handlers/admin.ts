import { adminContracts, securityContracts, tenantSettingsContracts } from '@thidua/shared/contracts';
import { adminRoutes } from '../features/admin/http';
import { auditDep } from '../features/audit/chains';
import { campaignHistoryDep } from '../features/campaign-builder/repository';
import { campaignsDep, templatesDep } from '../features/campaigns/repository';
import { mergersDep } from '../features/mergers/repository';
import { directoryDep } from '../features/org/directory';
import { unitsDep, usersDep } from '../features/org/repository';
import { securityRoutes } from '../features/security/http';
import { tenantSecurityDep } from '../features/security/repository';
import { tenantSettingsRoutes } from '../features/settings/http';
import { tenantSettingsDep } from '../features/settings/repository';
import { idempotencyDep } from '../kernel/data/idempotency-store';
import { groupDeps } from '../kernel/deps';
import { accountsDep } from '../kernel/http/accounts';
import { createGroupHandler } from '../kernel/http/route';

/**
 * Lambda entry of the `admin` route group: administration (features/admin/http.ts), tenant security and settings,
 * the routes that speak to Cognito. The builders are the `builder` group's, mergers the `org` group's.
 */
const deps = groupDeps([
  unitsDep,
  usersDep,
  templatesDep,
  campaignsDep,
  campaignHistoryDep,
  mergersDep,
  directoryDep,
  auditDep,
  tenantSecurityDep,
  tenantSettingsDep,
  idempotencyDep,
  accountsDep,
]);
export const handler = createGroupHandler(
  { ...adminContracts, ...securityContracts, ...tenantSettingsContracts },
  [...adminRoutes(deps), ...securityRoutes(deps), ...tenantSettingsRoutes(deps)],
  {
    idempotency: deps.idempotency,
    accounts: deps.accounts,
  },
);
