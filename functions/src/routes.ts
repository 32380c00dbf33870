/**
 * The route table: the single definition of the HTTP API. The CDK stack creates one API Gateway route
 * and integration per entry, the local gateway serves exactly these entries, and the OpenAPI document
 * is generated from them. A route belongs to a group; each group is one Lambda function whose entry is
 * `functions/src/handlers/<group>.ts` (export `handler`), dispatching on `event.routeKey`.
 */
export const routeGroups = [
  'system',
  'org',
  'campaigns',
  'submissions',
  'attachments',
  'audit',
  'admin',
  'commendations',
  'public',
] as const;
export type RouteGroup = (typeof routeGroups)[number];

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteDef {
  method: HttpMethod;
  /** API Gateway path syntax: `/submissions/{submissionId}`. */
  path: string;
  group: RouteGroup;
  operationId: string;
  /** `user`: a verified Cognito ID token is required (JWT authorizer). `public`: no authorizer. */
  auth: 'user' | 'public';
  summary: string;
}

export const routeKey = (r: Pick<RouteDef, 'method' | 'path'>): string => `${r.method} ${r.path}`;

export const handlerEntry = (group: RouteGroup): string => `functions/src/handlers/${group}.ts`;

import { commendationRoutes } from './commendations/routes';

const coreRoutes: readonly RouteDef[] = [
  {
    method: 'GET',
    path: '/health',
    group: 'system',
    operationId: 'getHealth',
    auth: 'public',
    summary: 'Liveness: the table and the bucket answer',
  },
  {
    method: 'GET',
    path: '/openapi.json',
    group: 'system',
    operationId: 'getOpenApi',
    auth: 'public',
    summary: 'This API, as OpenAPI 3.1',
  },
  {
    method: 'GET',
    path: '/me',
    group: 'system',
    operationId: 'getMe',
    auth: 'user',
    summary: 'The caller: user, unit, roles',
  },
];

/** Every route. Commendation and public routes live beside their domain code. */
export const routes: readonly RouteDef[] = [...coreRoutes, ...commendationRoutes];
