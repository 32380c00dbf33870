import { coreContracts } from '../api';
import { routes } from '../routes';
import { buildOpenApi } from './document';

let cached: Record<string, unknown> | undefined;

/** The API's OpenAPI 3.1 document (built once per process). docs/openapi.json is this, committed. */
export const openApiDocument = (): Record<string, unknown> => {
  cached ??= buildOpenApi(routes, coreContracts);
  return cached;
};
