import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { loadConfig } from '@thidua/functions/kernel/config';
import { appBase } from '@thidua/functions/kernel/deps';
import { freePort } from '@thidua/functions/local/emulators';
import { type Gateway, startGateway } from '@thidua/functions/local/gateway';
import { buildEvent, compileRoutes, matchRoute } from '@thidua/functions/local/gateway-event';
import { type Platform, startPlatform } from '@thidua/functions/local/platform';
import { type RouteDef, routes } from '@thidua/functions/routes';
import { type BatchWriter, platformWriter } from './batch-write';
import { inboxFirstRender } from './browser';
import { closedLoop } from './closed-loop';
import { type Dataset, generateDataset } from './dataset';
import { type SignedInUser, signInCallers } from './identities';
import { type FunctionBundle, functionBundles, measureColdStart, repoRoot, synthAssembly } from './lambda';
import { type LoadClient, startLoadClient } from './load';
import type { PhaseResult } from './load-protocol';
import { callsPerRequest, Recorder, type RequestRecord, replay, replayPlan, writtenKeys } from './recorder';
import {
  type BenchResult,
  type BundleResult,
  evaluateTargets,
  readResult,
  type ScenarioResult,
  toMarkdown,
  type WebResult,
  writeResults,
} from './report';
import { type ScaleName, scales } from './scales';
import { buildScenarios, callersOf, type Scenario } from './scenarios';
import { median, round, summarizeLatencies } from './stats';
import { buildWeb, serveWeb, webSizes } from './web';

/**
 * `npm run bench -- --scale province|national|tiny [--concurrency 32] [--duration s]`
 *
 * One run: its own platform (DynamoDB Local in memory, the local gateway, the real handlers), a
 * dataset seeded through the product's own item builders, the five load scenarios through the gateway
 * beside their floor (the same DynamoDB calls replayed with the bare SDK at the same concurrency), the
 * Lambda bundles of the synthesized CDK assembly with their cold starts beside a hello-world, and the
 * web build with the inbox's first render in Chromium. Prints the table and writes
 * bench/results/latest.{md,json} (and <scale>.{md,json}).
 */
const HELP = `Usage: npm run bench -- [options]
  --scale tiny|province|national   dataset size (default province)
  --concurrency N                  connections / operations in flight (default 32)
  --duration S                     seconds per measured phase (default: 10, tiny 2)
  --warmup S                       seconds per warm-up phase (default: 2, tiny 0.5)
  --rounds N                       API-then-floor rounds per scenario (default: 3, tiny 1)
  --skip lambda,web                leave parts out (reported as not measured)
  --scenarios inbox,approve        run only these scenarios (inbox, detail, completeness, save, approve)
  --cdk-out DIR                    use this CDK assembly instead of synthesizing one
  --web-dist DIR                   use this web build instead of building one
  --cold-start-runs N              fresh processes per bundle (default 10)
  --web-runs N                     inbox renders (default 5)
  --out DIR                        where results go (default bench/results)`;

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: 'province' },
    concurrency: { type: 'string', default: '32' },
    duration: { type: 'string' },
    warmup: { type: 'string' },
    rounds: { type: 'string' },
    skip: { type: 'string', default: '' },
    scenarios: { type: 'string' },
    'cdk-out': { type: 'string' },
    'web-dist': { type: 'string' },
    'cold-start-runs': { type: 'string' },
    'web-runs': { type: 'string' },
    out: { type: 'string', default: join(repoRoot, 'bench', 'results') },
    help: { type: 'boolean', default: false },
  },
  strict: true,
});
if (args.help) {
  console.log(HELP);
  process.exit(0);
}
const scaleName = args.scale as ScaleName;
const scale = scales[scaleName];
if (!scale) {
  console.error(`Unknown scale "${args.scale}".\n${HELP}`);
  process.exit(2);
}
const positive = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    console.error(`--${name} must be a positive number`);
    process.exit(2);
  }
  return n;
};
const concurrency = Math.round(positive(args.concurrency, 32, 'concurrency'));
const durationSec = positive(args.duration, scale.durationSec, 'duration');
const warmupSec = positive(args.warmup, scale.warmupSec, 'warmup');
const roundCount = Math.round(positive(args.rounds, scale.rounds, 'rounds'));
const coldStartRuns = Math.round(positive(args['cold-start-runs'], scale.coldStartRuns, 'cold-start-runs'));
const webRuns = Math.round(positive(args['web-runs'], scale.webRuns, 'web-runs'));
const skip = new Set(
  (args.skip ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);
const outDir = resolve(args.out ?? join(repoRoot, 'bench', 'results'));

const started = performance.now();
const elapsed = (): string => `${((performance.now() - started) / 1000).toFixed(1)}s`;
const log = (line: string): void => console.log(`[bench ${elapsed()}] ${line}`);
const phasesSec: Record<string, number> = {};
const timed = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    phasesSec[name] = round((performance.now() - t0) / 1000);
  }
};

