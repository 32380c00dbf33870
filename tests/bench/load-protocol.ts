/**
 * Messages between the benchmark and its load client (a separate Node process running autocannon, so
 * the load generator never shares an event loop with the gateway and the handlers it measures).
 */
export interface HttpRequestSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** Index into `LoadRun.tokens`: the bearer ID token of the user making this request. */
  token: number;
  /** JSON body. */
  body?: string;
}

export interface LoadPhase {
  /** Seconds (the phase stops earlier when `maxRequests` have been sent). */
  durationSec: number;
  maxRequests?: number;
  /** Tag prefix sent in `x-bench-tag` (`<tag>:<request index>`), read by the recording gateway. */
  tag: string;
}

export interface LoadRun {
  url: string;
  connections: number;
  tokens: string[];
  /**
   * Requests in rotation order; the phases share one cursor (a warm-up consumes the first ones). With
   * `wrap: false` a phase stops when the list is used up (writes: each request on its own submission).
   */
  requests: HttpRequestSpec[];
  wrap: boolean;
  phases: LoadPhase[];
  /** Where the cursor starts (default 0): a round of a read scenario goes on where the last one stopped. */
  startIndex?: number;
}

export interface PhaseResult {
  tag: string;
  /** Latency of every 2xx answer, ms. */
  latenciesMs: number[];
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  elapsedMs: number;
  statusCounts: Record<string, number>;
  /** A few bodies of non-2xx answers, for the report. */
  failures: string[];
  /** Request indexes [first, last) used by this phase. */
  firstIndex: number;
  endIndex: number;
}

export type ToClient = { type: 'run'; run: LoadRun } | { type: 'exit' };
export type FromClient =
  | { type: 'ready' }
  | { type: 'done'; phases: PhaseResult[] }
  | { type: 'error'; message: string };
