import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PlatformError } from './errors';
import { assertPortFree, LOOPBACK } from './processes';

/**
 * A small HTTP front for an emulator that is laxer than its AWS counterpart: it reads each request whole,
 * lets a `handle` function answer it (a refusal) or pass it to the emulator (`forward`), and sends the
 * answer back. The emulator itself listens on another loopback port nobody else is told about.
 */
export interface ProxiedRequest {
  method: string;
  /** Path and query exactly as received. */
  rawUrl: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface ProxyAnswer {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

export type Forward = (request: ProxiedRequest) => Promise<ProxyAnswer>;

export interface FrontOptions {
  /** The emulator, `http://127.0.0.1:<port>`. */
  upstream: string;
  port?: number;
  what: string;
  portEnvVar?: string;
  handle: (request: ProxiedRequest, forward: Forward) => Promise<ProxyAnswer>;
}

export interface Front {
  port: number;
  stop(): Promise<void>;
}

/** Hop-by-hop headers a proxy must not pass on (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade']);

export function forwardTo(upstream: string): Forward {
  const target = new URL(upstream);
  return (request) =>
    new Promise<ProxyAnswer>((resolve, reject) => {
      const headers = Object.fromEntries(
        Object.entries(request.headers).filter(
          ([name]) => !HOP_BY_HOP.has(name) && name !== 'content-length',
        ),
      ) as IncomingHttpHeaders;
      headers['content-length'] = String(request.body.length);
      const outgoing = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: request.method,
          path: request.rawUrl,
          headers,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.once('end', () => {
            const answerHeaders: Record<string, string | string[]> = {};
            for (const [name, value] of Object.entries(response.headers)) {
              if (value !== undefined && !HOP_BY_HOP.has(name)) answerHeaders[name] = value;
            }
            resolve({
              status: response.statusCode ?? 502,
              headers: answerHeaders,
              body: Buffer.concat(chunks),
            });
          });
          response.once('error', reject);
        },
      );
      outgoing.once('error', reject);
      outgoing.end(request.body);
    });
}

export async function startFront(options: FrontOptions): Promise<Front> {
  const forward = forwardTo(options.upstream);
  if (options.port !== undefined) await assertPortFree(options.port, options.what, options.portEnvVar);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => {
      const request: ProxiedRequest = {
        method: req.method ?? 'GET',
        rawUrl: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      options.handle(request, forward).then(
        (answer) => {
          // A HEAD answer has no body but the length of the one a GET would have.
          const declared = answer.headers['content-length'];
          const length =
            request.method === 'HEAD'
              ? String(Array.isArray(declared) ? declared[0] : (declared ?? ''))
              : String(answer.body.length);
          res.writeHead(answer.status, {
            ...answer.headers,
            ...(length ? { 'content-length': length } : {}),
          });
          res.end(answer.body);
        },
        (error: unknown) => {
          res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(`${options.what}: ${error instanceof Error ? error.message : String(error)}`);
        },
      );
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new PlatformError(`Port ${options.port} (${options.what}) is already in use.`)
          : error,
      ),
    );
    server.listen(options.port ?? 0, LOOPBACK, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