/** A background job whose failure is kept for the report instead of crashing the run. */
interface Job<T> {
  done: Promise<{ ok: true; value: T } | { ok: false; error: string }>;
}
const job = <T>(name: string, fn: () => Promise<T>): Job<T> => ({
  done: timed(name, fn).then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({
      ok: false as const,
      error: error instanceof Error ? error.message : String(error),
    }),
  ),
});

function runTsx(script: string, argv: string[]): Promise<string> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, script, ...argv], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolveRun(out) : reject(new Error(`${script} exited ${code}: ${err.slice(-2000)}`)),
    );
  });
}

const cleanups: (() => Promise<unknown>)[] = [];
const cleanup = async (): Promise<void> => {
  for (const step of cleanups.splice(0).reverse()) await step().catch(() => undefined);
};
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`\n[bench] ${signal}: stopping the platform ...`);
    void cleanup().finally(() => process.exit(130));
  });
}

async function main(): Promise<void> {
  log(
    `scale ${scale.name}, concurrency ${concurrency}, ${durationSec} s per phase (+${warmupSec} s warm-up), ${roundCount} round(s), ${cpus().length} CPUs, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const work = await mkdtemp(join(tmpdir(), 'thidua-bench-'));
  cleanups.push(() => rm(work, { recursive: true, force: true }));
  const missing: string[] = [];

  // Artifacts are built while the platform starts and the data is seeded (nothing is measured then);
  // every one of them is finished before the first measurement.
  const lambdaOn = !skip.has('lambda');
  const webOn = !skip.has('web');
  const cdkOut = args['cdk-out'] ? resolve(args['cdk-out']) : join(work, 'cdk.out');
  const synth = lambdaOn && !args['cdk-out'] ? job('synth', () => synthAssembly(cdkOut)) : undefined;
  const hello = lambdaOn
    ? job('helloWorldSynth', async () => {
        const out = await runTsx(fileURLToPath(new URL('./hello-synth.ts', import.meta.url)), [
          join(work, 'hello'),
        ]);
        const line = out
          .split('\n')
          .reverse()
          .find((l) => l.startsWith('['));
        if (!line) throw new Error(`hello-world synthesis printed no bundle: ${out.slice(-500)}`);
        return JSON.parse(line) as FunctionBundle[];
      })
    : undefined;
  const webDist = args['web-dist'] ? resolve(args['web-dist']) : join(work, 'web-dist');
  const webBuild = webOn && !args['web-dist'] ? job('webBuild', () => buildWeb(webDist)) : undefined;

  const webPort = await freePort();
  const webOrigin = `http://localhost:${webPort}`;
  const platform: Platform = await timed('platformStart', () =>
    startPlatform({
      mode: 'memory',
      seed: false,
      dynamoJvm: 'throughput',
      webOrigins: [webOrigin],
      // On AWS the outbox's delivery and the scheduled jobs are other Lambdas, not the API's CPU; here they
      // would share the measured process at random moments (an approval's notices during the floor, the
      // 10-minute redelivery sweep in a later scenario). They run only when asked.
      streamPollMs: 24 * 3_600_000,
      clock: { now: () => new Date(), after: () => () => undefined },
    }),
  );
  cleanups.push(() => platform.stop());
  log(`platform up: DynamoDB Local ${platform.dynamoLocalVersion} at ${platform.dynamoEndpoint}`);

  // The gateway the load goes through: the platform's own gateway code and route table, with the
  // handler modules wrapped so each request's DynamoDB calls are recorded and counted.
  const recorder = new Recorder();
  recorder.attach(appBase().clients.doc);
  const gateway: Gateway = await startGateway({
    routes,
    authorizer: { issuer: platform.issuer, audience: [platform.clientId], jwksUrl: platform.jwksUrl },
    corsOrigins: [webOrigin],
    region: platform.region,
    loadHandler: recorder.loader(),
  });
  cleanups.push(() => gateway.stop());

  const { writer, destroy } = platformWriter(platform);
  cleanups.push(async () => destroy());
  log('seeding ...');
  const dataset: Dataset = await timed('seed', () =>
    generateDataset({ scale, table: platform.tableName, writer, log }),
  );
  log(
    `seeded ${dataset.submissions} submissions (${dataset.events} events), ${dataset.units} units, ${dataset.users} users: ${dataset.items} items`,
  );

  // The callers: real user-pool users, signed in over the Cognito protocol.
  const users: SignedInUser[] = await timed('signIn', () => signInCallers(platform, dataset, writer));
  log(`${users.length} users signed in through cognito-local`);

  for (const j of [synth, hello, webBuild]) await j?.done;
  log('artifacts built; measuring');

  const callers = callersOf(users);
  const only = new Set((args.scenarios ?? '').split(',').filter(Boolean));
  const scenarios = buildScenarios({ dataset, callers, scale, concurrency }).filter(
    (s) => only.size === 0 || only.has(s.key),
  );
  if (only.size > 0) missing.push(`scenarios other than ${[...only].join(', ')} (--scenarios)`);
  const config = loadConfig();
  // The floor's client: a DynamoDB client configured like the handlers' (data/client.ts).
  const floorClient = new DynamoDBClient({
    region: config.region,
    ...(config.dynamoEndpoint ? { endpoint: config.dynamoEndpoint } : {}),
    maxAttempts: 3,
  });
  cleanups.push(async () => floorClient.destroy());
  const load: LoadClient = await startLoadClient();
  cleanups.push(() => load.close());

  const scenarioResults: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    if (interrupted) return;
    scenarioResults.push(
      await timed(`scenario:${scenario.key}`, () =>
        runScenario({
          scenario,
          gateway,
          load,
          tokens: callers.tokens,
          recorder,
          dataset,
          writer,
          floorClient,
        }),
      ),
    );
  }
  await load.close();

  // ── Lambda artifacts ──
  let bundles: BundleResult[] = [];
  let coldStartFloorMs: number | null = null;
  let coldStartSdkFloorMs: number | null = null;
  if (lambdaOn) {
    const synthDone = synth ? await synth.done : { ok: true as const, value: undefined };
    const helloDone = hello ? await hello.done : undefined;
    if (!synthDone.ok) missing.push(`Lambda bundles: cdk synth failed — ${synthDone.error.slice(0, 500)}`);
    if (helloDone && !helloDone.ok) missing.push(`cold-start floor: ${helloDone.error.slice(0, 500)}`);
    if (synthDone.ok && helloDone?.ok) {
      const measured = await timed('coldStarts', () =>
        measureBundles({ cdkOut, hello: helloDone.value, platform, dataset, users, work }),
      );
      bundles = measured.bundles;
      coldStartFloorMs = measured.floorMs;
      coldStartSdkFloorMs = measured.sdkFloorMs;
      missing.push(...measured.missing);
    }
  } else {
    missing.push('Lambda bundles and cold starts (skipped with --skip lambda)');
  }

  // ── Web ──
  const web: WebResult = {
    initialJsGzipBytes: null,
    totalJsGzipBytes: null,
    inboxFirstRenderMs: null,
    initialCssGzipBytes: null,
    totalCssGzipBytes: null,
    inboxItems: dataset.provinceInbox,
    renderRunsMs: [],
  };
  if (webOn) {
    const built = webBuild ? await webBuild.done : { ok: true as const, value: undefined };
    if (!built.ok) {
      missing.push(`web: the production build failed — ${built.error.slice(0, 500)}`);
    } else {
      const sizes = await webSizes(webDist);
      Object.assign(web, {
        initialJsGzipBytes: sizes.initialJsGzipBytes,
        totalJsGzipBytes: sizes.totalJsGzipBytes,
        initialCssGzipBytes: sizes.initialCssGzipBytes,
        totalCssGzipBytes: sizes.totalCssGzipBytes,
      });
      const reviewer = users.find((u) => u.key === 'reviewer-province');
      const server = await serveWeb(webDist, platform.webConfig, webPort);
      cleanups.push(() => server.stop());
      try {
        if (!reviewer) throw new Error('no province reviewer signed in');
        const render = await timed('webRender', () =>
          inboxFirstRender({
            webUrl: server.url,
            session: {
              idToken: reviewer.idToken,
              accessToken: reviewer.accessToken,
              refreshToken: reviewer.refreshToken,
            },
            runs: webRuns,
          }),
        );
        web.inboxFirstRenderMs = round(render.medianMs);
        web.renderRunsMs = render.runsMs.map(round);
        web.note = `The province reviewer's inbox holds ${dataset.provinceInbox} submissions; /inbox shows its first page (${render.rows} rows) — time from navigation start to the first row, fresh browser context each run.`;
      } catch (error) {
        missing.push(
          `web: inbox first render — ${error instanceof Error ? error.message.slice(0, 500) : String(error)}`,
        );
      }
      await server.stop();
    }
  } else {
    missing.push('web build sizes and inbox render (skipped with --skip web)');
  }

  const result: BenchResult = {
    scale: scale.name,
    concurrency,
    scenarios: scenarioResults,
    coldStartFloorMs: coldStartFloorMs === null ? null : round(coldStartFloorMs),
    coldStartSdkFloorMs: coldStartSdkFloorMs === null ? null : round(coldStartSdkFloorMs),
    bundles,
    web,
    startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(),
    durationSec,
    elapsedSec: round((performance.now() - started) / 1000),
    machine: {
      cpus: cpus().length,
      loadAverage: loadavg().map(round),
      node: process.version,
      dynamoDbLocal: platform.dynamoLocalVersion,
    },
    dataset: {
      tenants: dataset.tenants,
      units: dataset.units,
      users: dataset.users + users.length,
      submissions: dataset.submissions,
      events: dataset.events,
      items: dataset.items,
      approvalPool: dataset.approvals.length,
      draftPool: dataset.drafts.length,
      provinceInbox: dataset.provinceInbox,
      cognitoUsers: users.length,
    },
    phasesSec,
    targets: [],
    missing,
  };
  const otherScale = scale.name === 'national' ? 'province' : 'national';
  result.targets = evaluateTargets(result, await readResult(join(outDir, `${otherScale}.json`)));
  const files = await writeResults(outDir, result);
  console.log(`\n${toMarkdown(result)}`);
  log(`written ${files.md} and ${files.json}`);
}

