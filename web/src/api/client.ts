import { type CallArgs, type CallResult, callRoute, type JsonRoute } from './call';
import { errorFromResponse, HttpError } from './errors';
import { retryStatus } from './retry-status';

/** Anything with a zod-like `parse` (zod schemas from `shared/` and the API fit). */
export interface Parser<T> {
  parse(input: unknown): T;
}

export type QueryValue = string | number | boolean | null | undefined | readonly string[];

export interface RequestOptions<T> {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Validates the answer; without it the caller gets `unknown`-typed JSON only through `raw`. */
  schema?: Parser<T>;
  headers?: Record<string, string>;
  /** Makes a write safe to replay (the API stores the first answer under this key). */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export interface ApiClient {
  /** A route of the API by its contract (`@thidua/shared/contracts`): typed input, parsed answer. */
  call<C extends JsonRoute>(contract: C, ...input: CallArgs<C>): Promise<CallResult<C>>;
  request<T>(method: string, path: string, options: RequestOptions<T> & { schema: Parser<T> }): Promise<T>;
  get<T>(path: string, schema: Parser<T>, options?: Omit<RequestOptions<T>, 'schema' | 'body'>): Promise<T>;
  post<T>(
    path: string,
    body: unknown,
    schema: Parser<T>,
    options?: Omit<RequestOptions<T>, 'schema' | 'body'>,
  ): Promise<T>;
  put<T>(
    path: string,
    body: unknown,
    schema: Parser<T>,
    options?: Omit<RequestOptions<T>, 'schema' | 'body'>,
  ): Promise<T>;
  delete<T>(
    path: string,
    schema: Parser<T>,
    options?: Omit<RequestOptions<T>, 'schema' | 'body'>,
  ): Promise<T>;
}

export interface ApiClientConfig {
  baseUrl: string;
  /** The bearer (the Cognito ID token), refreshed by the caller when needed; null when signed out. */
  getToken: () => Promise<string | null>;
  /** Called on a 401 so the app can send the person back to sign-in. */
  onUnauthorized?: () => void;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Retries of a busy server (503) and of writes that lost their connection; see `retryDelayMs`. */
  retry?: Partial<RetryPolicy>;
  /**
   * Called when a call starts waiting to retry; the returned function is called when that call is over
   * (answered or given up). Default: the app-wide `retryStatus` behind the "server busy" notice.
   */
  onRetry?: (event: RetryEvent) => () => void;
  /** Default: a timer that an abort of the call's signal cuts short. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface RetryPolicy {
  /** Attempts after the first. */
  maxRetries: number;
  /** The first wait when the server gives no Retry-After; doubled at each retry. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface RetryEvent {
  method: string;
  path: string;
  /** 1 for the first retry. */
  attempt: number;
  delayMs: number;
  /** Why: the server's status (503), or 0 when the connection failed. */
  status: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 3, baseDelayMs: 1_000, maxDelayMs: 10_000 };

const isRead = (method: string): boolean => method === 'GET' || method === 'HEAD';

/**
 * How long to wait before sending the same call again, or undefined to give up now. Retried: a 503 of a
 * read, of a write with an Idempotency-Key (the API then answers the first result or writes once), or
 * the API's own `unavailable` (it answers that only when nothing was written); a write with a key whose
 * connection failed. The wait honours Retry-After and doubles from `baseDelayMs`, with up to 20% jitter so
 * that many browsers do not come back at the same instant.
 */
export function retryDelayMs(
  error: HttpError,
  call: { method: string; idempotent: boolean; attempt: number; retryAfterMs: number | undefined },
  policy: RetryPolicy,
  random: () => number = Math.random,
): number | undefined {
  if (call.attempt > policy.maxRetries) return undefined;
  const busy =
    error.status === 503 && (isRead(call.method) || call.idempotent || error.code === 'unavailable');
  const lostWrite = error.isNetwork && !isRead(call.method) && call.idempotent;
  if (!busy && !lostWrite) return undefined;
  const backoff = Math.min(policy.baseDelayMs * 2 ** (call.attempt - 1), policy.maxDelayMs);
  const base = Math.max(backoff, Math.min(call.retryAfterMs ?? 0, policy.maxDelayMs));
  return Math.round(base * (1 + 0.2 * random()));
}

/** Retry-After in seconds (what the API sends) or as an HTTP date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const abortableSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export function buildUrl(baseUrl: string, path: string, query?: Record<string, QueryValue>): string {
  const url = `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) for (const item of v) params.append(k, item);
    else params.append(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

async function readJson(res: Response): Promise<unknown> {
  // A file the API answers as such (a PDF) comes back as it is, for the browser to save.
  if (res.ok && /^application\/pdf\b/i.test(res.headers.get('content-type') ?? '')) return res.blob();
  const text = await res.text();
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function createApiClient(config: ApiClientConfig): ApiClient {
  const doFetch = config.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const timeoutMs = config.timeoutMs ?? 30_000;
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...config.retry };
  const onRetry = config.onRetry ?? (() => retryStatus.begin());
  const sleep = config.sleep ?? abortableSleep;

  /**
   * One call as the caller sees it: the same request (same Idempotency-Key) sent again while
   * `retryDelayMs` says so, then the answer or the last error.
   */
  async function request<T>(
    method: string,
    path: string,
    options: RequestOptions<T> & { schema: Parser<T> },
  ): Promise<T> {
    let finished: (() => void) | undefined;
    try {
      for (let attempt = 1; ; attempt++) {
        const outcome = await send(method, path, options);
        if (outcome.ok) return outcome.value;
        const delay = retryDelayMs(
          outcome.error,
          {
            method,
            idempotent: Boolean(options.idempotencyKey),
            attempt,
            retryAfterMs: outcome.retryAfterMs,
          },
          policy,
        );
        if (delay === undefined) throw outcome.error;
        finished ??= onRetry({ method, path, attempt, delayMs: delay, status: outcome.error.status });
        await sleep(delay, options.signal);
      }
    } finally {
      finished?.();
    }
  }

