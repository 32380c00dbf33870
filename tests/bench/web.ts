import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from './lambda';

/**
 * The web app's production build: JavaScript and CSS gzipped — total, and initial (what `index.html`
 * loads before any route runs: its entry script, the chunks it preloads with `modulepreload`, its
 * stylesheets) — and a static server for the first-render measure in Chromium.
 */
export interface WebSizes {
  initialJsGzipBytes: number;
  totalJsGzipBytes: number;
  initialCssGzipBytes: number;
  totalCssGzipBytes: number;
  initialFiles: string[];
  jsFiles: number;
  cssFiles: number;
}

/** `vite build` of the web workspace into `outDir` (not `web/dist`, which others may be serving). */
export async function buildWeb(outDir: string): Promise<void> {
  const vite = join(repoRoot, 'node_modules', '.bin', 'vite');
  const output = await new Promise<{ code: number; text: string }>((resolveBuild, reject) => {
    const child = spawn(vite, ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: join(repoRoot, 'web'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout.on('data', (c: Buffer) => {
      text += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      text += c.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolveBuild({ code: code ?? 1, text }));
  });
  if (output.code !== 0)
    throw new Error(`vite build failed (exit ${output.code}):\n${output.text.slice(-3000)}`);
}

async function listFiles(dir: string, base = dir): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(p, base)));
    else out.push(p.slice(base.length + 1));
  }
  return out;
}

const attr = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1];

/** The files `index.html` loads up front: module scripts, modulepreloads, stylesheets. */
export function initialAssets(indexHtml: string): { js: string[]; css: string[] } {
  const js = new Set<string>();
  const css = new Set<string>();
  for (const [tag] of indexHtml.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, 'src');
    if (src && attr(tag, 'type') === 'module') js.add(src);
  }
  for (const [tag] of indexHtml.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attr(tag, 'rel');
    const href = attr(tag, 'href');
    if (!href) continue;
    if (rel === 'modulepreload') js.add(href);
    if (rel === 'stylesheet') css.add(href);
  }
  const local = (u: string): string => u.replace(/^\//, '').split('?')[0] ?? u;
  return { js: [...js].map(local), css: [...css].map(local) };
}

export async function webSizes(distDir: string): Promise<WebSizes> {
  const files = await listFiles(distDir);
  const gz = new Map<string, number>();
  for (const f of files) {
    if (f.endsWith('.js') || f.endsWith('.css')) gz.set(f, gzipSync(await readFile(join(distDir, f))).length);
  }
  const initial = initialAssets(await readFile(join(distDir, 'index.html'), 'utf8'));
  const sum = (list: readonly string[]): number => list.reduce((n, f) => n + (gz.get(f) ?? 0), 0);
  const js = files.filter((f) => f.endsWith('.js'));
  const css = files.filter((f) => f.endsWith('.css'));
  return {
    initialJsGzipBytes: sum(initial.js),
    totalJsGzipBytes: sum(js),
    initialCssGzipBytes: sum(initial.css),
    totalCssGzipBytes: sum(css),
    initialFiles: [...initial.js, ...initial.css],
    jsFiles: js.length,
    cssFiles: css.length,
  };
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** The build served like CloudFront serves it: files, `/config.json`, index.html for every other path. */
export async function serveWeb(
  distDir: string,
  config: unknown,
  port = 0,
): Promise<{ url: string; origin: string; stop(): Promise<void> }> {
  const root = resolve(distDir);
  const index = await readFile(join(root, 'index.html'));
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    if (path === '/config.json') {
      res.writeHead(200, { 'content-type': types['.json'] ?? '', 'cache-control': 'no-store' });
      res.end(JSON.stringify(config));
      return;
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(root) || extname(file) === '') {
      res.writeHead(200, { 'content-type': types['.html'] ?? '' });
      res.end(index);
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, {
          'content-type': types[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        });
        res.end(body);
      },
      () => {
        res.writeHead(200, { 'content-type': types['.html'] ?? '' });
        res.end(index);
      },
    );
  });
  await new Promise<void>((r) => server.listen(port, 'localhost', () => r()));
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    origin,
    stop: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
