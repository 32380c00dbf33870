import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { round } from './stats';

/**
 * The benchmark's result: the JSON shape of the issue (extra fields allowed, never fewer), the targets
 * evaluated as PASS / MISS with their ratios, and the Markdown table the README quotes.
 */
export interface ScenarioResult {
  name: string;
  p50Ms: number;
  p99Ms: number;
  rps: number;
  floorP50Ms: number;
  floorRps: number;
  ddbCallsPerRequest: number;
  // ── extra fields ──
  key: string;
  request: string;
  concurrency: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** The median of the rounds' ratios (each round: the API phase, then its floor). */
  p50Ratio: number;
  rpsRatio: number;
  /** Each round's p50 ÷ floor p50, in order. */
  roundP50Ratios?: number[];
  floorP99Ms: number;
  floorRequests: number;
  floorErrors: number;
  ddbReadsPerRequest: number;
  ddbWritesPerRequest: number;
  ddbCallsByOperation: Record<string, number>;
  failures: string[];
}

export interface BundleResult {
  name: string;
  bytes: number;
  coldStartMs: number;
  gzipBytes: number;
  importMs: number;
  firstInvokeMs: number;
  route: string;
  firstStatus: number | null;
}

export interface WebResult {
  initialJsGzipBytes: number | null;
  totalJsGzipBytes: number | null;
  inboxFirstRenderMs: number | null;
  initialCssGzipBytes: number | null;
  totalCssGzipBytes: number | null;
  inboxItems: number;
  renderRunsMs: number[];
  note?: string;
}

export type Verdict = 'PASS' | 'MISS' | 'N/A';

export interface TargetResult {
  target: string;
  value: string;
  limit: string;
  verdict: Verdict;
  note?: string;
}

export interface BenchResult {
  scale: string;
  concurrency: number;
  scenarios: ScenarioResult[];
  coldStartFloorMs: number | null;
  /** Informative: a hello-world that creates the DynamoDB client and does one GetItem. */
  coldStartSdkFloorMs?: number | null;
  bundles: BundleResult[];
  web: WebResult;
  // ── extra fields ──
  startedAt: string;
  durationSec: number;
  elapsedSec: number;
  machine: { cpus: number; loadAverage: number[]; node: string; dynamoDbLocal: string };
  dataset: Record<string, number>;
  phasesSec: Record<string, number>;
  targets: TargetResult[];
  missing: string[];
}

const KB = 1000;
const ratio = (a: number, b: number): number => (b > 0 && Number.isFinite(a) ? a / b : Number.NaN);
const fmt = (n: number | null | undefined, digits = 2): string =>
  n === null || n === undefined || !Number.isFinite(n) ? '—' : String(round(Number(n.toFixed(digits))));
const kb = (bytes: number | null): string => (bytes === null ? '—' : `${(bytes / KB).toFixed(1)} kB`);