  type Outcome<T> =
    | { ok: true; value: T }
    | { ok: false; error: HttpError; retryAfterMs: number | undefined };

  /** One attempt: the parsed answer, or the HttpError it failed with (a caller's abort is thrown). */
  async function send<T>(
    method: string,
    path: string,
    options: RequestOptions<T> & { schema: Parser<T> },
  ): Promise<Outcome<T>> {
    try {
      return { ok: true, value: await attemptOnce(method, path, options) };
    } catch (e) {
      if (!(e instanceof HttpError)) throw e;
      return { ok: false, error: e, retryAfterMs: e instanceof BusyError ? e.retryAfterMs : undefined };
    }
  }

  async function attemptOnce<T>(
    method: string,
    path: string,
    options: RequestOptions<T> & { schema: Parser<T> },
  ): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    const token = await config.getToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;

    let res: Response;
    try {
      res = await doFetch(buildUrl(config.baseUrl, path, options.query), { method, headers, body, signal });
    } catch (e) {
      // A caller's own abort is not a failure to report: rethrow it untouched for TanStack Query.
      if (options.signal?.aborted) throw e;
      const timedOut = timeout.aborted;
      throw new HttpError({
        kind: timedOut ? 'timeout' : 'network',
        status: 0,
        code: timedOut ? 'timeout' : 'network',
        message: e instanceof Error ? e.message : String(e),
      });
    }

    let payload: unknown;
    try {
      payload = await readJson(res);
    } catch (e) {
      throw new HttpError({
        kind: 'network',
        status: res.status,
        code: 'network',
        message: e instanceof Error ? e.message : String(e),
      });
    }
    if (!res.ok) {
      const error = errorFromResponse(res.status, payload);
      if (error.isUnauthorized) config.onUnauthorized?.();
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
      throw retryAfterMs === undefined ? error : new BusyError(error, retryAfterMs);
    }
    try {
      return options.schema.parse(payload);
    } catch (e) {
      throw new HttpError({
        kind: 'invalid_response',
        status: res.status,
        code: 'invalid_response',
        message: `Unexpected answer from ${method} ${path}: ${e instanceof Error ? e.message : String(e)}`,
        body: payload,
      });
    }
  }

  return {
    request,
    call: (contract, ...input) => callRoute(request, contract, input[0]),
    get: (path, schema, options) => request('GET', path, { ...options, schema }),
    post: (path, body, schema, options) => request('POST', path, { ...options, body, schema }),
    put: (path, body, schema, options) => request('PUT', path, { ...options, body, schema }),
    delete: (path, schema, options) => request('DELETE', path, { ...options, schema }),
  };
}

/** A fresh key for one user intent (one click of "submit"); reused if that same intent is retried. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** An error answer that came with Retry-After: the same HttpError, plus how long the server asked to wait. */
class BusyError extends HttpError {
  constructor(
    error: HttpError,
    readonly retryAfterMs: number,
  ) {
    super({
      kind: error.kind,
      status: error.status,
      code: error.code,
      message: error.message,
      details: error.details,
      body: error.body,
    });
  }
}
