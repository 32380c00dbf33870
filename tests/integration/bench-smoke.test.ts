import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { initialAssets } from '../bench/web';

/**
 * Keeps `npm run bench` working: the whole benchmark at `tiny` scale with short phases (its own
 * platform, seeding, the five scenarios through the gateway and their floor), Lambda and web parts left
 * out for time. Checks the result's shape and that every scenario produced answers — never speed.
 */
const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

/** The shape of the issue (bench/results/latest.json), so that runs can be compared by a script. */
const ResultShape = z.object({
  scale: z.string(),
  concurrency: z.number().int().positive(),
  scenarios: z.array(
    z.object({
      name: z.string(),
      p50Ms: z.number(),
      p99Ms: z.number(),
      rps: z.number(),
      floorP50Ms: z.number(),
      floorRps: z.number(),
      ddbCallsPerRequest: z.number(),
      non2xx: z.number(),
      errors: z.number(),
      floorErrors: z.number(),
    }),
  ),
  coldStartFloorMs: z.number().nullable(),
  bundles: z.array(z.object({ name: z.string(), bytes: z.number(), coldStartMs: z.number() })),
  web: z.object({
    initialJsGzipBytes: z.number().nullable(),
    totalJsGzipBytes: z.number().nullable(),
    inboxFirstRenderMs: z.number().nullable(),
  }),
  targets: z.array(z.object({ target: z.string(), verdict: z.enum(['PASS', 'MISS', 'N/A']) })),
});

let out: string;
let run: { code: number | null; output: string };

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'thidua-bench-smoke-'));
  run = await new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'tests/bench/run.ts',
        '--scale',
        'tiny',
        // Phases of 3 s, not 1: on a busy 2-core machine one request of a scenario can take over a
        // second, and a phase that completes none would say nothing about the benchmark itself.
        '--duration',
        '3',
        '--warmup',
        '0.5',
        '--skip',
        'lambda,web',
        '--out',
        out,
      ],
      {
        cwd: repoRoot,
        env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, output }));
  });
}, 240_000);

afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

describe('npm run bench at tiny scale', () => {
  it('finishes and writes latest.json in the agreed shape', async () => {
    expect(run.code, run.output.slice(-4000)).toBe(0);
    const result = ResultShape.parse(JSON.parse(await readFile(join(out, 'latest.json'), 'utf8')));
    expect(result.scale).toBe('tiny');
    expect(result.concurrency).toBe(32);
    expect(result.scenarios.map((s) => s.name)).toEqual([
      'inbox page',
      'submission detail',
      'district completeness',
      'save draft',
      'approval',
    ]);
  });

  it('every scenario answered through the API and its floor, and the calls were counted', async () => {
    const result = ResultShape.parse(JSON.parse(await readFile(join(out, 'latest.json'), 'utf8')));
    for (const s of result.scenarios) {
      expect(s.rps, s.name).toBeGreaterThan(0);
      expect(s.floorRps, s.name).toBeGreaterThan(0);
      expect(s.ddbCallsPerRequest, s.name).toBeGreaterThan(0);
      // Bad tokens, stale versions or a reused submission would show here.
      expect({ scenario: s.name, non2xx: s.non2xx, errors: s.errors, floorErrors: s.floorErrors }).toEqual({
        scenario: s.name,
        non2xx: 0,
        errors: 0,
        floorErrors: 0,
      });
    }
  });

  it('writes the Markdown table', async () => {
    const md = await readFile(join(out, 'latest.md'), 'utf8');
    expect(md).toContain('| scenario | p50 ms | p99 ms | rps | floor p50 ms | floor rps |');
    expect(md).toContain('| approval |');
    expect(await readFile(join(out, 'tiny.json'), 'utf8')).toBe(
      await readFile(join(out, 'latest.json'), 'utf8'),
    );
  });
});

describe('initial assets of the web build', () => {
  it('are the entry module, its modulepreloads and the stylesheets of index.html', () => {
    const html = `<!doctype html><html><head>
      <script type="module" crossorigin src="/assets/index-abc.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/react-123.js">
      <link rel="stylesheet" crossorigin href="/assets/index-9f.css">
      <link rel="icon" href="/favicon.svg">
      </head><body><div id="root"></div></body></html>`;
    expect(initialAssets(html)).toEqual({
      js: ['assets/index-abc.js', 'assets/react-123.js'],
      css: ['assets/index-9f.css'],
    });
  });
});
