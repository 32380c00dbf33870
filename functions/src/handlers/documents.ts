import { documentContracts } from '@thidua/shared/contracts';
import { attachmentsDep } from '../features/attachments/repository';
import { filesDep } from '../features/attachments/storage';
import { auditDep } from '../features/audit/chains';
import { campaignsDep, templatesDep } from '../features/campaigns/repository';
import { documentsDep } from '../features/commendations/documents-store';
import { commendationsDep } from '../features/commendations/repository';
import { documentRoutes } from '../features/documents/http';
import { mergersDep } from '../features/mergers/repository';
import { unitsDep, usersDep } from '../features/org/repository';
import { submissionsDep } from '../features/submissions/repository';
import { idempotencyDep } from '../kernel/data/idempotency-store';
import { groupDeps } from '../kernel/deps';
import { accountsDep } from '../kernel/http/accounts';
import { createGroupHandler } from '../kernel/http/route';

/**
 * Lambda entry of the `documents` route group: PDFs (pdf-lib, fontkit and the embedded font) and the
 * verification of signed PDFs, kept out of the other groups' bundles and cold starts (docs/adr/0024).
 */
const deps = groupDeps([
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
  attachmentsDep,
  filesDep,
  accountsDep,
]);
export const handler = createGroupHandler(documentContracts, documentRoutes(deps), {
  idempotency: deps.idempotency,
  accounts: deps.accounts,
});
