import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

/**
 * Serves a production build of the web app (`web/dist` or any vite build output) the way CloudFront
 * does: static files, the SPA fallback to index.html for client routes, and `/config.json` — which in
 * AWS is a file written beside index.html — answered from the running platform's configuration.
 */
export interface WebServer {
  origin: string;
  /** Sets what `/config.json` answers (the platform is usually started after the server, for CORS). */
  setConfig(config: unknown): void;
  stop(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export async function serveWeb(options: { dir: string; port?: number; host?: string }): Promise<WebServer> {
  const root = resolve(options.dir);
  const indexHtml = await readFile(join(root, 'index.html'));
  let config: string | null = null;

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if (url.pathname === '/config.json') {
      if (config === null) {
        res.writeHead(503, { 'Content-Type': 'text/plain' }).end('config not set');
        return;
      }
      res.writeHead(200, { 'Content-Type': TYPES['.json'] ?? '', 'Cache-Control': 'no-store' }).end(config);
      return;
    }
    const path = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
    const file = join(root, path);
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    stat(file)
      .then(async (st) => {
        if (!st.isFile()) throw new Error('not a file');
        const body = await readFile(file);
        const hashed = path.startsWith('assets/');
        res
          .writeHead(200, {
            'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
            'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
          })
          .end(req.method === 'HEAD' ? undefined : body);
      })
      .catch(() => {
        // Client-side routes get the app; a missing asset is a real 404.
        if (extname(path) !== '') res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        else
          res
            .writeHead(200, { 'Content-Type': TYPES['.html'] ?? '', 'Cache-Control': 'no-cache' })
            .end(indexHtml);
      });
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${options.host ?? '127.0.0.1'}:${port}`,
    setConfig(c) {
      config = JSON.stringify(c);
    },
    stop: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
