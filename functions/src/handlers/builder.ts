import { campaignBuilderContracts, templateBuilderContracts } from '@thidua/shared/contracts';
import { auditDep } from '../features/audit/chains';
import { campaignBuilderRoutes } from '../features/campaign-builder/http';
import { campaignHistoryDep } from '../features/campaign-builder/repository';
import { campaignsDep, templatesDep } from '../features/campaigns/repository';
import { mergersDep } from '../features/mergers/repository';
import { unitsDep } from '../features/org/repository';
import { templateBuilderRoutes } from '../features/template-builder/http';
import { templateDraftsDep } from '../features/template-builder/repository';
import { idempotencyDep } from '../kernel/data/idempotency-store';
import { groupDeps } from '../kernel/deps';
import { accountsDep } from '../kernel/http/accounts';
import { createGroupHandler } from '../kernel/http/route';

/**
 * Lambda entry of the `builder` route group: the campaign builder (features/campaign-builder/http.ts) and
 * the form builder (features/template-builder/http.ts), the secretariat's set-up work. A group of its own
 * so that the admin Lambda (users, units, Cognito) stays within its 300 KB bundle budget.
 */
const deps = groupDeps([
  campaignHistoryDep,
  campaignsDep,
  mergersDep,
  templatesDep,
  templateDraftsDep,
  auditDep,
  unitsDep,
  idempotencyDep,
  accountsDep,
]);
export const handler = createGroupHandler(
  { ...campaignBuilderContracts, ...templateBuilderContracts },
  [...campaignBuilderRoutes(deps), ...templateBuilderRoutes(deps)],
  {
    idempotency: deps.idempotency,
    accounts: deps.accounts,
  },
);