export function evaluateTargets(result: BenchResult, other: BenchResult | undefined): TargetResult[] {
  const out: TargetResult[] = [];
  for (const s of result.scenarios) {
    out.push({
      target: `${s.name}: p50 ≤ 1.5× floor`,
      value: `${fmt(s.p50Ratio)}× (${fmt(s.p50Ms)} vs ${fmt(s.floorP50Ms)} ms)`,
      limit: '1.5×',
      verdict: s.p50Ratio <= 1.5 ? 'PASS' : 'MISS',
    });
    out.push({
      target: `${s.name}: throughput ≥ 0.6× floor`,
      value: `${fmt(s.rpsRatio)}× (${fmt(s.rps, 0)} vs ${fmt(s.floorRps, 0)} rps)`,
      limit: '0.6×',
      verdict: s.rpsRatio >= 0.6 ? 'PASS' : 'MISS',
    });
  }
  const approval = result.scenarios.find((s) => s.key === 'approve');
  if (approval) {
    out.push({
      target: 'approval: exactly one DynamoDB write call, at most one read',
      value: `${fmt(approval.ddbWritesPerRequest)} write, ${fmt(approval.ddbReadsPerRequest)} read per request`,
      limit: '1 write, ≤ 1 read',
      verdict: approval.ddbWritesPerRequest === 1 && approval.ddbReadsPerRequest <= 1 ? 'PASS' : 'MISS',
    });
  }
  const province = result.scale === 'province' ? result : other?.scale === 'province' ? other : undefined;
  const national = result.scale === 'national' ? result : other?.scale === 'national' ? other : undefined;
  for (const key of ['inbox', 'completeness']) {
    const p = province?.scenarios.find((s) => s.key === key);
    const n = national?.scenarios.find((s) => s.key === key);
    const name = p?.name ?? n?.name ?? key;
    if (p && n) {
      const r = ratio(n.p50Ms, p.p50Ms);
      const normalized = ratio(n.p50Ratio, p.p50Ratio);
      out.push({
        target: `${name}: national p50 ≤ 1.2× province p50`,
        value: `${fmt(r)}× (${fmt(n.p50Ms)} vs ${fmt(p.p50Ms)} ms)`,
        limit: '1.2×',
        verdict: r <= 1.2 ? 'PASS' : 'MISS',
        note: `separate runs (${national?.startedAt.slice(0, 16)} / ${province?.startedAt.slice(0, 16)}); ratio of the ratios to each run's floor: ${fmt(normalized)}×`,
      });
    } else {
      out.push({
        target: `${name}: national p50 ≤ 1.2× province p50`,
        value: '—',
        limit: '1.2×',
        verdict: 'N/A',
        note: 'needs a province and a national run (bench/results/<scale>.json)',
      });
    }
  }
  for (const b of result.bundles) {
    out.push({
      target: `bundle ${b.name}: ≤ 300 kB minified`,
      value: kb(b.bytes),
      limit: '300 kB',
      verdict: b.bytes <= 300 * KB ? 'PASS' : 'MISS',
    });
    const r = result.coldStartFloorMs ? ratio(b.coldStartMs, result.coldStartFloorMs) : Number.NaN;
    out.push({
      target: `bundle ${b.name}: cold start ≤ 1.5× hello-world`,
      value: `${fmt(r)}× (${fmt(b.coldStartMs, 0)} vs ${fmt(result.coldStartFloorMs, 0)} ms)`,
      limit: '1.5×',
      verdict: Number.isFinite(r) ? (r <= 1.5 ? 'PASS' : 'MISS') : 'N/A',
    });
  }
  if (result.bundles.length === 0) {
    out.push({
      target: 'function bundles',
      value: '—',
      limit: '300 kB, 1.5×',
      verdict: 'N/A',
      note: 'not measured',
    });
  }
  const w = result.web;
  out.push({
    target: 'web: initial JavaScript ≤ 250 kB gzipped',
    value: kb(w.initialJsGzipBytes),
    limit: '250 kB',
    verdict: w.initialJsGzipBytes === null ? 'N/A' : w.initialJsGzipBytes <= 250 * KB ? 'PASS' : 'MISS',
  });
  out.push({
    target: `web: inbox of ${w.inboxItems} items rendered within 1 s`,
    value: w.inboxFirstRenderMs === null ? '—' : `${fmt(w.inboxFirstRenderMs, 0)} ms`,
    limit: '1000 ms',
    verdict: w.inboxFirstRenderMs === null ? 'N/A' : w.inboxFirstRenderMs <= 1000 ? 'PASS' : 'MISS',
    ...(w.note ? { note: w.note } : {}),
  });
  return out;
}

