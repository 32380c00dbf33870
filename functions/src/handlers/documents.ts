import { documentContracts } from '@thidua/shared/contracts';
import { documentRoutes } from '../features/documents/http';
import { appDeps } from '../kernel/deps';
import { createGroupHandler } from '../kernel/http/route';

/**
 * Lambda entry of the `documents` route group: PDFs (pdf-lib, fontkit and the embedded font) and the
 * verification of signed PDFs, kept out of the other groups' bundles and cold starts (docs/adr/0024).
 */
const deps = appDeps();
export const handler = createGroupHandler(documentContracts, documentRoutes(deps), {
  idempotency: deps.idempotency,
  accounts: deps.accounts,
});
