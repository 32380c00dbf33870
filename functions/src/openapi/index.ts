import { coreContracts } from '../api';
import { commendationContracts } from '../commendations/contracts';
import type { RouteContract } from '../http/contract';
import { routes } from '../routes';
import { buildOpenApi } from './document';

/** Every contract by operationId: the core API and the commendation/public routes beside their domain. */
export const allContracts: Readonly<Record<string, RouteContract>> = {
  ...coreContracts,
  ...commendationContracts,
};

let cached: Record<string, unknown> | undefined;

/** The API's OpenAPI 3.1 document (built once per process). docs/openapi.json is this, committed. */
export const openApiDocument = (): Record<string, unknown> => {
  cached ??= buildOpenApi(routes, allContracts);
  return cached;
};
