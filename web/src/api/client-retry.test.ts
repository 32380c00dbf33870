import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApiClient, DEFAULT_RETRY, parseRetryAfter, type RetryEvent, retryDelayMs } from './client';
import { HttpError } from './errors';
import { retryStatus } from './retry-status';

// A real HTTP server: each route answers from a script, one entry per attempt.
type Step = (req: IncomingMessage, res: ServerResponse) => void;
const scripts = new Map<string, Step[]>();
const seen: { method: string; path: string; key: string | undefined }[] = [];
let server: Server;
let baseUrl = '';

const busy =
  (retryAfter?: string): Step =>
  (_req, res) => {
    res.writeHead(503, {
      'Content-Type': 'application/json',
      ...(retryAfter ? { 'Retry-After': retryAfter } : {}),
    });
    res.end(JSON.stringify({ error: { code: 'unavailable', message: 'Máy chủ đang bận', details: [] } }));
  };
const answer =
  (status: number, body: unknown): Step =>
  (_req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  };
/** The write arrives, the connection drops before any answer (as on a flaky mobile network). */
const dropConnection: Step = (req) => req.socket.destroy();

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      const key = req.headers['idempotency-key'];
      seen.push({ method: req.method ?? '', path, key: typeof key === 'string' ? key : undefined });
      const step = scripts.get(`${req.method} ${path}`)?.shift();
      (step ?? answer(404, { error: { code: 'not_found', message: 'x', details: [] } }))(req, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
});

const Thing = z.object({ id: z.string() });

/** A client whose waits are recorded instead of slept, and whose retry notices are recorded too. */
const recordingClient = () => {
  const waits: number[] = [];
  const notices: RetryEvent[] = [];
  let open = 0;
  const api = createApiClient({
    baseUrl,
    getToken: async () => 'tok',
    sleep: async (ms) => {
      waits.push(ms);
    },
    onRetry: (e) => {
      notices.push(e);
      open++;
      return () => {
        open--;
      };
    },
  });
  return { api, waits, notices, open: () => open };
};

