/**
 * Latency statistics computed from every sample (no histogram buckets): at a few milliseconds per
 * request, a 1-ms histogram would round a 2.6 ms median to 2 and distort the ratios to the floor.
 */
export interface LatencySummary {
  count: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
}

/** Nearest-rank percentile of an ascending array (`q` in 0..1). */
export const percentile = (sorted: readonly number[], q: number): number => {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
};

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? Number.NaN;
  if (sorted.length % 2 === 1) return hi;
  return ((sorted[mid - 1] ?? hi) + hi) / 2;
};

export const summarizeLatencies = (samples: readonly number[]): LatencySummary => {
  const sorted = Float64Array.from(samples).sort();
  const list = Array.from(sorted);
  let sum = 0;
  for (const v of list) sum += v;
  return {
    count: list.length,
    p50Ms: percentile(list, 0.5),
    p99Ms: percentile(list, 0.99),
    meanMs: list.length === 0 ? Number.NaN : sum / list.length,
    maxMs: list.length === 0 ? Number.NaN : (list[list.length - 1] ?? Number.NaN),
  };
};

/** Rounds for the report: 2 decimals under 10, 1 under 100, integers above. */
export const round = (n: number): number => {
  if (!Number.isFinite(n)) return n;
  const a = Math.abs(n);
  const digits = a < 10 ? 100 : a < 100 ? 10 : 1;
  return Math.round(n * digits) / digits;
};
