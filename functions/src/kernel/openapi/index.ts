import { contractsByOperation, routes } from '@thidua/shared/contracts';
import { buildOpenApi } from './document';

/** Every contract by operationId (shared/src/contracts). */
export const allContracts = contractsByOperation;

let cached: Record<string, unknown> | undefined;

/** The API's OpenAPI 3.1 document (built once per process). docs/openapi.json is this, committed. */
export const openApiDocument = (): Record<string, unknown> => {
  cached ??= buildOpenApi(routes);
  return cached;
};

/** The document as docs/openapi.json holds it (scripts/openapi.ts writes it; a unit test compares). */
export const renderOpenApi = (): string => `${JSON.stringify(openApiDocument(), null, 2)}\n`;
