import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { median } from './stats';

/**
 * Lambda artifacts: the function bundles of the synthesized CDK assembly (one per route group), their
 * size, and their cold start — a fresh `node` process that imports the bundle and answers one request
 * against the running emulators, nothing stubbed — beside the same measure of a hello-world handler
 * bundled by the same `NodejsFunction` settings.
 */
export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const probeScript = fileURLToPath(new URL('./cold-start-probe.mjs', import.meta.url));

export interface FunctionBundle {
  /** The route group (from the construct path `.../Fn-<group>/...`), else the construct id. */
  name: string;
  stack: string;
  assetDir: string;
  file: string;
  bytes: number;
  gzipBytes: number;
  /** Literal environment variables of the function (references to resources are left out). */
  env: Record<string, string>;
}

function run(command: string, args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ code: code ?? 1, output }));
  });
}

/** `cdk synth` of the repository's app into `outDir` (offline, no credentials, no Docker). */
export async function synthAssembly(outDir: string): Promise<void> {
  const cdk = join(repoRoot, 'node_modules', '.bin', 'cdk');
  const r = await run(cdk, ['synth', '--quiet', '--output', outDir], repoRoot);
  if (r.code !== 0) throw new Error(`cdk synth failed (exit ${r.code}):\n${r.output.slice(-3000)}`);
}

interface Manifest {
  artifacts?: Record<string, { type?: string; properties?: { templateFile?: string } }>;
}
interface TemplateResource {
  Type?: string;
  Properties?: { Runtime?: string; Handler?: string; Environment?: { Variables?: Record<string, unknown> } };
  Metadata?: Record<string, unknown>;
}

/** Node.js function bundles of every stack in the assembly (first stack wins for a repeated name). */
export async function functionBundles(assemblyDir: string): Promise<FunctionBundle[]> {
  const manifest = JSON.parse(await readFile(join(assemblyDir, 'manifest.json'), 'utf8')) as Manifest;
  const out = new Map<string, FunctionBundle>();
  for (const [stack, artifact] of Object.entries(manifest.artifacts ?? {})) {
    const templateFile = artifact.properties?.templateFile;
    if (artifact.type !== 'aws:cloudformation:stack' || !templateFile) continue;
    const template = JSON.parse(await readFile(join(assemblyDir, templateFile), 'utf8')) as {
      Resources?: Record<string, TemplateResource>;
    };
    for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
      if (resource.Type !== 'AWS::Lambda::Function') continue;
      if (!resource.Properties?.Runtime?.startsWith('nodejs')) continue;
      const assetPath = resource.Metadata?.['aws:asset:path'];
      if (typeof assetPath !== 'string') continue;
      const assetDir = join(assemblyDir, assetPath);
      const file = join(assetDir, 'index.mjs');
      if (!existsSync(file)) continue;
      const cdkPath = String(resource.Metadata?.['aws:cdk:path'] ?? logicalId);
      const name = /\/Fn-([\w-]+)\//.exec(cdkPath)?.[1] ?? cdkPath.split('/').slice(-2, -1)[0] ?? logicalId;
      if (out.has(name)) continue;
      const env: Record<string, string> = {};
      for (const [k, v] of Object.entries(resource.Properties.Environment?.Variables ?? {})) {
        if (typeof v === 'string') env[k] = v;
      }
      const content = await readFile(file);
      out.set(name, {
        name,
        stack,
        assetDir,
        file,
        bytes: (await stat(file)).size,
        gzipBytes: gzipSync(content).length,
        env,
      });
    }
  }
  return [...out.values()];
}

/**
 * The floors synthesized by a one-app CDK stack with the real functions' bundling options (`bundlingOptions`
 * of infra), so they go through the same esbuild invocation: `hello-world` (nothing) and `hello-sdk` (the
 * runtime-provided DynamoDB client and one GetItem).
 */
