import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  adminContracts,
  attachmentContracts,
  auditContracts,
  campaignBuilderContracts,
  campaignContracts,
  commendationContracts,
  contractMismatch,
  contractsByOperation,
  defineRoute,
  documentContracts,
  ErrorBody,
  getHealth,
  getSubmission,
  inboxContracts,
  notificationContracts,
  orgContracts,
  pathOf,
  publicContracts,
  type RouteContract,
  type RouteGroup,
  referenceContracts,
  reviewContracts,
  routeKey,
  routes,
  submissionContracts,
  systemContracts,
  templateBuilderContracts,
} from './index';

const groups: Record<RouteGroup, Readonly<Record<string, RouteContract>>> = {
  system: systemContracts,
  reference: referenceContracts,
  org: orgContracts,
  campaigns: campaignContracts,
  submissions: submissionContracts,
  review: reviewContracts,
  attachments: attachmentContracts,
  audit: auditContracts,
  admin: adminContracts,
  builder: { ...campaignBuilderContracts, ...templateBuilderContracts },
  commendations: commendationContracts,
  documents: documentContracts,
  public: publicContracts,
  inbox: inboxContracts,
  notifications: notificationContracts,
};

const shapeKeys = (schema: z.ZodType | undefined): string[] =>
  schema instanceof z.ZodObject ? Object.keys(schema.shape).sort() : [];

describe('the route contracts', () => {
  it('name each route once: one operationId, one method and path', () => {
    expect(new Set(routes.map((r) => r.operationId)).size).toBe(routes.length);
    expect(new Set(routes.map(routeKey)).size).toBe(routes.length);
    expect(Object.keys(contractsByOperation)).toEqual(routes.map((r) => r.operationId));
  });

  it('sit in the file of their group, under their operationId', () => {
    for (const [group, contracts] of Object.entries(groups)) {
      for (const [name, c] of Object.entries(contracts)) {
        expect(c.group, c.operationId).toBe(group);
        expect(name).toBe(c.operationId);
      }
    }
  });

  it('declare exactly the parameters of their path', () => {
    for (const r of routes) {
      const inPath = [...r.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      expect(shapeKeys(r.params), routeKey(r)).toEqual(inPath);
    }
  });

  it('document the statuses the kernel answers for every route of a kind', () => {
    for (const r of routes) {
      const statuses = Object.keys(r.responses).map(Number);
      expect(statuses, routeKey(r)).toContain(r.status);
      expect(statuses).toContain(503);
      if (r.auth === 'user') expect(statuses, routeKey(r)).toContain(401);
      if (r.params || r.query || r.body) expect(statuses, routeKey(r)).toContain(400);
      if (r.body) expect(statuses, routeKey(r)).toContain(413);
      // Signed-in writes read an Idempotency-Key; reads and public routes do not.
      expect(r.headers !== undefined, routeKey(r)).toBe(r.auth === 'user' && r.method !== 'GET');
    }
  });
});

describe('pathOf', () => {
  it('fills the template, each parameter URI-encoded', () => {
    expect(pathOf(getSubmission.path, { submissionId: 'a b/c' })).toBe('/submissions/a%20b%2Fc');
  });

  it('refuses a missing parameter rather than calling another route', () => {
    expect(() => pathOf(getSubmission.path, {})).toThrow(/submissionId/);
  });
});

describe('contractMismatch', () => {
  const route = defineRoute({
    method: 'POST',
    path: '/things',
    group: 'system',
    auth: 'user',
    operationId: 'createThing',
    summary: 'x',
    body: z.object({ name: z.string() }),
    response: z.object({ id: z.string() }),
    status: 201,
    errors: [409],
  });
  const json = 'application/json; charset=utf-8';
  const error = { error: { code: 'conflict', message: 'm', details: [] } };

  it('accepts a documented status whose body parses', () => {
    expect(contractMismatch(route, { status: 201, body: { id: 'a' }, contentType: json })).toBeNull();
    expect(contractMismatch(route, { status: 409, body: error, contentType: json })).toBeNull();
    expect(contractMismatch(route, { status: 413, body: error, contentType: json })).toBeNull();
  });

  it('names an undocumented status', () => {
    expect(contractMismatch(route, { status: 200, body: { id: 'a' }, contentType: json })).toMatch(
      /POST \/things answered 200, which its contract does not document/,
    );
    expect(contractMismatch(route, { status: 404, body: error, contentType: json })).toMatch(/404/);
  });

  it('names the fields of a body the schema refuses', () => {
    expect(contractMismatch(route, { status: 201, body: { id: 7 }, contentType: json })).toMatch(/id: /);
    expect(contractMismatch(route, { status: 409, body: { message: 'x' }, contentType: json })).toMatch(
      /error: /,
    );
  });

  it("reads an answer the contract gives its own schema (the health check's 503)", () => {
    const down = { status: 'unavailable', checks: { table: 'error', bucket: 'ok' } };
    expect(contractMismatch(getHealth, { status: 503, body: down, contentType: json })).toBeNull();
    expect(contractMismatch(getHealth, { status: 503, body: error, contentType: json })).toMatch(/status: /);
  });

  it('checks the media type of a non-JSON answer', () => {
    const csv = defineRoute({
      method: 'GET',
      path: '/export',
      group: 'system',
      auth: 'user',
      operationId: 'export',
      summary: 'x',
      response: { mediaType: 'text/csv', description: 'CSV' },
      errors: [],
    });
    expect(
      contractMismatch(csv, { status: 200, body: 'a,b', contentType: 'text/csv; charset=utf-8' }),
    ).toBeNull();
    expect(contractMismatch(csv, { status: 200, body: {}, contentType: json })).toMatch(/not text\/csv/);
    expect(ErrorBody.safeParse(error).success).toBe(true);
  });
});
