import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { App, Stack } from 'aws-cdk-lib';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { build } from 'esbuild';
import { bundlingOptions } from '../src/functions';
import { repoPath, repoRoot } from '../src/paths';
import {
  type AssemblyBundle,
  assemblyBundles,
  externalImports,
  groups,
  lambdaEnv,
  lambdaSandbox,
  median,
  type Probe,
  probeOnce,
  probeRequest,
} from './lambda-bundles';

/**
 * Size and cold start of every function bundle, as the CDK assembly has them, beside a hello-world
 * handler bundled with the same settings (docs/adr/0005-lambda-bundles.md).
 *
 *   npx tsx infra/scripts/bundle-sizes.ts [--assembly cdk.out] [--runs 10] [--json out.json]
 *   npx tsx infra/scripts/bundle-sizes.ts --why submissions   # what is inside one bundle, by package
 *
 * Without --assembly it synthesizes the app (`cdk synth`, offline) into a temporary directory.
 * Cold start = a fresh `node` process importing the bundle and answering one request that needs no
 * network (probeRequest); runs are interleaved across bundles so machine noise hits them alike.
 */
const { values } = parseArgs({
  options: {
    // Several: compared in one interleaved run (`--assembly before=/tmp/a --assembly after=cdk.out`).
    assembly: { type: 'string', multiple: true },
    runs: { type: 'string', default: '10' },
    json: { type: 'string' },
    why: { type: 'string' },
    top: { type: 'string', default: '25' },
  },
});

const KB = 1024;
const staticSdkImport = /\b(?:from|import)\s*["'](@aws-sdk\/[\w@/.:-]+)["']/g;
const targetBytes = 300 * KB;
const targetRatio = 1.5;

/** esbuild with the CDK's options and a metafile: bytes in the output per package (or per file of ours). */
async function why(group: string, top: number): Promise<void> {
  const externals = bundlingOptions.externalModules ?? [];
  const r = await build({
    entryPoints: [repoPath('functions', 'src', 'handlers', `${group}.ts`)],
    bundle: true,
    write: false,
    outfile: join(tmpdir(), 'why', 'index.mjs'),
    platform: 'node',
    format: 'esm',
    target: String(bundlingOptions.target ?? 'node22'),
    minify: true,
    charset: 'utf8',
    mainFields: bundlingOptions.mainFields ?? ['module', 'main'],
    external: [...externals],
    tsconfig: repoPath('tsconfig.json'),
    metafile: true,
    logLevel: 'warning',
  });
  const output = Object.values(r.metafile.outputs).find((o) => o.entryPoint);
  if (!output) throw new Error('no output');
  const byPackage = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(input);
    const key = m ? `${m[1]}  ${m[2]?.split('/').slice(0, -1).join('/')}` : input;
    byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
  }
  const rows = [...byPackage.entries()].sort((a, b) => b[1] - a[1]);
  console.log(`${group}: ${(output.bytes / KB).toFixed(1)} KB minified (without banner/source-map comment)`);
  for (const [key, bytes] of rows.slice(0, top))
    console.log(`${(bytes / KB).toFixed(1).padStart(8)} KB  ${key}`);
  console.log(`externals at run time: ${externalImports(r.outputFiles?.[0]?.text ?? '').join(', ')}`);
}

/** The hello-world floor, synthesized by a one-function app with the real bundling options. */
function helloWorld(outdir: string): AssemblyBundle {
  const app = new App({
    outdir,
    context: { 'aws:cdk:enable-asset-metadata': true, 'aws:cdk:enable-path-metadata': true },
  });
  const stack = new Stack(app, 'HelloWorld');
  new NodejsFunction(stack, 'Fn-hello-world', {
    entry: repoPath('tests', 'bench', 'hello-handler.ts'),
    handler: 'handler',
    runtime: Runtime.NODEJS_22_X,
    architecture: Architecture.ARM_64,
    projectRoot: repoRoot,
    depsLockFilePath: repoPath('package-lock.json'),
    bundling: bundlingOptions,
    environment: { NODE_OPTIONS: '--enable-source-maps' },
  });
  app.synth();
  const [bundle] = assemblyBundles(outdir);
  if (!bundle) throw new Error('the hello-world app produced no bundle');
  return bundle;
}

