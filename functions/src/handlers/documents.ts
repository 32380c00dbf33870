import { documentContracts } from '@thidua/shared/contracts';
import { attachmentsDep } from '../features/attachments/repository';
import { filesDep } from '../features/attachments/storage';
import { commendationDeps } from '../features/commendations/deps';
import { documentRoutes } from '../features/documents/http';
import { groupDeps } from '../kernel/deps';
import { accountsDep } from '../kernel/http/accounts';
import { createGroupHandler } from '../kernel/http/route';

/**
 * Lambda entry of the `documents` route group: PDFs (pdf-lib, fontkit and the embedded font) and the
 * verification of signed PDFs, kept out of the other groups' bundles and cold starts (docs/adr/0024).
 */
const deps = groupDeps([...commendationDeps, attachmentsDep, filesDep, accountsDep]);
export const handler = createGroupHandler(documentContracts, documentRoutes(deps), {
  idempotency: deps.idempotency,
  accounts: deps.accounts,
});