/** One round of a scenario: its API phase, then the floor replaying what that phase's requests called. */
interface Round {
  api: PhaseResult;
  floor: Awaited<ReturnType<typeof closedLoop>>;
  records: RequestRecord[];
}

async function runScenario(o: {
  scenario: Scenario;
  gateway: Gateway;
  load: LoadClient;
  tokens: string[];
  recorder: Recorder;
  dataset: Dataset;
  writer: BatchWriter;
  floorClient: DynamoDBClient;
}): Promise<ScenarioResult> {
  const { scenario: sc } = o;
  const rounds: Round[] = [];
  let next = 0;
  for (let r = 0; r < roundCount; r++) {
    const done = await runRound(o, r, next);
    // A read goes on through its list; a write starts again on the same requests, put back as seeded.
    if (sc.kind === 'read') next = done.api.endIndex;
    rounds.push(done);
  }
  const latencies = (phases: { latenciesMs: number[] }[]) => phases.flatMap((p) => p.latenciesMs);
  const api = summarizeLatencies(latencies(rounds.map((r) => r.api)));
  const base = summarizeLatencies(latencies(rounds.map((r) => r.floor)));
  const sum = (f: (r: Round) => number) => rounds.reduce((n, r) => n + f(r), 0);
  const rpsOf = (ok: number, ms: number) => (ms > 0 ? ok / (ms / 1000) : 0);
  const rps = rpsOf(
    sum((r) => r.api.ok),
    sum((r) => r.api.elapsedMs),
  );
  const floorRps = rpsOf(
    sum((r) => r.floor.ok),
    sum((r) => r.floor.elapsedMs),
  );
  // Each round's API and floor ran minutes apart at most; the machine's load drifts between rounds, so
  // the ratio is taken within each round and the median of the rounds is the scenario's.
  const p50Ratios = rounds.map(
    (r) => summarizeLatencies(r.api.latenciesMs).p50Ms / summarizeLatencies(r.floor.latenciesMs).p50Ms,
  );
  const rpsRatios = rounds.map(
    (r) => rpsOf(r.api.ok, r.api.elapsedMs) / rpsOf(r.floor.ok, r.floor.elapsedMs),
  );
  const ok = rounds.flatMap((r) => r.records).filter((x) => x.status >= 200 && x.status < 300);
  const calls = callsPerRequest(ok);
  const result: ScenarioResult = {
    name: sc.name,
    p50Ms: round(api.p50Ms),
    p99Ms: round(api.p99Ms),
    rps: round(rps),
    floorP50Ms: round(base.p50Ms),
    floorRps: round(floorRps),
    ddbCallsPerRequest: round(calls.total),
    key: sc.key,
    request: sc.request,
    concurrency: sc.concurrency,
    requests: sum((r) => r.api.ok + r.api.non2xx),
    non2xx: sum((r) => r.api.non2xx),
    errors: sum((r) => r.api.errors + r.api.timeouts),
    p50Ratio: round(median(p50Ratios)),
    rpsRatio: round(median(rpsRatios)),
    roundP50Ratios: p50Ratios.map((x) => round(x)),
    floorP99Ms: round(base.p99Ms),
    floorRequests: sum((r) => r.floor.ok + r.floor.errors),
    floorErrors: sum((r) => r.floor.errors),
    ddbReadsPerRequest: round(calls.reads),
    ddbWritesPerRequest: round(calls.writes),
    ddbCallsByOperation: Object.fromEntries(Object.entries(calls.byOperation).map(([k, v]) => [k, round(v)])),
    failures: rounds.flatMap((r) => [...r.api.failures, ...r.floor.failures]).slice(0, 5),
  };
  log(
    `${sc.name}: API p50 ${result.p50Ms} ms, ${result.rps} rps | floor p50 ${result.floorP50Ms} ms, ${result.floorRps} rps | p50 ÷ floor per round ${p50Ratios.map((x) => round(x)).join(', ')} | ${result.ddbCallsPerRequest} DynamoDB calls/request${
      result.non2xx + result.errors > 0 ? ` | non-2xx ${result.non2xx}, errors ${result.errors}` : ''
    }`,
  );
  if (result.failures.length > 0) log(`${sc.name}: first failures: ${result.failures.join(' | ')}`);
  return result;
}

