import { campaignBuilderContracts, templateBuilderContracts } from '@thidua/shared/contracts';
import { campaignBuilderRoutes } from '../features/campaign-builder/http';
import { templateBuilderRoutes } from '../features/template-builder/http';
import { appDeps } from '../kernel/deps';
import { createGroupHandler } from '../kernel/http/route';

/**
 * Lambda entry of the `builder` route group: the campaign builder (features/campaign-builder/http.ts) and
 * the form builder (features/template-builder/http.ts), the secretariat's set-up work. A group of its own
 * so that the admin Lambda (users, units, Cognito) stays within its 300 KB bundle budget.
 */
const deps = appDeps();
export const handler = createGroupHandler(
  { ...campaignBuilderContracts, ...templateBuilderContracts },
  [...campaignBuilderRoutes(deps), ...templateBuilderRoutes(deps)],
  {
    idempotency: deps.idempotency,
    accounts: deps.accounts,
  },
);
