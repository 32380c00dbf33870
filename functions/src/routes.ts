import type { RouteContract, RouteGroup } from '@thidua/shared/contracts';

/**
 * The route table, derived from the contracts (`shared/src/contracts`): CDK creates one API Gateway route
 * and integration per entry, the local gateway serves exactly these entries, the OpenAPI document
 * describes them. Each group is one Lambda function whose entry is `functions/src/handlers/<group>.ts`
 * (export `handler`), dispatching on `event.routeKey`.
 */
export {
  type HttpMethod,
  type RouteGroup,
  routeGroups,
  routeKey,
  routes,
} from '@thidua/shared/contracts';

/** What the gateway and CDK read of a route's contract. */
export type RouteDef = Pick<RouteContract, 'method' | 'path' | 'group' | 'operationId' | 'auth' | 'summary'>;

export const handlerEntry = (group: RouteGroup): string => `functions/src/handlers/${group}.ts`;
