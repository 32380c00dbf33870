import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { handlerEntry, type RouteDef, type RouteGroup } from '../src/routes';
import { PlatformError } from './errors';
import {
  buildEvent,
  compileRoutes,
  type GatewayResponse,
  gatewayError,
  matchRoute,
  resultToResponse,
} from './gateway-event';
import { createJwtAuthorizer, type JwtAuthorizerConfig } from './jwt';
import { repoRoot } from './paths';
import { assertPortFree, LOOPBACK } from './processes';

/**
 * The local API gateway: a Node HTTP server that serves the route table the CDK stack deploys, with the
 * behaviour of an HTTP API in front of Lambda — CORS as configured on the API, the JWT authorizer on
 * `auth: 'user'` routes (401 `{"message":"Unauthorized"}`), the payload 2.0 event, the same handler
 * modules CDK bundles (`functions/src/handlers/<group>.ts`), API Gateway's own answers for what never
 * reaches a function (404 `{"message":"Not Found"}`, 413, 500 `{"message":"Internal Server Error"}` when
 * a function throws, 503 on timeout). There is deliberately no option that skips authentication.
 */

/** A Lambda handler as the gateway calls it: the event and a context, a promise of the result. */
export type LambdaHandler = (event: unknown, context: Context) => unknown;

export interface GatewayOptions {
  /** Default: a free port. */
  port?: number;
  portEnvVar?: string;
  routes: readonly RouteDef[];
  authorizer: JwtAuthorizerConfig;
  /** Origins allowed by CORS (the web app). */
  corsOrigins: readonly string[];
  /** Default: import `functions/src/handlers/<group>.ts` and take its `handler`. */
  loadHandler?: (group: RouteGroup) => Promise<LambdaHandler>;
  /** One line per request (method, path, status, time). Default: silent. */
  accessLog?: (line: string) => void;
  /** Where function failures are reported. Default: console.error. */
  errorLog?: (message: string, error: unknown) => void;
  /** API Gateway's integration timeout. */
  timeoutMs?: number;
  region?: string;
}

