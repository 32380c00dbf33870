import { idempotencyDep } from '../../kernel/data/idempotency-store';
import { auditDep } from '../audit/chains';
import { campaignsDep, templatesDep } from '../campaigns/repository';
import { mergersDep } from '../mergers/repository';
import { unitsDep, usersDep } from '../org/repository';
import { tenantSettingsDep } from '../settings/repository';
import { submissionsDep } from '../submissions/repository';
import { documentsDep } from './documents-store';
import { commendationsDep } from './repository';

/**
 * What `CommendationDeps` (context.ts) names, for the handlers of the groups that run commendation use
 * cases (commendations, documents, public). A module of its own: context.ts is read by other features.
 */
export const commendationDeps = [
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
  // The tenant's signing mode (ADR 0032): numbering, the signing preview, issuing.
  tenantSettingsDep,
] as const;
