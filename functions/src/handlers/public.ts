import { publicContracts } from '@thidua/shared/contracts';
import { auditDep } from '../features/audit/chains';
import { campaignsDep, templatesDep } from '../features/campaigns/repository';
import { documentsDep } from '../features/commendations/documents-store';
import { publicRouteImpls } from '../features/commendations/public-http';
import { commendationsDep } from '../features/commendations/repository';
import { mergersDep } from '../features/mergers/repository';
import { unitsDep, usersDep } from '../features/org/repository';
import { submissionsDep } from '../features/submissions/repository';
import { idempotencyDep } from '../kernel/data/idempotency-store';
import { groupDeps } from '../kernel/deps';
import { createGroupHandler } from '../kernel/http/route';

/** The `public` Lambda: published lists and decisions, comments during a disclosure. No sign-in. */
export const handler = createGroupHandler(
  publicContracts,
  publicRouteImpls(
    groupDeps([
      commendationsDep,
      submissionsDep,
      unitsDep,
      usersDep,
      campaignsDep,
      templatesDep,
      documentsDep,
      auditDep,
      mergersDep,
      idempotencyDep,
    ]),
  ),
);