export interface Gateway {
  /** `http://localhost:<port>` */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** HTTP APIs accept payloads up to 10 MB. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;
// CORS as the CDK stack configures the HTTP API (infra/src/api.ts).
const CORS_ALLOW_HEADERS = ['authorization', 'content-type', 'idempotency-key', 'if-match'];
const CORS_ALLOW_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const CORS_EXPOSE_HEADERS = ['etag', 'location', 'retry-after'];
const CORS_MAX_AGE_SECONDS = 86_400;

/** Imports a group's handler module the way Lambda loads the bundle CDK built from it. */
export async function importHandler(group: RouteGroup): Promise<LambdaHandler> {
  const entry = handlerEntry(group);
  const module: unknown = await import(pathToFileURL(resolve(repoRoot, entry)).href);
  const handler =
    module !== null && typeof module === 'object' && 'handler' in module ? module.handler : undefined;
  if (typeof handler !== 'function') throw new Error(`${entry} does not export a function named handler`);
  return handler as LambdaHandler;
}

const unauthorized = (reason: string): GatewayResponse => ({
  ...gatewayError(401, 'Unauthorized'),
  headers: {
    'content-type': 'application/json',
    'www-authenticate': `Bearer scope="" error="invalid_token" error_description="${reason}"`,
  },
});

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge());
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => resolveBody(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

function lambdaContext(group: RouteGroup, region: string, deadline: number): Context {
  const functionName = `thidua-${group}`;
  const unsupported = (): never => {
    throw new Error('Deprecated Lambda context callbacks are not supported; return a promise.');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const compiled = compileRoutes(options.routes);
  const authorize = createJwtAuthorizer(options.authorizer);
  const allowedOrigins = new Set(options.corsOrigins);
  const timeoutMs = options.timeoutMs ?? 29_000;
  const region = options.region ?? 'ap-southeast-1';
  const errorLog =
    options.errorLog ?? ((message: string, error: unknown) => console.error(`[gateway] ${message}`, error));
  const load = options.loadHandler ?? importHandler;
  const handlers = new Map<RouteGroup, Promise<LambdaHandler>>();
  const handlerFor = (group: RouteGroup): Promise<LambdaHandler> => {
    let handler = handlers.get(group);
    if (!handler) {
      handler = load(group);
      handlers.set(group, handler);
      // A module that failed to load is retried on the next request (after a fix, without a restart).
      handler.catch(() => handlers.delete(group));
    }
    return handler;
  };

  const corsHeaders = (origin: string | undefined): Record<string, string> =>
    origin && allowedOrigins.has(origin)
      ? {
          'access-control-allow-origin': origin,
          'access-control-expose-headers': CORS_EXPOSE_HEADERS.join(','),
          vary: 'Origin',
        }
      : {};

  async function respond(req: IncomingMessage, requestId: string): Promise<GatewayResponse> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = req.url ?? '/';
    const origin = req.headers.origin;

    // CORS preflight is answered by the API itself, before routing (as configured on the HTTP API).
    if (method === 'OPTIONS' && origin && req.headers['access-control-request-method']) {
      req.resume();
      if (!allowedOrigins.has(origin))
        return { statusCode: 204, headers: {}, cookies: [], body: Buffer.alloc(0) };
      return {
        statusCode: 204,
        headers: {
          ...corsHeaders(origin),
          'access-control-allow-methods': CORS_ALLOW_METHODS.join(','),
          'access-control-allow-headers': CORS_ALLOW_HEADERS.join(','),
          'access-control-max-age': String(CORS_MAX_AGE_SECONDS),
        },
        cookies: [],
        body: Buffer.alloc(0),
      };
    }

    const queryAt = url.indexOf('?');
    const match = matchRoute(compiled, method, queryAt === -1 ? url : url.slice(0, queryAt));
    if (!match) {
      req.resume();
      return gatewayError(404, 'Not Found');
    }

    let jwtPayload: Record<string, unknown> | undefined;
    if (match.route.auth === 'user') {
      const verdict = await authorize(req.headers.authorization);
      if (!verdict.ok) {
        req.resume();
        return unauthorized(verdict.reason);
      }
      jwtPayload = verdict.payload;
    }

    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLarge) return gatewayError(413, 'Request Entity Too Large');
      throw error;
    }

    const now = new Date();
    const event = buildEvent({
      request: {
        method,
        url,
        headers: req.headersDistinct,
        body,
        sourceIp: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
        sourcePort: req.socket.remotePort,
      },
      match,
      ...(jwtPayload ? { jwtPayload } : {}),
      requestId,
      now,
    });

    const routeKey = `${match.route.method} ${match.route.path}`;
    let timer: NodeJS.Timeout | undefined;
    try {
      const handler = await handlerFor(match.route.group);
      const deadline = Date.now() + timeoutMs;
      const timedOut = new Promise<'timeout'>((resolveTimeout) => {
        timer = setTimeout(() => resolveTimeout('timeout'), timeoutMs);
      });
      const result = await Promise.race([
        Promise.resolve(handler(event, lambdaContext(match.route.group, region, deadline))),
        timedOut,
      ]);
      if (result === 'timeout') {
        errorLog(`${routeKey} did not answer within ${timeoutMs} ms`, undefined);
        return gatewayError(503, 'Service Unavailable');
      }
      // API Gateway ignores CORS headers from the integration and applies the API's configuration.
      const response = resultToResponse(result);
      for (const name of Object.keys(response.headers)) {
        if (name.startsWith('access-control-')) delete response.headers[name];
      }
      return response;
    } catch (error) {
      errorLog(`${routeKey} (${handlerEntry(match.route.group)}) failed`, error);
      return gatewayError(500, 'Internal Server Error');
    } finally {
      clearTimeout(timer);
    }
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    // API Gateway's request ids are short opaque strings; the shape does not matter to handlers.
    const requestId = randomBytes(10).toString('base64url');
    let response: GatewayResponse;
    try {
      response = await respond(req, requestId);
    } catch (error) {
      errorLog('the gateway itself failed', error);
      response = gatewayError(500, 'Internal Server Error');
    }
    const headers: Record<string, string | string[]> = {
      ...response.headers,
      ...corsHeaders(req.headers.origin),
    };
    if (response.cookies.length > 0) headers['set-cookie'] = response.cookies;
    headers['apigw-requestid'] = requestId;
    headers['content-length'] = String(response.body.length);
    res.writeHead(response.statusCode, headers);
    res.end(response.body);
    options.accessLog?.(
      `${req.method} ${req.url} → ${response.statusCode} (${(performance.now() - started).toFixed(0)} ms)`,
    );
  }

  if (options.port !== undefined) await assertPortFree(options.port, 'API gateway', options.portEnvVar);
  const server = createServer((req, res) => {
    void onRequest(req, res);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new PlatformError(`Port ${options.port} (API gateway) is already in use.`)
          : error,
      ),
    );
    server.listen(options.port ?? 0, LOOPBACK, () => resolveListen());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://localhost:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}
