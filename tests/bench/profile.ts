import { mkdir, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { appBase } from '@thidua/functions/kernel/deps';
import { type Gateway, type LambdaHandler, startGateway } from '@thidua/functions/local/gateway';
import { type Platform, startPlatform } from '@thidua/functions/local/platform';
import { routes } from '@thidua/functions/routes';
import { platformWriter } from './batch-write';
import { type CpuProfile, type ProfileSummary, summarizeProfile } from './cpu-profile';
import { generateDataset } from './dataset';
import { signInCallers } from './identities';
import { repoRoot } from './lambda';
import { type LoadClient, startLoadClient } from './load';
import type { HttpRequestSpec } from './load-protocol';
import { Recorder } from './recorder';
import { type ScaleSpec, scales } from './scales';
import { buildScenarios, callersOf, type Scenario } from './scenarios';
import { round } from './stats';

/**
 * `npx tsx tests/bench/profile.ts [--scenarios save,approve,detail,inbox] [--rounds 5] [--requests 100]`
 *
 * CPU per request of the API's own process, which wall-clock figures cannot show on a shared machine: the
 * bench's platform, dataset (a small province) and callers, the real gateway and handlers in this
 * process (wrapped by the bench's recorder, as in run.ts), and the load client (autocannon) in another,
 * so `process.cpuUsage()` of this process over a round is the gateway's and handlers' CPU alone
 * (DynamoDB Local is a Java process of its own). Each scenario: a warm-up, then `rounds` rounds of `requests` requests at `connections` connections (CPU
 * ms/request per round, median reported), then one round under the inspector's CPU profiler, whose
 * profile is written to `--out` and summarized (top self and inclusive frames). Prints and writes JSON.
 */
const { values: args } = parseArgs({
  options: {
    scenarios: { type: 'string', default: 'save,approve' },
    rounds: { type: 'string', default: '5' },
    requests: { type: 'string', default: '100' },
    warmup: { type: 'string', default: '40' },
    connections: { type: 'string', default: '1' },
    'profile-requests': { type: 'string', default: '150' },
    direct: { type: 'boolean', default: false },
    label: { type: 'string', default: 'profile' },
    out: { type: 'string', default: join(repoRoot, 'bench', 'profiles') },
  },
  strict: true,
});
const count = (name: keyof typeof args): number => {
  const n = Number(args[name]);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number`);
  return n;
};
const rounds = count('rounds');
const perRound = count('requests');
const warmup = count('warmup');
const connections = Math.max(1, count('connections'));
const profiled = count('profile-requests');
const wanted = (args.scenarios ?? '').split(',').filter(Boolean);
const outDir = resolve(args.out ?? '.');
const label = args.label ?? 'profile';
const perScenario = warmup + rounds * perRound + profiled;
const direct = args.direct === true;

// A province's shape with only the submissions the write pools need: seeding stays under a minute.
const scale: ScaleSpec = {
  ...scales.province,
  main: { ...scales.province.main, submissions: 2 * perScenario + 600, users: 300, maxYears: 3 },
  pools: { approvals: perScenario, drafts: 40, draftUnits: 10, provinceInbox: 100, details: 200 },
  durationSec: Math.ceil(perScenario / 800) + 1,
  warmupSec: 0,
};

const log = (line: string): void => console.log(`[profile] ${line}`);
/** Forgets what the recorder kept of a round (its records are not needed here). */
let drop: (tag: string) => void = () => undefined;
const cpuMs = (since: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};

interface RoundResult {
  requests: number;
  cpuMsPerRequest: number;
  wallMsPerRequest: number;
}

/**
 * `--direct` (read scenarios): the events the gateway built for each request of the pool, captured on
 * a first pass through it, with the (recorder-wrapped) handler that answered them. A direct round
 * calls the handler with them one after another in this process: no HTTP, no gateway, no load client,
 * so what a handler change saves is not lost in their noise.
 */
interface Captured {
  handler: LambdaHandler;
  event: { headers: Record<string, string | undefined> };
}
const captured = new Map<string, Captured>();
let capturing = false;
const requestKey = (method: string, pathAndQuery: string, authorization: string | undefined): string =>
  `${method} ${pathAndQuery} ${authorization ?? ''}`;
const capturingLoader =
  (inner: (group: Parameters<typeof startGateway>[0]['routes'][number]['group']) => Promise<LambdaHandler>) =>
  async (group: Parameters<typeof inner>[0]): Promise<LambdaHandler> => {
    const handler = await inner(group);
    return (event, context) => {
      if (capturing) {
        const e = event as Captured['event'] & {
          rawPath: string;
          rawQueryString: string;
          requestContext: { http: { method: string } };
        };
        const path = e.rawQueryString ? `${e.rawPath}?${e.rawQueryString}` : e.rawPath;
        captured.set(requestKey(e.requestContext.http.method, path, e.headers.authorization), {
          handler,
          event: e,
        });
      }
      return handler(event, context);
    };
  };

async function driveDirect(tokens: string[], requests: HttpRequestSpec[], tag: string): Promise<RoundResult> {
  const calls = requests.map((r, i) => {
    const c = captured.get(requestKey(r.method, r.path, `Bearer ${tokens[r.token]}`));
    if (!c) throw new Error(`${tag}: no captured event for ${r.method} ${r.path}`);
    return {
      handler: c.handler,
      event: { ...c.event, headers: { ...c.event.headers, 'x-bench-tag': `${tag}:${i}` } },
    };
  });
  const context = {
    awsRequestId: 'direct',
    getRemainingTimeInMillis: () => 29_000,
  } as unknown as Parameters<LambdaHandler>[1];
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  let ok = 0;
  const failures: string[] = [];
  for (const c of calls) {
    const result = (await c.handler(c.event, context)) as { statusCode?: number; body?: string };
    if (result.statusCode !== undefined && result.statusCode < 300) ok++;
    else failures.push(`${result.statusCode} ${result.body?.slice(0, 200)}`);
  }
  const cpuSpent = cpuMs(cpu);
  const wall = performance.now() - t0;
  drop(tag);
  if (ok !== requests.length)
    throw new Error(`${tag}: ${ok}/${requests.length} answered 2xx: ${failures[0]}`);
  return { requests: ok, cpuMsPerRequest: cpuSpent / ok, wallMsPerRequest: wall / ok };
}

async function drive(
  load: LoadClient,
  gateway: Gateway,
  tokens: string[],
  requests: HttpRequestSpec[],
  tag: string,
): Promise<RoundResult> {
  if (direct && !capturing) return driveDirect(tokens, requests, tag);
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const [phase] = await load.run({
    url: gateway.url,
    connections,
    tokens,
    requests,
    wrap: false,
    phases: [{ durationSec: 600, maxRequests: requests.length, tag }],
  });
  const cpuSpent = cpuMs(cpu);
  const wall = performance.now() - t0;
  drop(tag);
  if (!phase || phase.ok !== requests.length) {
    throw new Error(
      `${tag}: ${phase?.ok ?? 0}/${requests.length} answered 2xx: ${phase?.failures.join(' | ')}`,
    );
  }
  return { requests: phase.ok, cpuMsPerRequest: cpuSpent / phase.ok, wallMsPerRequest: wall / phase.ok };
}

async function profileRound(run: () => Promise<RoundResult>, file: string): Promise<ProfileSummary> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    await run();
    const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
    await writeFile(file, JSON.stringify(profile));
    return summarizeProfile(profile, repoRoot);
  } finally {
    session.disconnect();
  }
}

async function measure(scenario: Scenario, load: LoadClient, gateway: Gateway, tokens: string[]) {
  const take = (() => {
    let next = 0;
    const pool = scenario.requests;
    return (n: number): HttpRequestSpec[] => {
      // A read changes nothing, so its pool (11 inboxes, a few hundred details) is taken round and round;
      // a write's request is valid once.
      const slice =
        scenario.kind === 'read'
          ? Array.from({ length: n }, (_, i) => pool[(next + i) % pool.length] as HttpRequestSpec)
          : pool.slice(next, next + n);
      next += n;
      if (slice.length < n || pool.length === 0)
        throw new Error(`${scenario.key}: the pool holds too few requests`);
      return slice;
    };
  })();
  if (direct) {
    if (scenario.kind !== 'read') throw new Error(`--direct replays reads only, not ${scenario.key}`);
    capturing = true;
    await drive(load, gateway, tokens, scenario.requests, `${scenario.key}-capture`);
    capturing = false;
  }
  if (warmup > 0) await drive(load, gateway, tokens, take(warmup), `${scenario.key}-warm`);
  const results: RoundResult[] = [];
  for (let r = 0; r < rounds; r++) {
    results.push(await drive(load, gateway, tokens, take(perRound), `${scenario.key}-${r}`));
    log(`${scenario.key} round ${r + 1}: ${results.at(-1)?.cpuMsPerRequest.toFixed(2)} CPU ms/request`);
  }
  const sorted = results.map((r) => r.cpuMsPerRequest).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  let profile: ProfileSummary | undefined;
  let profileFile: string | undefined;
  if (profiled > 0) {
    profileFile = join(outDir, `${label}-${scenario.key}.cpuprofile`);
    const file = profileFile;
    profile = await profileRound(
      () => drive(load, gateway, tokens, take(profiled), `${scenario.key}-profiled`),
      file,
    );
  }
  return {
    key: scenario.key,
    request: scenario.request,
    cpuMsPerRequestMedian: round(median),
    cpuMsPerRequestRounds: results.map((r) => round(r.cpuMsPerRequest)),
    wallMsPerRequestRounds: results.map((r) => round(r.wallMsPerRequest)),
    profileFile,
    profile,
  };
}

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  log(
    `${cpus().length} CPUs, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const platform: Platform = await startPlatform({ mode: 'memory', seed: false, dynamoJvm: 'throughput' });
  const stops: (() => Promise<unknown>)[] = [() => platform.stop()];
  try {
    // As in run.ts: the handlers wrapped by the bench's recorder (one call-counting scope per request).
    const recorder = new Recorder();
    recorder.attach(appBase().clients.doc);
    const gateway = await startGateway({
      routes,
      authorizer: { issuer: platform.issuer, audience: [platform.clientId], jwksUrl: platform.jwksUrl },
      corsOrigins: [],
      region: platform.region,
      loadHandler: capturingLoader(recorder.loader()),
    });
    drop = (tag) => recorder.take(tag);
    stops.push(() => gateway.stop());
    const { writer, destroy } = platformWriter(platform);
    stops.push(async () => destroy());
    const dataset = await generateDataset({ scale, table: platform.tableName, writer, log });
    const users = await signInCallers(platform, dataset, writer);
    const callers = callersOf(users);
    const scenarios = buildScenarios({ dataset, callers, scale, concurrency: connections }).filter((s) =>
      wanted.includes(s.key),
    );
    const load = await startLoadClient();
    stops.push(() => load.close());
    const results = [];
    for (const scenario of scenarios) results.push(await measure(scenario, load, gateway, callers.tokens));
    const report = {
      label,
      at: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      loadAverage: loadavg().map(round),
      connections,
      direct,
      rounds,
      requestsPerRound: perRound,
      results,
    };
    const file = join(outDir, `${label}.json`);
    await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
    for (const r of results) {
      log(
        `${r.key}: ${r.cpuMsPerRequestMedian} CPU ms/request (rounds ${r.cpuMsPerRequestRounds.join(', ')})`,
      );
      for (const f of r.profile?.selfByFrame.slice(0, 15) ?? []) {
        log(
          `  self ${f.ms.toFixed(0).padStart(6)} ms ${(f.share * 100).toFixed(1).padStart(5)}%  ${f.frame}`,
        );
      }
    }
    log(`written ${file}`);
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  }
}

try {
  await main();
} catch (error) {
  console.error(
    `[profile] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exitCode = 1;
}
// Sockets of SDK clients must not keep the process alive.
process.exit(process.exitCode ?? 0);
