import { defineRoute } from '@thidua/shared/contracts';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { isJsonMediaType, normalizeInput, parseInput } from './input';

/** Issue 12, finding 5: what the API accepted as text and as JSON. */
const contract = defineRoute({
  method: 'POST',
  path: '/x/{id}',
  group: 'system',
  auth: 'public',
  operationId: 'x',
  summary: 'x',
  params: z.object({ id: z.string() }),
  body: z.record(z.string(), z.unknown()),
  response: z.object({}),
  errors: [],
});

const event = (
  body: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
  base64 = false,
) =>
  ({
    routeKey: 'POST /x/{id}',
    rawPath: '/x/1',
    headers,
    pathParameters: { id: '1' },
    isBase64Encoded: base64,
    body,
    requestContext: { requestId: 'r' },
  }) as unknown as APIGatewayProxyEventV2;

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p)))).toString(
    'base64',
  );

describe('invalid UTF-8 is refused with 400, never stored as U+FFFD', () => {
  it('a base64 body with bytes that are not UTF-8 (a lone continuation byte, an overlong form)', () => {
    for (const bad of [[0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff]]) {
      expect(() => parseInput(event(bytes('{"name":"T', bad, '"}'), undefined, true), contract)).toThrowError(
        expect.objectContaining({ status: 400, code: 'invalid_utf8' }),
      );
    }
  });

  it('a text body a lossy decoder already turned into U+FFFD, and an unpaired surrogate escape', () => {
    expect(() => parseInput(event('{"name":"T\uFFFDn"}'), contract)).toThrowError(
      expect.objectContaining({ status: 400, code: 'invalid_utf8' }),
    );
    expect(() => parseInput(event('{"name":"\\ud800x"}'), contract)).toThrowError(
      expect.objectContaining({ status: 400, code: 'invalid_utf8' }),
    );
    expect(() => parseInput(event('{"data":{"q1":["ok","\\ufffd"]}}'), contract)).toThrowError(
      expect.objectContaining({
        code: 'invalid_utf8',
        details: [expect.objectContaining({ path: 'body.data.q1.1' })],
      }),
    );
  });

  it('valid UTF-8, emoji (surrogate pairs) included, passes', () => {
    expect(parseInput(event(bytes('{"name":"Tân Phú 🏅"}'), undefined, true), contract).body).toEqual({
      name: 'Tân Phú 🏅',
    });
  });
});

describe('a part the contract does not declare is not read', () => {
  it('a query string with bad text on a route that takes no query answers nothing about it', () => {
    const getMe = defineRoute({
      method: 'GET',
      path: '/me',
      group: 'system',
      auth: 'public',
      operationId: 'me',
      summary: 'me',
      response: z.object({}),
      errors: [],
    });
    const stray = {
      ...event(''),
      routeKey: 'GET /me',
      pathParameters: undefined,
      queryStringParameters: { f: 'T\uFFFDn' },
    } as unknown as APIGatewayProxyEventV2;
    expect(parseInput(stray, getMe)).toEqual({ params: undefined, query: undefined, body: undefined });
    // The same text where the route takes a query: refused as before.
    const withQuery = defineRoute({ ...getMe, query: z.object({ f: z.string() }) });
    expect(() => parseInput(stray, withQuery)).toThrowError(
      expect.objectContaining({ status: 400, code: 'invalid_utf8' }),
    );
  });
});

describe('JSON only as application/json or +json (415 otherwise)', () => {
  it('accepts the JSON media types, with or without charset=utf-8', () => {
    for (const t of [
      'application/json',
      'Application/JSON',
      'application/json; charset=utf-8',
      'application/json;charset="UTF-8"',
      'application/merge-patch+json',
      'application/vnd.thidua.v1+json',
    ]) {
      expect(isJsonMediaType(t)).toBe(true);
    }
  });

  it('refuses what only mentions json, other charsets, and no type at all', () => {
    for (const t of [
      'text/html; x=json',
      'text/json',
      'application/jsonp',
      'application/x-json-but-not',
      'text/plain',
      'application/json; charset=latin1',
      'multipart/form-data; boundary=json',
      '',
    ]) {
      expect(isJsonMediaType(t), t).toBe(false);
      expect(() => parseInput(event('{"a":1}', { 'content-type': t }), contract)).toThrowError(
        expect.objectContaining({ status: 415, code: 'unsupported_media_type' }),
      );
    }
    expect(() => parseInput(event('{"a":1}', {}), contract)).toThrowError(
      expect.objectContaining({ status: 415 }),
    );
  });
});

describe('text is normalised to NFC on the way in', () => {
  const nfd = 'Bi\u0300nh Phu\u031bo\u031b\u0301c'; // "Bình Phước" typed decomposed
  it('every string: values, keys, array items, path parameters', () => {
    const r = parseInput(
      { ...event(JSON.stringify({ [nfd]: [nfd, { note: nfd }] })), pathParameters: { id: nfd } },
      contract,
    );
    const nfc = 'Bình Phước';
    expect(nfc).toHaveLength(10);
    expect(r.body).toEqual({ [nfc]: [nfc, { note: nfc }] });
    expect(r.params).toEqual({ id: nfc });
  });

  it('a __proto__ key stays a plain key and never changes a prototype', () => {
    const out = normalizeInput(JSON.parse('{"__proto__":{"polluted":true},"a":1}')) as Record<
      string,
      unknown
    >;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
  });
});
