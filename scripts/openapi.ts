import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderOpenApi } from '@thidua/functions/kernel/openapi/index';

/**
 * `npm run openapi`: writes docs/openapi.json from the route table and the contracts. A command of the
 * repository, not of a Lambda: the builder (`openApiDocument`, `renderOpenApi`) stays in the kernel.
 */
export const OPENAPI_FILE = fileURLToPath(new URL('../docs/openapi.json', import.meta.url));

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const next = renderOpenApi();
  let previous = '';
  try {
    previous = readFileSync(OPENAPI_FILE, 'utf8');
  } catch {
    previous = '';
  }
  writeFileSync(OPENAPI_FILE, next);
  console.log(`${OPENAPI_FILE}: ${previous === next ? 'unchanged' : 'written'}`);
}