async function runRound(o: Parameters<typeof runScenario>[0], r: number, startIndex: number): Promise<Round> {
  const { scenario: sc, recorder } = o;
  const read = sc.kind === 'read';
  log(
    `${sc.name}: round ${r + 1}/${roundCount}: API (${sc.requests.length} distinct requests, ${sc.concurrency} connections)`,
  );
  const [warm, measured] = await o.load.run({
    url: o.gateway.url,
    connections: sc.concurrency,
    tokens: o.tokens,
    requests: sc.requests,
    wrap: read,
    startIndex,
    phases: [
      // A write warm-up ends on its count, never on the clock: a request cut off in flight would leave
      // its submission at an unknown version for the requests that follow.
      sc.warmupMax
        ? { durationSec: 600, maxRequests: sc.warmupMax, tag: `${sc.key}-warm` }
        : { durationSec: warmupSec, tag: `${sc.key}-warm` },
      { durationSec, tag: sc.key },
    ],
  });
  if (!warm || !measured) throw new Error(`${sc.name}: the load client returned no phases`);
  await recorder.settled();
  const warmRecords = recorder.take(`${sc.key}-warm`);
  const records = recorder.take(sc.key);
  const ok = (x: RequestRecord): boolean => x.status >= 200 && x.status < 300;

  // Put the touched submissions back as seeded, so the floor replays the same writes on the same items
  // (delete everything the API wrote, then write the seeded items again), and again after the floor, so
  // the next round's API starts where this one did.
  const restore = async () => {
    if (read || !sc.subject) return;
    const touched = new Set<string>();
    for (let i = warm.firstIndex; i < measured.endIndex; i++) touched.add(sc.subject(i));
    for (const key of writtenKeys([...warmRecords, ...records])) await o.writer.delete(key);
    await o.writer.flush();
    for (const item of o.dataset.seededItems([...touched])) await o.writer.put(item);
    await o.writer.flush();
  };
  await restore();

  const warmPlans = warmRecords.filter(ok).map(replayPlan);
  const plans = records.filter(ok).map(replayPlan);
  log(`${sc.name}: round ${r + 1}/${roundCount}: floor (${plans.length} recorded requests replayed)`);
  await closedLoop(
    { concurrency: sc.concurrency, durationSec: warmupSec, count: warmPlans.length, wrap: read },
    (i) => replay(o.floorClient, warmPlans[i] ?? []),
  );
  const floor = await closedLoop(
    { concurrency: sc.concurrency, durationSec, count: plans.length, wrap: read },
    (i) => replay(o.floorClient, plans[i] ?? []),
  );
  if (r + 1 < roundCount) await restore();
  return { api: measured, floor, records };
}

