import { type CallArgs, type CallResult, callRoute, type JsonRoute } from './call';
import { errorFromResponse, HttpError } from './errors';

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
}

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

  async function request<T>(
    method: string,
    path: string,
    options: RequestOptions<T> & { schema: Parser<T> },
  ) {
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
      throw error;
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