describe('retrying a busy server', () => {
  it('sends a 503-refused write again with the SAME Idempotency-Key, waiting at least Retry-After, and tells the app while it waits', async () => {
    seen.length = 0;
    scripts.set('POST /things', [busy('2'), busy('2'), answer(201, { id: 'a' })]);
    const c = recordingClient();
    const out = await c.api.post('/things', { x: 1 }, Thing, { idempotencyKey: 'intent-1' });
    expect(out).toEqual({ id: 'a' });
    expect(seen.map((s) => s.key)).toEqual(['intent-1', 'intent-1', 'intent-1']);
    expect(c.waits).toHaveLength(2);
    for (const w of c.waits) expect(w).toBeGreaterThanOrEqual(2_000);
    expect(c.notices).toHaveLength(1);
    expect(c.notices[0]).toMatchObject({ method: 'POST', path: '/things', attempt: 1, status: 503 });
    expect(c.open()).toBe(0);
  });

  it('sends a write whose connection dropped again with the same key', async () => {
    seen.length = 0;
    scripts.set('PUT /things/b', [dropConnection, answer(200, { id: 'b' })]);
    const c = recordingClient();
    expect(await c.api.put('/things/b', { x: 2 }, Thing, { idempotencyKey: 'intent-2' })).toEqual({
      id: 'b',
    });
    expect(seen.map((s) => s.key)).toEqual(['intent-2', 'intent-2']);
    expect(c.waits[0]).toBeGreaterThanOrEqual(DEFAULT_RETRY.baseDelayMs);
  });

  it('does not resend a write without a key after a lost connection (it may have been applied)', async () => {
    seen.length = 0;
    scripts.set('POST /nokey', [dropConnection, answer(201, { id: 'c' })]);
    const c = recordingClient();
    const err = await c.api.post('/nokey', {}, Thing).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).kind).toBe('network');
    expect(seen).toHaveLength(1);
    expect(c.notices).toHaveLength(0);
  });

  it('gives up after the policy’s retries with the last 503, and never retries a corrupt item or a conflict', async () => {
    seen.length = 0;
    scripts.set('GET /always-busy', [busy('1'), busy('1'), busy('1'), busy('1'), busy('1')]);
    scripts.set('GET /corrupt', [
      answer(502, { error: { code: 'corrupt_item', message: 'x', details: [] } }),
    ]);
    scripts.set('POST /conflict', [
      answer(409, { error: { code: 'version_conflict', message: 'x', details: [] } }),
    ]);
    const c = recordingClient();
    const busyErr = (await c.api.get('/always-busy', Thing).catch((e: unknown) => e)) as HttpError;
    expect(busyErr.status).toBe(503);
    expect(busyErr.code).toBe('unavailable');
    expect(seen.filter((s) => s.path === '/always-busy')).toHaveLength(1 + DEFAULT_RETRY.maxRetries);
    const corrupt = (await c.api.get('/corrupt', Thing).catch((e: unknown) => e)) as HttpError;
    expect(corrupt.code).toBe('corrupt_item');
    expect(corrupt.isTransient).toBe(false);
    const conflict = (await c.api
      .post('/conflict', {}, Thing, { idempotencyKey: 'k-9' })
      .catch((e: unknown) => e)) as HttpError;
    expect(conflict.status).toBe(409);
    expect(seen.filter((s) => s.path === '/corrupt' || s.path === '/conflict')).toHaveLength(2);
    expect(c.open()).toBe(0);
  });

  it('feeds the app-wide notice by default, and stops waiting when the caller aborts', async () => {
    scripts.set('GET /slow-busy', [busy('5'), answer(200, { id: 'd' })]);
    const api = createApiClient({ baseUrl, getToken: async () => null });
    const abort = new AbortController();
    const call = api.get('/slow-busy', Thing, { signal: abort.signal }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 200));
    expect(retryStatus.retrying()).toBe(true);
    abort.abort();
    await call;
    expect(retryStatus.retrying()).toBe(false);
  });
});

describe('the retry policy', () => {
  const err = (status: number, code = `http_${status}`, kind: 'http' | 'network' = 'http') =>
    new HttpError({ kind, status, code, message: '' });
  const noJitter = () => 0;
  it('backs off exponentially from the base, honours a longer Retry-After, caps both', () => {
    const call = (attempt: number, retryAfterMs?: number) => ({
      method: 'GET',
      idempotent: false,
      attempt,
      retryAfterMs,
    });
    expect(retryDelayMs(err(503), call(1), DEFAULT_RETRY, noJitter)).toBe(1_000);
    expect(retryDelayMs(err(503), call(2), DEFAULT_RETRY, noJitter)).toBe(2_000);
    expect(retryDelayMs(err(503), call(1, 3_000), DEFAULT_RETRY, noJitter)).toBe(3_000);
    expect(retryDelayMs(err(503), call(3, 60_000), DEFAULT_RETRY, noJitter)).toBe(10_000);
    expect(retryDelayMs(err(503), call(4), DEFAULT_RETRY, noJitter)).toBeUndefined();
    expect(retryDelayMs(err(503), call(1), DEFAULT_RETRY, () => 1)).toBe(1_200);
  });
  it('retries a keyless write only on the API’s own `unavailable` (nothing was written)', () => {
    const write = { method: 'POST', idempotent: false, attempt: 1, retryAfterMs: undefined };
    expect(retryDelayMs(err(503), write, DEFAULT_RETRY, noJitter)).toBeUndefined();
    expect(retryDelayMs(err(503, 'unavailable'), write, DEFAULT_RETRY, noJitter)).toBe(1_000);
    expect(retryDelayMs(err(0, 'network', 'network'), write, DEFAULT_RETRY, noJitter)).toBeUndefined();
  });
  it('reads Retry-After as seconds or as a date', () => {
    expect(parseRetryAfter('2')).toBe(2_000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
  });
});
