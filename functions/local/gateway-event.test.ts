import { describe, expect, it } from 'vitest';
import type { RouteDef } from '../src/routes';
import {
  buildEvent,
  compileRoutes,
  formatRequestTime,
  type IncomingRequest,
  isTextBody,
  matchRoute,
  resultToResponse,
  stringifyClaims,
} from './gateway-event';

const route = (method: RouteDef['method'], path: string, auth: RouteDef['auth'] = 'user'): RouteDef => ({
  method,
  path,
  group: 'system',
  operationId: `${method}${path}`,
  auth,
  summary: '',
});

const table = compileRoutes([
  route('GET', '/submissions/{submissionId}'),
  route('GET', '/submissions/inbox'),
  route('POST', '/submissions/{submissionId}/actions'),
  route('GET', '/units/{unitId}/children/{childId}'),
  route('GET', '/files/{key+}'),
  route('GET', '/health', 'public'),
]);

describe('route matching', () => {
  it('prefers a literal segment over a path variable, whatever the order of the table', () => {
    expect(matchRoute(table, 'GET', '/submissions/inbox')?.route.path).toBe('/submissions/inbox');
    expect(matchRoute(table, 'GET', '/submissions/abc')?.route.path).toBe('/submissions/{submissionId}');
  });

  it('extracts and decodes path parameters', () => {
    expect(matchRoute(table, 'GET', '/units/u%201/children/c-2')?.pathParameters).toEqual({
      unitId: 'u 1',
      childId: 'c-2',
    });
  });

  it('matches the method too: another method on an existing path is not found (no 405)', () => {
    expect(matchRoute(table, 'POST', '/submissions/abc')).toBeUndefined();
    expect(matchRoute(table, 'post', '/submissions/abc/actions')?.route.method).toBe('POST');
  });

  it('treats a trailing slash, an empty variable and extra segments as different paths', () => {
    expect(matchRoute(table, 'GET', '/health/')).toBeUndefined();
    expect(matchRoute(table, 'GET', '/submissions/')).toBeUndefined();
    expect(matchRoute(table, 'GET', '/submissions/a/b')).toBeUndefined();
    expect(matchRoute(table, 'GET', '/nope')).toBeUndefined();
  });

  it('lets a greedy variable take the rest of the path', () => {
    expect(matchRoute(table, 'GET', '/files/a/b/c.pdf')?.pathParameters).toEqual({ key: 'a/b/c.pdf' });
    expect(matchRoute(table, 'GET', '/files/')).toBeUndefined();
  });
});

describe('claims as API Gateway hands them over', () => {
  it('turns every value into a string and an array into "[a b]"', () => {
    expect(
      stringifyClaims({
        sub: 'abc',
        'cognito:groups': ['admin', 'reviewer'],
        exp: 1_700_000_000,
        email_verified: true,
        'custom:unit_id': 'dong-xoai',
        empty: [],
        nested: { a: 1 },
        nothing: undefined,
      }),
    ).toEqual({
      sub: 'abc',
      'cognito:groups': '[admin reviewer]',
      exp: '1700000000',
      email_verified: 'true',
      'custom:unit_id': 'dong-xoai',
      empty: '[]',
      nested: '{"a":1}',
    });
  });
});

const request = (overrides: Partial<IncomingRequest> = {}): IncomingRequest => ({
  method: 'POST',
  url: '/submissions/s%2D1/actions?a=1&b=x%20y&a=2&flag',
  headers: {
    host: ['localhost:3000'],
    'content-type': ['application/json'],
    'user-agent': ['vitest'],
    'x-multi': ['one', 'two'],
    cookie: ['c1=v1; c2=v2'],
  },
  body: Buffer.from('{"action":"approve"}'),
  sourceIp: '127.0.0.1',
  ...overrides,
});

