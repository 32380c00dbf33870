import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildUrl, createApiClient } from './client';
import { HttpError, normalizePath } from './errors';

// A real HTTP server, so the client is exercised through fetch exactly as in the browser.
type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
const handlers = new Map<string, Handler>();
let server: Server;
let baseUrl = '';

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      const h = handlers.get(`${req.method} ${path}`);
      if (h) h(req, res, body);
      else json(res, 404, { error: { code: 'not_found', message: 'Không tìm thấy', details: [] } });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
});

const Thing = z.object({ id: z.string(), n: z.number() });

describe('api client', () => {
  it('sends the bearer, the query and the body, and parses the answer', async () => {
    let seen: { auth?: string; url?: string; body?: string; key?: string } = {};
    handlers.set('POST /things', (req, res, body) => {
      seen = {
        auth: req.headers.authorization,
        url: req.url,
        body,
        key: String(req.headers['idempotency-key']),
      };
      json(res, 201, { id: 'a', n: 1 });
    });
    const api = createApiClient({ baseUrl, getToken: async () => 'tok' });
    const out = await api.request('POST', '/things', {
      body: { x: 1 },
      query: { q: 'tân phú', empty: '', list: ['a', 'b'] },
      schema: Thing,
      idempotencyKey: 'k1',
    });
    expect(out).toEqual({ id: 'a', n: 1 });
    expect(seen.auth).toBe('Bearer tok');
    expect(seen.url).toBe('/things?q=t%C3%A2n+ph%C3%BA&list=a&list=b');
    expect(JSON.parse(seen.body ?? '')).toEqual({ x: 1 });
    expect(seen.key).toBe('k1');
  });

  it('turns a 400 into field issues with dotted paths', async () => {
    handlers.set('PUT /bad', (_req, res) =>
      json(res, 400, {
        error: {
          code: 'validation_failed',
          message: 'Dữ liệu không hợp lệ',
          details: [
            { path: ['data', 'rows', 0, 'name'], message: 'Bắt buộc' },
            { path: 'data.total', message: 'Phải là số' },
          ],
        },
      }),
    );
    const api = createApiClient({ baseUrl, getToken: async () => null });
    const err = await api.put('/bad', {}, Thing).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    const h = err as HttpError;
    expect(h.status).toBe(400);
    expect(h.isValidation).toBe(true);
    expect(h.details).toEqual([
      { path: 'data.rows.0.name', message: 'Bắt buộc' },
      { path: 'data.total', message: 'Phải là số' },
    ]);
  });

  it('keeps the body of a 409 (the current state) and flags the conflict', async () => {
    handlers.set('POST /act', (_req, res) =>
      json(res, 409, {
        error: { code: 'conflict', message: 'Phiên bản đã thay đổi', details: [] },
        current: { version: 4 },
      }),
    );
    const api = createApiClient({ baseUrl, getToken: async () => null });
    const err = (await api.post('/act', {}, Thing).catch((e: unknown) => e)) as HttpError;
    expect(err.isConflict).toBe(true);
    expect(err.code).toBe('conflict');
    expect(err.body).toMatchObject({ current: { version: 4 } });
  });

  it('reports a 401 to the app', async () => {
    handlers.set('GET /me', (_req, res) => json(res, 401, { error: { code: 'unauthorized', message: 'x' } }));
    let told = 0;
    const api = createApiClient({ baseUrl, getToken: async () => 'old', onUnauthorized: () => told++ });
    const err = (await api.get('/me', Thing).catch((e: unknown) => e)) as HttpError;
    expect(err.isUnauthorized).toBe(true);
    expect(told).toBe(1);
  });

  it('turns a non-JSON error page into an HttpError too', async () => {
    handlers.set('GET /html', (_req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      res.end('<h1>Bad gateway</h1>');
    });
    const api = createApiClient({ baseUrl, getToken: async () => null });
    const err = (await api.get('/html', Thing).catch((e: unknown) => e)) as HttpError;
    expect(err.status).toBe(502);
    expect(err.code).toBe('http_502');
    expect(err.isTransient).toBe(true);
  });

  it('refuses an answer of the wrong shape', async () => {
    handlers.set('GET /odd', (_req, res) => json(res, 200, { id: 1 }));
    const api = createApiClient({ baseUrl, getToken: async () => null });
    const err = (await api.get('/odd', Thing).catch((e: unknown) => e)) as HttpError;
    expect(err.kind).toBe('invalid_response');
  });

  it('reports a refused connection as a network failure', async () => {
    const api = createApiClient({ baseUrl: 'http://127.0.0.1:1', getToken: async () => null });
    const err = (await api.get('/x', Thing).catch((e: unknown) => e)) as HttpError;
    expect(err).toBeInstanceOf(HttpError);
    expect(err.kind).toBe('network');
    expect(err.status).toBe(0);
    expect(err.isTransient).toBe(true);
  });

  it('reports a hung server as a timeout', async () => {
    handlers.set('GET /slow', () => {
      // never answers
    });
    const api = createApiClient({ baseUrl, getToken: async () => null, timeoutMs: 100 });
    const err = (await api.get('/slow', Thing).catch((e: unknown) => e)) as HttpError;
    expect(err.kind).toBe('timeout');
  });
});

describe('helpers', () => {
  it('joins base and path once', () => {
    expect(buildUrl('http://h/api/', '/x', { a: 1, b: undefined })).toBe('http://h/api/x?a=1');
  });
  it('normalizes error paths', () => {
    expect(normalizePath(['a', 0, 'b'])).toBe('a.0.b');
    expect(normalizePath('a[0].b')).toBe('a.0.b');
  });
});
