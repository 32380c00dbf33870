import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The SPA reads its runtime configuration (API URL, Cognito pool and client) from `/config.json` on its
 * own origin, so one build runs against any environment. In AWS the file is written beside index.html
 * by CDK; locally the platform writes it and points `THIDUA_WEB_CONFIG` at it, and this plugin serves it
 * from the dev and preview servers. The file is read on every request: a restarted platform with new
 * emulator ports needs no Vite restart.
 */
function runtimeConfig(): Plugin {
  const serve = (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const file = process.env.THIDUA_WEB_CONFIG;
    if (req.method !== 'GET' || !file) {
      next();
      return;
    }
    readFile(file, 'utf8').then(
      (text) => {
        res.statusCode = 200;
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        res.end(text);
      },
      (error: unknown) => {
        res.statusCode = 500;
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end(`Cannot read THIDUA_WEB_CONFIG (${file}): ${String(error)}`);
      },
    );
  };
  return {
    name: 'thidua-runtime-config',
    configureServer(server) {
      server.middlewares.use('/config.json', serve);
    },
    configurePreviewServer(server) {
      server.middlewares.use('/config.json', serve);
    },
  };
}

export default defineConfig({
  plugins: [react(), runtimeConfig()],
  build: {
    target: 'es2022',
    sourcemap: true,
    // Budget (issue 6): initial JavaScript at most 250 KB gzipped; routes are lazy chunks.
    chunkSizeWarningLimit: 400,
  },
  server: { port: 5173, strictPort: true },
});