describe('the payload 2.0 event', () => {
  const match = matchRoute(table, 'POST', '/submissions/s%2D1/actions');
  if (!match) throw new Error('route table fixture broken');
  const now = new Date(Date.UTC(2023, 1, 7, 8, 5, 9));

  it('carries route key, raw path and query, joined headers, cookies and a text body', () => {
    const event = buildEvent({ request: request(), match, requestId: 'req-1', now });
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /submissions/{submissionId}/actions',
      rawPath: '/submissions/s%2D1/actions',
      rawQueryString: 'a=1&b=x%20y&a=2&flag',
      queryStringParameters: { a: '1,2', b: 'x y', flag: '' },
      pathParameters: { submissionId: 's-1' },
      cookies: ['c1=v1', 'c2=v2'],
      body: '{"action":"approve"}',
      isBase64Encoded: false,
      requestContext: {
        http: {
          method: 'POST',
          path: '/submissions/s-1/actions',
          protocol: 'HTTP/1.1',
          sourceIp: '127.0.0.1',
          userAgent: 'vitest',
        },
        requestId: 'req-1',
        routeKey: 'POST /submissions/{submissionId}/actions',
        stage: '$default',
        time: '07/Feb/2023:08:05:09 +0000',
        timeEpoch: now.getTime(),
      },
    });
    expect(event.headers).toEqual({
      host: 'localhost:3000',
      'content-type': 'application/json',
      'user-agent': 'vitest',
      'x-multi': 'one,two',
    });
    expect(event.requestContext.authorizer).toBeUndefined();
  });

  it('sets CloudFront-Viewer-Address from the socket, as CloudFront does, over what the client sent', () => {
    const forged = request({
      headers: { 'cloudfront-viewer-address': ['203.0.113.9:1'], 'content-type': ['application/json'] },
      sourceIp: '192.0.2.44',
      sourcePort: 51234,
    });
    const event = buildEvent({ request: forged, match, requestId: 'r', now });
    expect(event.headers['cloudfront-viewer-address']).toBe('192.0.2.44:51234');
    const unknownPort = buildEvent({
      request: { ...forged, sourcePort: undefined },
      match,
      requestId: 'r',
      now,
    });
    expect(unknownPort.headers['cloudfront-viewer-address']).toBeUndefined();
  });

  it('puts the verified claims (as strings) under authorizer.jwt, scopes null for an ID token', () => {
    const event = buildEvent({
      request: request(),
      match,
      jwtPayload: { sub: 'u1', token_use: 'id', 'cognito:groups': ['reviewer'], iat: 5 },
      requestId: 'r',
      now,
    });
    expect(event.requestContext.authorizer).toEqual({
      jwt: { claims: { sub: 'u1', token_use: 'id', 'cognito:groups': '[reviewer]', iat: '5' }, scopes: null },
    });
  });

  it('base64-encodes a binary body and leaves out what the request does not have', () => {
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0xff, 0x00]);
    const binary = buildEvent({
      request: request({
        url: '/submissions/x/actions',
        headers: { 'content-type': ['application/pdf'] },
        body: bytes,
      }),
      match,
      requestId: 'r',
      now,
    });
    expect(binary.isBase64Encoded).toBe(true);
    expect(binary.body).toBe(bytes.toString('base64'));
    expect(binary.queryStringParameters).toBeUndefined();
    expect(binary.cookies).toBeUndefined();

    const empty = buildEvent({
      request: request({ url: '/submissions/x/actions', body: Buffer.alloc(0) }),
      match,
      requestId: 'r',
      now,
    });
    expect(empty.body).toBeUndefined();
    expect(empty.isBase64Encoded).toBe(false);
  });

  it('knows which content types travel as text', () => {
    expect(isTextBody('application/json; charset=utf-8')).toBe(true);
    expect(isTextBody('application/problem+json')).toBe(true);
    expect(isTextBody('text/csv')).toBe(true);
    expect(isTextBody('multipart/form-data; boundary=x')).toBe(false);
    expect(isTextBody('application/octet-stream')).toBe(false);
  });

  it('formats requestContext.time like API Gateway', () => {
    expect(formatRequestTime(new Date(Date.UTC(2020, 2, 12, 19, 3, 58)))).toBe('12/Mar/2020:19:03:58 +0000');
  });
});

describe('the response from a handler result', () => {
  it('takes a structured result as it is, lower-casing header names', () => {
    const response = resultToResponse({
      statusCode: 201,
      headers: { 'Content-Type': 'application/json', 'X-Count': 3 },
      cookies: ['a=1; HttpOnly'],
      body: '{"ok":true}',
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers).toEqual({ 'content-type': 'application/json', 'x-count': '3' });
    expect(response.cookies).toEqual(['a=1; HttpOnly']);
    expect(response.body.toString()).toBe('{"ok":true}');
  });

  it('decodes a base64 body', () => {
    const response = resultToResponse({
      statusCode: 200,
      body: Buffer.from('PK\u0003\u0004').toString('base64'),
      isBase64Encoded: true,
    });
    expect([...response.body.subarray(0, 4)]).toEqual([0x50, 0x4b, 3, 4]);
  });

  it('turns a result without statusCode into a 200 JSON answer, as API Gateway infers it', () => {
    const object = resultToResponse({ hello: 'world' });
    expect(object).toMatchObject({ statusCode: 200, headers: { 'content-type': 'application/json' } });
    expect(object.body.toString()).toBe('{"hello":"world"}');
    expect(resultToResponse('plain text').body.toString()).toBe('plain text');
  });

  it('answers a malformed structured result with API Gateway 500', () => {
    for (const bad of [
      { statusCode: 'ok' },
      { statusCode: 99 },
      { statusCode: 200, body: { not: 'a string' } },
    ]) {
      const response = resultToResponse(bad);
      expect(response.statusCode).toBe(500);
      expect(JSON.parse(response.body.toString())).toEqual({ message: 'Internal Server Error' });
    }
  });
});