/** A GET route of the group whose path parameters the dataset can fill (the first request a cold function answers). */
function coldStartRoute(group: string, fill: Record<string, string>): RouteDef | undefined {
  const candidates = routes.filter((r) => r.group === group && r.method === 'GET');
  return candidates.find((r) =>
    [...r.path.matchAll(/\{(\w+)\}/g)].every((m) => m[1] !== undefined && m[1] in fill),
  );
}

async function measureBundles(o: {
  cdkOut: string;
  hello: FunctionBundle[];
  platform: Platform;
  dataset: Dataset;
  users: SignedInUser[];
  work: string;
}): Promise<{ bundles: BundleResult[]; floorMs: number; sdkFloorMs: number | null; missing: string[] }> {
  const staff = o.users.find((u) => u.key === 'staff-province');
  const claims = staff
    ? (JSON.parse(Buffer.from(staff.idToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
        string,
        unknown
      >)
    : undefined;
  const detail = o.dataset.details[0];
  const district = o.dataset.main.districts[0];
  const fill: Record<string, string> = {
    tenantId: o.dataset.main.tenantId,
    campaignId: 'kh38-2023',
    templateId: 'periodic_report_2023',
    version: '1',
    unitId: district?.id ?? o.dataset.main.province.id,
    ...(detail ? { submissionId: detail.id } : {}),
  };
  const query: Record<string, string> = {
    '/admin/users': `?unitId=${encodeURIComponent(fill.unitId ?? '')}`,
  };
  const compiled = compileRoutes(routes);
  const eventFor = (route: RouteDef): unknown => {
    const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(fill[name] ?? name),
    );
    const match = matchRoute(compiled, route.method, path);
    if (!match) throw new Error(`no route matches ${route.method} ${path}`);
    return buildEvent({
      request: {
        method: route.method,
        url: `${path}${query[route.path] ?? ''}`,
        headers: { host: ['api.local'], 'user-agent': ['bench-cold-start'] },
        body: Buffer.alloc(0),
        sourceIp: '127.0.0.1',
      },
      match,
      ...(route.auth === 'user' && claims ? { jwtPayload: claims } : {}),
      requestId: 'cold-start',
      now: new Date(),
    });
  };
  const missing: string[] = [];
  const healthRoute = routes.find((r) => r.path === '/health');
  if (!healthRoute) throw new Error('no GET /health in the route table');
  const floorOf = async (name: string): Promise<number | null> => {
    const bundle = o.hello.find((b) => b.name === name);
    if (!bundle) return null;
    log(`cold starts: ${name} floor (${coldStartRuns} runs)`);
    const cs = await measureColdStart({
      bundle,
      event: eventFor(healthRoute),
      handlerEnv: o.platform.handlerEnv,
      runs: coldStartRuns,
      workDir: join(o.work, 'cold'),
    });
    return cs.coldStartMs;
  };
  const floorMs = await floorOf('hello-world');
  if (floorMs === null) throw new Error('no hello-world bundle');
  const sdkFloorMs = await floorOf('hello-sdk');
  const bundles: BundleResult[] = [];
  for (const bundle of await functionBundles(o.cdkOut)) {
    const route = coldStartRoute(bundle.name, fill);
    if (!route) {
      missing.push(`cold start of ${bundle.name}: no GET route with fillable parameters`);
      continue;
    }
    log(
      `cold starts: ${bundle.name} (${(bundle.bytes / 1000).toFixed(0)} kB, ${route.method} ${route.path})`,
    );
    try {
      const cs = await measureColdStart({
        bundle,
        event: eventFor(route),
        handlerEnv: o.platform.handlerEnv,
        runs: coldStartRuns,
        workDir: join(o.work, 'cold'),
      });
      bundles.push({
        name: bundle.name,
        bytes: bundle.bytes,
        coldStartMs: round(cs.coldStartMs),
        gzipBytes: bundle.gzipBytes,
        importMs: round(cs.importMs),
        firstInvokeMs: round(cs.firstInvokeMs),
        route: `${route.method} ${route.path}`,
        firstStatus: cs.statusCode,
      });
    } catch (error) {
      missing.push(
        `cold start of ${bundle.name}: ${error instanceof Error ? error.message.slice(0, 400) : String(error)}`,
      );
    }
  }
  return { bundles, floorMs, sdkFloorMs, missing };
}

try {
  await main();
} catch (error) {
  console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
// Emulator children are gone; sockets of SDK clients must not keep the process alive.
process.exit(process.exitCode ?? 0);
