/**
 * The floor's load generator: a closed loop with `concurrency` operations in flight, each worker
 * starting its next operation as soon as the previous one answers — the same discipline autocannon
 * applies with one request per connection.
 */
export interface ClosedLoopOptions {
  concurrency: number;
  durationSec: number;
  /** Number of operations available; with `wrap` they are cycled, else the run stops when used up. */
  count: number;
  wrap: boolean;
  /** Index of the first operation (a warm-up consumes the first ones). */
  startIndex?: number;
  maxOps?: number;
}

export interface ClosedLoopResult {
  latenciesMs: number[];
  ok: number;
  errors: number;
  elapsedMs: number;
  /** A few error messages, for the report. */
  failures: string[];
  endIndex: number;
}

export async function closedLoop(
  options: ClosedLoopOptions,
  operation: (index: number) => Promise<void>,
): Promise<ClosedLoopResult> {
  const result: ClosedLoopResult = {
    latenciesMs: [],
    ok: 0,
    errors: 0,
    elapsedMs: 0,
    failures: [],
    endIndex: options.startIndex ?? 0,
  };
  const first = options.startIndex ?? 0;
  const limit = Math.min(
    options.maxOps ?? Number.POSITIVE_INFINITY,
    options.wrap ? Number.POSITIVE_INFINITY : options.count - first,
  );
  if (limit <= 0 || options.count === 0) return result;
  let next = first;
  const started = performance.now();
  const deadline = started + options.durationSec * 1000;
  const worker = async (): Promise<void> => {
    while (next - first < limit && performance.now() < deadline) {
      const index = next;
      next += 1;
      const t0 = performance.now();
      try {
        await operation(index % options.count);
        result.latenciesMs.push(performance.now() - t0);
        result.ok += 1;
      } catch (error) {
        result.errors += 1;
        if (result.failures.length < 5) result.failures.push(String(error).slice(0, 300));
      }
    }
  };
  const workers = Math.min(options.concurrency, Number.isFinite(limit) ? limit : options.concurrency);
  await Promise.all(Array.from({ length: workers }, worker));
  result.elapsedMs = performance.now() - started;
  result.endIndex = next;
  return result;
}