export function toMarkdown(r: BenchResult): string {
  const lines: string[] = [];
  lines.push(`# Benchmark: ${r.scale} scale`);
  lines.push('');
  lines.push(
    `Run ${r.startedAt} · ${r.elapsedSec.toFixed(0)} s · concurrency ${r.concurrency} · ${r.durationSec} s per measured phase · ` +
      `${r.machine.cpus} CPUs (load ${r.machine.loadAverage.map((l) => l.toFixed(1)).join(' ')}) · Node ${r.machine.node} · DynamoDB Local ${r.machine.dynamoDbLocal}`,
  );
  lines.push('');
  const d = r.dataset;
  lines.push(
    `Dataset: ${d.tenants} tenant(s), ${d.units} units, ${d.users} users, ${d.submissions} submissions, ${d.events} audit events, ${d.items} items.`,
  );
  lines.push('');
  lines.push(
    '## API scenarios (through the local gateway and the real handlers) vs the floor (the same DynamoDB calls, bare SDK)',
  );
  lines.push('');
  lines.push(
    '| scenario | p50 ms | p99 ms | rps | floor p50 ms | floor rps | p50 ÷ floor | rps ÷ floor | DynamoDB calls/request |',
  );
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const s of r.scenarios) {
    const ops = Object.entries(s.ddbCallsByOperation)
      .map(([op, n]) => `${fmt(n)} ${op}`)
      .join(' + ');
    lines.push(
      `| ${s.name} | ${fmt(s.p50Ms)} | ${fmt(s.p99Ms)} | ${fmt(s.rps, 0)} | ${fmt(s.floorP50Ms)} | ${fmt(s.floorRps, 0)} | ${fmt(s.p50Ratio)}× | ${fmt(s.rpsRatio)}× | ${fmt(s.ddbCallsPerRequest)} (${ops || '—'}) |`,
    );
  }
  lines.push('');
  for (const s of r.scenarios) {
    const extra =
      s.non2xx + s.errors + s.floorErrors > 0
        ? ` — non-2xx ${s.non2xx}, errors ${s.errors}, floor errors ${s.floorErrors}`
        : '';
    lines.push(
      `- ${s.name}: \`${s.request}\`, ${s.requests} requests at ${s.concurrency} connections${
        s.roundP50Ratios && s.roundP50Ratios.length > 1
          ? `; p50 ÷ floor by round ${s.roundP50Ratios.map((x) => `${fmt(x)}×`).join(', ')} (the median is the table's)`
          : ''
      }${extra}`,
    );
  }
  lines.push('');
  lines.push(
    '## Lambda bundles (synthesized CDK assembly) and cold starts (median of fresh `node` processes)',
  );
  lines.push('');
  if (r.bundles.length === 0) {
    lines.push('Not measured in this run.');
  } else {
    lines.push(
      `Hello-world floor (same bundling, same start): **${fmt(r.coldStartFloorMs, 0)} ms**. ` +
        `For scale, a hello-world that creates the runtime-provided DynamoDB client and answers with one GetItem: ${fmt(r.coldStartSdkFloorMs ?? null, 0)} ms.`,
    );
    lines.push('');
    lines.push(
      '| function | minified | gzipped | cold start ms | ÷ floor | import ms | first request ms | first request |',
    );
    lines.push('|---|---:|---:|---:|---:|---:|---:|---|');
    for (const b of r.bundles) {
      lines.push(
        `| ${b.name} | ${kb(b.bytes)} | ${kb(b.gzipBytes)} | ${fmt(b.coldStartMs, 0)} | ${fmt(r.coldStartFloorMs ? b.coldStartMs / r.coldStartFloorMs : Number.NaN)}× | ${fmt(b.importMs, 0)} | ${fmt(b.firstInvokeMs, 0)} | \`${b.route}\` → ${b.firstStatus ?? '—'} |`,
      );
    }
  }
  lines.push('');
  lines.push('## Web (production build)');
  lines.push('');
  const w = r.web;
  lines.push(
    '| initial JS (gzip) | total JS (gzip) | initial CSS (gzip) | total CSS (gzip) | inbox first render |',
  );
  lines.push('|---:|---:|---:|---:|---:|');
  lines.push(
    `| ${kb(w.initialJsGzipBytes)} | ${kb(w.totalJsGzipBytes)} | ${kb(w.initialCssGzipBytes)} | ${kb(w.totalCssGzipBytes)} | ${w.inboxFirstRenderMs === null ? '—' : `${fmt(w.inboxFirstRenderMs, 0)} ms (${w.inboxItems} items; runs ${w.renderRunsMs.map((x) => x.toFixed(0)).join(', ')})`} |`,
  );
  if (w.note) lines.push('', w.note);
  lines.push('');
  lines.push('## Targets');
  lines.push('');
  lines.push('| target | value | limit | verdict |');
  lines.push('|---|---|---|---|');
  for (const t of r.targets) {
    lines.push(`| ${t.target} | ${t.value}${t.note ? ` — ${t.note}` : ''} | ${t.limit} | ${t.verdict} |`);
  }
  if (r.missing.length > 0) {
    lines.push('');
    lines.push('## Not measured');
    lines.push('');
    for (const m of r.missing) lines.push(`- ${m}`);
  }
  lines.push('');
  return lines.join('\n');
}

export async function readResult(file: string): Promise<BenchResult | undefined> {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(await readFile(file, 'utf8')) as BenchResult;
  } catch {
    return undefined;
  }
}

export async function writeResults(dir: string, r: BenchResult): Promise<{ json: string; md: string }> {
  await mkdir(dir, { recursive: true });
  const json = `${JSON.stringify(r, null, 2)}\n`;
  const md = toMarkdown(r);
  for (const base of ['latest', r.scale]) {
    await writeFile(join(dir, `${base}.json`), json);
    await writeFile(join(dir, `${base}.md`), md);
  }
  return { json: join(dir, 'latest.json'), md: join(dir, 'latest.md') };
}
