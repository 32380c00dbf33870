import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RouteDef, type RouteGroup, routeGroups, routes } from '@thidua/functions/routes';
import { repoPath } from '../src/paths';

/**
 * The function bundles of a synthesized CDK assembly and how they start, measured the way Lambda runs
 * them: a fresh Node process imports `index.mjs` and answers one request. Used by
 * `infra/scripts/bundle-sizes.ts` (figures for docs/adr/0005) and by the stack test (every bundle loads).
 */

export interface AssemblyBundle {
  /** The route group, from the construct path `.../Fn-<group>/...`. */
  name: string;
  file: string;
  bytes: number;
  /** Literal environment variables of the function (references to resources left out). */
  env: Record<string, string>;
}

interface TemplateResource {
  Type?: string;
  Properties?: { Runtime?: string; Environment?: { Variables?: Record<string, unknown> } };
  Metadata?: Record<string, unknown>;
}

/** Node.js functions of every stack template in the assembly directory, by construct name. */
export const assemblyBundles = (assemblyDir: string): AssemblyBundle[] => {
  const manifest = JSON.parse(readFileSync(join(assemblyDir, 'manifest.json'), 'utf8')) as {
    artifacts?: Record<string, { type?: string; properties?: { templateFile?: string } }>;
  };
  const out: AssemblyBundle[] = [];
  for (const artifact of Object.values(manifest.artifacts ?? {})) {
    const templateFile = artifact.properties?.templateFile;
    if (artifact.type !== 'aws:cloudformation:stack' || !templateFile) continue;
    const template = JSON.parse(readFileSync(join(assemblyDir, templateFile), 'utf8')) as {
      Resources?: Record<string, TemplateResource>;
    };
    for (const resource of Object.values(template.Resources ?? {})) {
      if (resource.Type !== 'AWS::Lambda::Function' || !resource.Properties?.Runtime?.startsWith('nodejs'))
        continue;
      const assetPath = resource.Metadata?.['aws:asset:path'];
      const name = /\/Fn-([\w-]+)\//.exec(String(resource.Metadata?.['aws:cdk:path'] ?? ''))?.[1];
      if (typeof assetPath !== 'string' || !name) continue;
      const file = join(assemblyDir, assetPath, 'index.mjs');
      if (!existsSync(file)) continue;
      const env: Record<string, string> = {};
      for (const [k, v] of Object.entries(resource.Properties.Environment?.Variables ?? {})) {
        if (typeof v === 'string') env[k] = v;
      }
      out.push({ name, file, bytes: statSync(file).size, env });
    }
  }
  return out;
};

/**
 * The bare module specifiers a bundle still imports at run time (everything else is inside it):
 * `import … from "x"`, `import "x"`, `import("x")` and the CommonJS shim's `require("x")`.
 */
