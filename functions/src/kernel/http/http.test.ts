import { defineRoute } from '@thidua/shared/contracts';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { toErrorResponse } from './error-response';
import { Conflict, NotFound, RuleViolation } from './errors';
import { identityFromEvent, parseGroups } from './identity';
import { MAX_JSON_BODY_BYTES, parseInput } from './input';

const event = (over: Partial<APIGatewayProxyEventV2> & { claims?: Record<string, unknown> } = {}) => {
  const { claims, ...rest } = over;
  return {
    version: '2.0',
    routeKey: 'POST /x/{id}',
    rawPath: '/x/1',
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    isBase64Encoded: false,
    requestContext: { requestId: 'r1', authorizer: { jwt: { claims: claims ?? {}, scopes: [] } } },
    ...rest,
  } as unknown as APIGatewayProxyEventV2;
};

const claims = {
  sub: 'u-1',
  token_use: 'id',
  email: 'a@b.vn',
  name: 'Nguyễn Văn A',
  'custom:tenant_id': 'binh-phuoc',
  'custom:unit_id': 'dong-xoai',
  'cognito:groups': '[reviewer unit_head]',
};

describe('identity from API Gateway JWT claims', () => {
  it('parses the "[a b]" form API Gateway gives array claims, arrays and JSON strings', () => {
    expect(parseGroups('[admin reviewer]')).toEqual(['admin', 'reviewer']);
    expect(parseGroups('["admin","reviewer"]')).toEqual(['admin', 'reviewer']);
    expect(parseGroups(['chair'])).toEqual(['chair']);
    expect(parseGroups('secretariat')).toEqual(['secretariat']);
    expect(parseGroups(undefined)).toEqual([]);
    expect(parseGroups('[]')).toEqual([]);
  });

  it('builds the Identity, ignoring groups that are not roles', () => {
    const id = identityFromEvent(
      event({ claims: { ...claims, 'cognito:groups': '[reviewer us-east-1_x_Google]' } }),
    );
    expect(id).toEqual({
      userId: 'u-1',
      email: 'a@b.vn',
      name: 'Nguyễn Văn A',
      tenantId: 'binh-phuoc',
      unitId: 'dong-xoai',
      roles: ['reviewer'],
    });
  });

  it('refuses an access token, a token without tenant or unit, and no claims at all (401)', () => {
    for (const bad of [{ ...claims, token_use: 'access' }, { ...claims, 'custom:unit_id': undefined }, {}]) {
      expect(() => identityFromEvent(event({ claims: bad }))).toThrowError(
        expect.objectContaining({ status: 401 }),
      );
    }
  });
});

describe('input parsing', () => {
  const contract = defineRoute({
    method: 'POST',
    path: '/x/{id}',
    group: 'system',
    auth: 'user',
    summary: 'x',
    operationId: 'x',
    params: z.object({ id: z.string().regex(/^\d+$/) }),
    query: z.object({ limit: z.coerce.number().int().max(10).default(5) }),
    body: z.object({ name: z.string().min(2), n: z.number().int() }),
    response: z.object({}),
    errors: [],
  });

  it('gives typed path, query and body', () => {
    const r = parseInput(
      event({
        pathParameters: { id: '7' },
        queryStringParameters: { limit: '3' },
        body: '{"name":"ab","n":1}',
      }),
      contract,
    );
    expect(r).toEqual({ params: { id: '7' }, query: { limit: 3 }, body: { name: 'ab', n: 1 } });
  });

  it('answers 400 with field paths prefixed by where the input came from', () => {
    try {
      parseInput(
        event({ pathParameters: { id: 'x' }, queryStringParameters: { limit: '99' }, body: '{"name":"a"}' }),
        contract,
      );
      expect.unreachable();
    } catch (err) {
      expect(err).toMatchObject({ status: 400, details: [{ path: 'path.id' }] });
    }
    try {
      parseInput(event({ pathParameters: { id: '1' }, body: '{"name":"a"}' }), contract);
      expect.unreachable();
    } catch (err) {
      const paths = (err as { details: { path: string }[] }).details.map((d) => d.path);
      expect(paths).toEqual(['body.name', 'body.n']);
    }
  });

  it('malformed JSON → 400 malformed_json; too large → 413; base64 bodies are decoded', () => {
    expect(() => parseInput(event({ pathParameters: { id: '1' }, body: '{"name":' }), contract)).toThrowError(
      expect.objectContaining({ status: 400, code: 'malformed_json' }),
    );
    const big = JSON.stringify({ name: 'x'.repeat(MAX_JSON_BODY_BYTES), n: 1 });
    expect(() => parseInput(event({ pathParameters: { id: '1' }, body: big }), contract)).toThrowError(
      expect.objectContaining({ status: 413 }),
    );
    const b64 = Buffer.from('{"name":"Tân Phú","n":2}').toString('base64');
    expect(
      parseInput(event({ pathParameters: { id: '1' }, body: b64, isBase64Encoded: true }), contract).body,
    ).toEqual({
      name: 'Tân Phú',
      n: 2,
    });
  });
});

describe('the one error mapper', () => {
  const noBugs = (fields: Record<string, unknown>) => {
    throw new Error(`unexpected bug report: ${JSON.stringify(fields)}`);
  };
  it('maps every AppError to its status and the one error shape', () => {
    const r = toErrorResponse(
      new RuleViolation('Sai', [{ path: 'body.a', message: 'm' }], 'x_rule'),
      undefined,
      noBugs,
    );
    expect(r.statusCode).toBe(422);
    expect(JSON.parse(String(r.body))).toEqual({
      error: { code: 'x_rule', message: 'Sai', details: [{ path: 'body.a', message: 'm' }] },
    });
    expect(toErrorResponse(new NotFound(), undefined, noBugs).statusCode).toBe(404);
  });

  it('a conflict carries the current state', () => {
    const r = toErrorResponse(new Conflict('Đã đổi', { version: 4 }), undefined, noBugs);
    expect(JSON.parse(String(r.body)).error.current).toEqual({ version: 4 });
  });

  it('an unknown error is a 500 that reveals nothing', () => {
    const logged: unknown[] = [];
    const r = toErrorResponse(new Error('secret table name'), 'req-1', (fields) => logged.push(fields));
    expect(r.statusCode).toBe(500);
    expect(String(r.body)).not.toContain('secret');
    expect(logged).toHaveLength(1);
  });
});