async function main(): Promise<void> {
  if (values.why) return why(values.why, Number(values.top));
  const runs = Number(values.runs);
  const scratch = mkdtempSync(join(tmpdir(), 'thidua-bundle-sizes-'));
  const sandbox = lambdaSandbox();
  try {
    const assemblies = (values.assembly ?? []).map((a) => {
      const [label, dir] = a.includes('=') ? a.split('=', 2) : ['', a];
      return { label: label ?? '', dir: dir ?? a };
    });
    if (assemblies.length === 0) {
      const dir = join(scratch, 'cdk.out');
      const r = spawnSync(repoPath('node_modules', '.bin', 'cdk'), ['synth', '--quiet', '--output', dir], {
        cwd: repoRoot,
        encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(`cdk synth failed:\n${r.stdout}\n${r.stderr}`);
      assemblies.push({ label: '', dir });
    }
    const hello = helloWorld(join(scratch, 'hello.out'));
    const subjects = [{ label: '', bundle: hello, request: { event: {} as unknown, expectStatus: 200 } }];
    for (const { label, dir } of assemblies) {
      const bundles = assemblyBundles(dir).sort(
        (a, b) => groups.indexOf(a.name as never) - groups.indexOf(b.name as never),
      );
      for (const bundle of bundles)
        subjects.push({ label, bundle, request: probeRequest(bundle.name as (typeof groups)[number]) });
    }
    const placed = subjects.map((s) => {
      const name = s.label ? `${s.label}/${s.bundle.name}` : s.bundle.name;
      const sandboxName = `${s.label || 'x'}-${s.bundle.name}`;
      // Static imports only (a bundled SDK also has optional `require`s of the CRT signer in a try/catch).
      const code = readFileSync(s.bundle.file, 'utf8');
      // (and error messages that quote an import: keep what is installed).
      const sdk = [...new Set([...code.matchAll(staticSdkImport)].map((m) => m[1] ?? ''))].filter((m) =>
        existsSync(repoPath('node_modules', m)),
      );
      // The same process with nothing but the bundle's run-time SDK imports: what the SDK alone costs.
      const sdkOnly = join(sandbox.dir, `${sandboxName}-sdk-only.mjs`);
      writeFileSync(
        sdkOnly,
        `${sdk.map((m) => `import '${m}';`).join('\n')}\nexport const handler = async () => ({ statusCode: 200 });\n`,
      );
      return {
        ...s,
        name,
        sdk,
        file: sandbox.place({ name: sandboxName, file: s.bundle.file }),
        sdkOnly: sdk.length > 0 ? sdkOnly : undefined,
        probes: [] as Probe[],
        sdkProbes: [] as Probe[],
      };
    });
    for (let i = 0; i < runs; i++) {
      for (const s of placed) {
        const env = lambdaEnv(s.bundle.env);
        const p = await probeOnce(s.file, s.request.event, env);
        if (p.statusCode !== s.request.expectStatus)
          throw new Error(`${s.name}: answered ${p.statusCode}, expected ${s.request.expectStatus}`);
        s.probes.push(p);
        if (s.sdkOnly) s.sdkProbes.push(await probeOnce(s.sdkOnly, {}, env));
      }
    }
    const ms = (xs: number[]) => Math.round(median(xs) * 10) / 10;
    const floor = median(placed[0]?.probes.map((p) => p.coldStartMs) ?? []);
    const rows = placed.map((s) => {
      const coldStartMs = median(s.probes.map((p) => p.coldStartMs));
      return {
        name: s.name,
        bytes: s.bundle.bytes,
        coldStartMs: ms(s.probes.map((p) => p.coldStartMs)),
        importMs: ms(s.probes.map((p) => p.importMs)),
        firstAnswerMs: ms(s.probes.map((p) => p.firstAnswerMs)),
        ratio: Math.round((coldStartMs / floor) * 100) / 100,
        runtimeSdk: s.sdk,
        sdkOnlyColdStartMs: s.sdkOnly ? ms(s.sdkProbes.map((p) => p.coldStartMs)) : null,
      };
    });

    console.log(
      `\nruns per bundle: ${runs} (median), Node ${process.version}; targets ≤ 300 KB, ≤ ${targetRatio}× floor\n`,
    );
    console.log(
      '| function | bytes | KB | cold start ms | import ms | first answer ms | × floor | runtime SDK packages | cold start of those alone ms |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of rows) {
      const flag = (ok: boolean) => (ok ? '' : ' ✗');
      console.log(
        `| ${r.name} | ${r.bytes} | ${(r.bytes / KB).toFixed(1)}${flag(r.bytes <= targetBytes)} | ${r.coldStartMs} | ${r.importMs} | ${r.firstAnswerMs} | ${r.ratio.toFixed(2)}${flag(r.ratio <= targetRatio)} | ${r.runtimeSdk.length} | ${r.sdkOnlyColdStartMs ?? '—'} |`,
      );
    }
    if (values.json)
      writeFileSync(values.json, `${JSON.stringify({ runs, node: process.version, rows }, null, 2)}\n`);
  } finally {
    sandbox.dispose();
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