export async function helloWorldBundles(outDir: string): Promise<FunctionBundle[]> {
  const { App, Stack } = await import('aws-cdk-lib');
  const { Architecture, Runtime } = await import('aws-cdk-lib/aws-lambda');
  const { NodejsFunction } = await import('aws-cdk-lib/aws-lambda-nodejs');
  const { bundlingOptions } = await import('../../infra/src/functions');
  await mkdir(outDir, { recursive: true });
  // The CLI switches asset metadata on; a bare App must ask for it (the bundle is found through it).
  const app = new App({
    outdir: outDir,
    context: { 'aws:cdk:enable-asset-metadata': true, 'aws:cdk:enable-path-metadata': true },
  });
  const stack = new Stack(app, 'BenchHelloWorld');
  for (const [name, entry] of [
    ['hello-world', './hello-handler.ts'],
    ['hello-sdk', './hello-sdk-handler.ts'],
  ] as const) {
    new NodejsFunction(stack, `Fn-${name}`, {
      entry: fileURLToPath(new URL(entry, import.meta.url)),
      handler: 'handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      projectRoot: repoRoot,
      depsLockFilePath: join(repoRoot, 'package-lock.json'),
      bundling: bundlingOptions,
      environment: { NODE_OPTIONS: '--enable-source-maps' },
    });
  }
  app.synth();
  const bundles = await functionBundles(outDir);
  if (!bundles.some((b) => b.name === 'hello-world'))
    throw new Error('the hello-world app produced no bundle');
  return bundles;
}

export interface ColdStart {
  /** Median over the runs: process start → the first answer (Node start-up, import, first request). */
  coldStartMs: number;
  importMs: number;
  firstInvokeMs: number;
  runs: number;
  statusCode: number | null;
}

interface ProbeOutput {
  coldStartMs: number;
  nodeStartMs: number;
  importMs: number;
  firstInvokeMs: number;
  statusCode: number | null;
}

function probeOnce(bundle: string, eventFile: string, env: Record<string, string>): Promise<ProbeOutput> {
  return new Promise((resolveProbe, reject) => {
    const child = spawn(process.execPath, [probeScript, bundle, eventFile], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stdout.split('\n').find((l) => l.startsWith('{"coldStartMs"'));
      if (code !== 0 || !line) {
        reject(new Error(`cold start of ${bundle} failed (exit ${code}): ${stderr.slice(-1500)}`));
        return;
      }
      resolveProbe(JSON.parse(line) as ProbeOutput);
    });
  });
}

/**
 * A Lambda task folder: the bundle copied into `<workDir>/task-<name>/`, and beside it the modules the
 * runtime provides (infra's `runtimeProvidedModules`, e.g. `@aws-sdk/*`) in `<workDir>/node_modules`,
 * linked to the repository's installed versions. As in Lambda, the bundle's external imports resolve to
 * those and to nothing else.
 */
async function taskFolder(bundle: FunctionBundle, workDir: string): Promise<string> {
  const modules = join(workDir, 'node_modules');
  if (!existsSync(modules)) {
    await mkdir(modules, { recursive: true });
    const { runtimeProvidedModules } = await import('../../infra/src/functions');
    for (const pattern of runtimeProvidedModules as readonly string[]) {
      const name = pattern.replace(/\/\*$/, '');
      await mkdir(join(modules, name, '..'), { recursive: true });
      await symlink(join(repoRoot, 'node_modules', name), join(modules, name));
    }
  }
  const task = join(workDir, `task-${bundle.name}`);
  await mkdir(task, { recursive: true });
  for (const file of await readdir(bundle.assetDir))
    await copyFile(join(bundle.assetDir, file), join(task, file));
  return join(task, basename(bundle.file));
}

/** Runs the bundle `runs` times in fresh processes, one after the other; medians. */
export async function measureColdStart(options: {
  bundle: FunctionBundle;
  event: unknown;
  /** The platform's handler environment (endpoints, table, bucket, credentials). */
  handlerEnv: Record<string, string>;
  runs: number;
  workDir: string;
}): Promise<ColdStart> {
  await mkdir(options.workDir, { recursive: true });
  const eventFile = join(options.workDir, `event-${options.bundle.name}.json`);
  await writeFile(eventFile, JSON.stringify(options.event));
  // Lambda's environment: the function's own literal variables, then the local endpoints and names.
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    LANG: 'C.UTF-8',
    TZ: 'UTC',
    ...options.bundle.env,
    ...options.handlerEnv,
  };
  const outputs: ProbeOutput[] = [];
  const file = await taskFolder(options.bundle, options.workDir);
  for (let i = 0; i < options.runs; i++) outputs.push(await probeOnce(file, eventFile, env));
  return {
    coldStartMs: median(outputs.map((o) => o.coldStartMs)),
    importMs: median(outputs.map((o) => o.importMs)),
    firstInvokeMs: median(outputs.map((o) => o.firstInvokeMs)),
    runs: outputs.length,
    statusCode: outputs[0]?.statusCode ?? null,
  };
}