export const externalImports = (code: string): string[] => {
  const found = new Set<string>();
  const patterns = [
    /\bfrom\s*["']([\w@][\w@/.:-]*)["']/g,
    /\bimport\s*["']([\w@][\w@/.:-]*)["']/g,
    /\bimport\(\s*["']([\w@][\w@/.:-]*)["']\s*\)/g,
    // esbuild prints every string literal in double quotes: a single-quoted `require('x')` is text inside
    // a string (fontkit's "ACTION NEEDED: require('iconv-lite')…" message), not a call.
    /\brequire\(\s*"([\w@][\w@/.:-]*)"\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of code.matchAll(pattern)) if (m[1]) found.add(m[1]);
  return [...found].sort();
};

/**
 * A stand-in for the Lambda Node.js 22 sandbox: the code in `<dir>/<name>/index.mjs`, and only the AWS SDK
 * (`@aws-sdk/*`, as the runtime provides it) resolvable from there — so a bundle that left anything else
 * outside would fail to load here as it would in Lambda. The SDK packages are symlinks into the
 * repository's node_modules (their own dependencies resolve from there, like the runtime's).
 */
export interface Sandbox {
  dir: string;
  /** Copies a bundle (and its source map) into the sandbox; the path of the copy. */
  place(bundle: Pick<AssemblyBundle, 'name' | 'file'>): string;
  dispose(): void;
}

export const lambdaSandbox = (): Sandbox => {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-lambda-task-'));
  const modules = join(dir, 'node_modules');
  mkdirSync(modules);
  const link = join(modules, '@aws-sdk');
  symlinkSync(repoPath('node_modules', '@aws-sdk'), link, 'dir');
  return {
    dir,
    place: (bundle) => {
      const target = join(dir, bundle.name);
      mkdirSync(target, { recursive: true });
      copyFileSync(bundle.file, join(target, 'index.mjs'));
      if (existsSync(`${bundle.file}.map`)) copyFileSync(`${bundle.file}.map`, join(target, 'index.mjs.map'));
      return join(target, 'index.mjs');
    },
    dispose: () => {
      // The link first: never let a recursive delete reach into the repository's node_modules.
      rmSync(link, { force: true });
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

/** The environment Lambda gives a function here: its own variables plus region and placeholder names. */
export const lambdaEnv = (own: Record<string, string> = {}): Record<string, string> => ({
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  LANG: 'C.UTF-8',
  TZ: 'UTC',
  AWS_REGION: 'ap-southeast-1',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  TABLE_NAME: 'thidua-dev-table',
  BUCKET_NAME: 'thidua-dev-attachments-123456789012-ap-southeast-1',
  USER_POOL_ID: 'ap-southeast-1_abcdefghi',
  USER_POOL_CLIENT_ID: 'clientid',
  MAX_UPLOAD_BYTES: '20971520',
  PUBLIC_WEB_ORIGIN: 'https://d111111abcdef8.cloudfront.net',
  DEPLOY_ENV: 'dev',
  ...own,
});

const apiEvent = (def: Pick<RouteDef, 'method' | 'path'>, params: Record<string, string>) => {
  const rawPath = def.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  return {
    version: '2.0',
    routeKey: `${def.method} ${def.path}`,
    rawPath,
    rawQueryString: '',
    headers: { accept: 'application/json' },
    ...(Object.keys(params).length > 0 ? { pathParameters: params } : {}),
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example',
      domainPrefix: 'api',
      requestId: 'cold-start',
      routeKey: `${def.method} ${def.path}`,
      stage: '$default',
      time: '01/Jan/2025:00:00:00 +0000',
      timeEpoch: 1735689600000,
      http: {
        method: def.method,
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'probe',
      },
    },
    isBase64Encoded: false,
  };
};

/**
 * A first request that the group answers without the network, through its real route pipeline (route
 * lookup, middy, identity, zod input parsing, the error mapper): a signed-in route called without a
 * token (401), for the public group a path with a malformed identifier (400), and for `reference` the
 * OpenAPI document, which is made from the contracts alone (200).
 */
export const probeRequest = (group: RouteGroup): { event: unknown; expectStatus: number } => {
  const defs = routes.filter((r) => r.group === group);
  const user = defs.find((r) => r.auth === 'user');
  if (user) return { event: apiEvent(user, {}), expectStatus: 401 };
  if (group === 'reference' && defs[0]) return { event: apiEvent(defs[0], {}), expectStatus: 200 };
  const withParams = defs.find((r) => r.path.includes('{'));
  if (!withParams) throw new Error(`group ${group}: no route answers without the network`);
  const params = Object.fromEntries(
    [...withParams.path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1] ?? '', 'không hợp lệ!']),
  );
  return { event: apiEvent(withParams, params), expectStatus: 400 };
};

export const groups: readonly RouteGroup[] = routeGroups;

export interface Probe {
  /** Process start → first answer (Node start-up + import + first request). */
  coldStartMs: number;
  importMs: number;
  firstAnswerMs: number;
  statusCode: number | null;
}

// Plain JavaScript run with `node --input-type=module -e`: nothing stands between the process start and
// the bundle; performance.now() counts from the start of the process.
const probeSource = `
const [file, eventJson] = process.argv.slice(1);
const t0 = performance.now();
const mod = await import(new URL('file://' + file).href);
const t1 = performance.now();
const result = await mod.handler(JSON.parse(eventJson), {
  awsRequestId: 'cold-start', functionName: 'cold-start', functionVersion: '$LATEST',
  memoryLimitInMB: '512', getRemainingTimeInMillis: () => 10000, callbackWaitsForEmptyEventLoop: true,
});
const t2 = performance.now();
process.stdout.write(JSON.stringify({ coldStartMs: t2, importMs: t1 - t0, firstAnswerMs: t2 - t1,
  statusCode: result?.statusCode ?? null }) + '\\n');
process.exit(0);
`;

/** One fresh `node` process: import the bundle, answer `event`, report the timings. */
export const probeOnce = (file: string, event: unknown, env: Record<string, string>): Promise<Probe> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--input-type=module', '-e', probeSource, file, JSON.stringify(event)],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stdout.split('\n').find((l) => l.startsWith('{"coldStartMs"'));
      if (code !== 0 || !line) reject(new Error(`${file} failed (exit ${code}): ${stderr.slice(-2000)}`));
      else resolve(JSON.parse(line) as Probe);
    });
  });

export const median = (values: readonly number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1
    ? (s[mid] ?? Number.NaN)
    : ((s[mid - 1] ?? Number.NaN) + (s[mid] ?? Number.NaN)) / 2;
};
