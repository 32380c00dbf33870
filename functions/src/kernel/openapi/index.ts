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
