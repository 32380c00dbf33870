import type { RouteContract } from '../http/contract';
import { systemContracts } from './system';

/** Every contract of the core routes, by operationId (the OpenAPI generator's input). */
export const coreContracts: Readonly<Record<string, RouteContract>> = {
  ...systemContracts,
};
