import { compileRoutes, matchRoute } from '@thidua/functions/local/gateway-event';
import { type RouteDef, routeGroups, routeKey, routes } from '@thidua/functions/routes';
import type { CfnElement } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, flatten, type Synthesized, synth } from './helpers';

/**
 * Route parity: the HTTP API in the template is exactly the route table (`functions/src/routes.ts`), the
 * same table the local gateway serves — every route has its API Gateway route and integration with its
 * group's function, with the authorizer iff it is not public, and nothing else exists.
 */
let s: Synthesized;
let cfnRoutes: {
  id: string;
  routeKey: string;
  authorizationType: string;
  authorizerId?: string;
  target: string;
}[];
let integrationFunction: Map<string, string>;
let functionGroup: Map<string, string>;
let authorizerId: string;

afterAll(() => cleanup(s));

beforeAll(() => {
  s = synth();
  cfnRoutes = Object.entries(s.template.findResources('AWS::ApiGatewayV2::Route')).map(([id, r]) => ({
    id,
    routeKey: r.Properties.RouteKey,
    authorizationType: r.Properties.AuthorizationType,
    authorizerId: r.Properties.AuthorizerId ? flatten(r.Properties.AuthorizerId) : undefined,
    target: flatten(r.Properties.Target),
  }));
  integrationFunction = new Map(
    Object.entries(s.template.findResources('AWS::ApiGatewayV2::Integration')).map(([id, i]) => [
      `integrations/<${id}>`,
      flatten(i.Properties.IntegrationUri),
    ]),
  );
  functionGroup = new Map(
    routeGroups.map((g) => [
      `<${s.stack.getLogicalId(s.stack.functions.get(g).node.defaultChild as CfnElement)}.Arn>`,
      g,
    ]),
  );
  const authorizers = Object.keys(s.template.findResources('AWS::ApiGatewayV2::Authorizer'));
  expect(authorizers).toHaveLength(1);
  authorizerId = `<${authorizers[0]}>`;
});

/** A concrete request path for a route template: `/submissions/{submissionId}` → `/submissions/x1`. */
const samplePath = (route: RouteDef): string => route.path.replace(/\{[^}]+\}/g, (_, i) => `x${i}`);

describe('route parity', () => {
  it('the route table is well formed: unique route keys and operation ids', () => {
    expect(routes.length).toBeGreaterThan(0);
    expect(new Set(routes.map(routeKey)).size).toBe(routes.length);
    expect(new Set(routes.map((r) => r.operationId)).size).toBe(routes.length);
  });

  it('every route of the table has one API Gateway route, integrated with its group function', () => {
    for (const route of routes) {
      const matches = cfnRoutes.filter((r) => r.routeKey === routeKey(route));
      expect(matches, routeKey(route)).toHaveLength(1);
      const fnArn = integrationFunction.get(matches[0]?.target ?? '');
      expect(fnArn, `${routeKey(route)} has an integration`).toBeDefined();
      expect(functionGroup.get(fnArn ?? ''), routeKey(route)).toBe(route.group);
    }
  });

  it('every API Gateway route is in the table (nothing deployed that the local gateway does not serve)', () => {
    const keys = new Set(routes.map(routeKey));
    for (const r of cfnRoutes) expect(keys.has(r.routeKey), r.routeKey).toBe(true);
    expect(cfnRoutes).toHaveLength(routes.length);
  });

  it('puts the JWT authorizer on every user route and none on public routes', () => {
    for (const route of routes) {
      const r = cfnRoutes.find((c) => c.routeKey === routeKey(route));
      if (route.auth === 'user') {
        expect(r?.authorizationType, routeKey(route)).toBe('JWT');
        expect(r?.authorizerId, routeKey(route)).toBe(authorizerId);
      } else {
        expect(r?.authorizationType, routeKey(route)).toBe('NONE');
        expect(r?.authorizerId, routeKey(route)).toBeUndefined();
      }
    }
    expect(routes.filter((r) => r.auth === 'user').length).toBeGreaterThan(0);
  });

  it('has one integration per group that has routes, each used, each allowed to invoke its function', () => {
    const groupsWithRoutes = new Set(routes.map((r) => r.group));
    expect(integrationFunction.size).toBe(groupsWithRoutes.size);
    const used = new Set(cfnRoutes.map((r) => r.target));
    for (const target of integrationFunction.keys()) expect(used.has(target), target).toBe(true);
    const permissions = Object.values(s.template.findResources('AWS::Lambda::Permission')).map(
      (p) => p.Properties,
    );
    const apiId = Object.keys(s.template.findResources('AWS::ApiGatewayV2::Api'))[0];
    for (const fnArn of integrationFunction.values()) {
      // The API's permissions (the attachments function is also invoked by EventBridge: malware verdicts).
      const mine = permissions.filter(
        (p) => flatten(p.FunctionName) === fnArn && p.Principal === 'apigateway.amazonaws.com',
      );
      expect(mine, fnArn).toHaveLength(1);
      expect(mine[0]?.Principal).toBe('apigateway.amazonaws.com');
      expect(flatten(mine[0]?.SourceArn)).toContain(`:<${apiId}>/`);
    }
  });

  it('the local gateway resolves a request for each deployed route to the same route and group', () => {
    const compiled = compileRoutes(routes);
    for (const r of cfnRoutes) {
      const [method, path] = r.routeKey.split(' ') as [string, string];
      const route = routes.find((x) => routeKey(x) === r.routeKey);
      if (!route) throw new Error(`${r.routeKey} not in the route table`);
      const match = matchRoute(compiled, method, samplePath(route));
      expect(match?.route.operationId, `${method} ${path}`).toBe(route.operationId);
      expect(functionGroup.get(integrationFunction.get(r.target) ?? ''), r.routeKey).toBe(match?.route.group);
    }
  });
});
