import { AsyncLocalStorage } from 'node:async_hooks';
import type {
  FinalizeHandler,
  FinalizeRequestMiddleware,
  HandlerExecutionContext,
  InitializeHandler,
  InitializeMiddleware,
  MetadataBearer,
} from '@smithy/types';

/**
 * Counts DynamoDB calls by operation, process-wide and per scope (one scope = one API request, kept
 * across awaits with AsyncLocalStorage). The promise "an approval costs exactly one write and at
 * most one read" is checked by the tests and measured by the benchmark with this counter, and every
 * request's log line carries its reads and writes.
 *
 * The scope also remembers which writes MAY have reached the table, attempt by attempt: whether a write
 * that failed may still have committed decides whether a retry with the same Idempotency-Key is safe
 * (see `retryIsSafe`).
 */
export type DynamoCalls = Record<string, number>;

const READS = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems']);
const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);

export interface CallSummary {
  reads: number;
  writes: number;
  byOperation: DynamoCalls;
}

export const summarize = (calls: DynamoCalls): CallSummary => {
  let reads = 0;
  let writes = 0;
  for (const [op, n] of Object.entries(calls)) {
    if (READS.has(op)) reads += n;
    if (WRITES.has(op)) writes += n;
  }
  return { reads, writes, byOperation: { ...calls } };
};

/** Writes of one scope that may have been applied (succeeded, or failed in a way that does not prove they were not). */
export interface WriteRisk {
  /** A transaction that carried an Idempotency-Key record: a retry with that key replays its answer. */
  keyed: boolean;
  /** Any other write: a retry would apply it again. */
  unkeyed: boolean;
}

interface Scope {
  calls: DynamoCalls;
  risk: WriteRisk;
  parent: Scope | undefined;
  /** Work that is another function on AWS (the local platform's stream consumer): not in the totals. */
  background?: boolean;
}

const scope = new AsyncLocalStorage<Scope>();
let totals: DynamoCalls = {};

/** Every enclosing scope sees the call too (the benchmark measures around the handler's own scope). */
const eachScope = (fn: (s: Scope) => void): void => {
  for (let s = scope.getStore(); s !== undefined; s = s.parent) fn(s);
};

const inBackground = (): boolean => {
  for (let s = scope.getStore(); s !== undefined; s = s.parent) if (s.background) return true;
  return false;
};

const record = (operation: string): void => {
  if (!inBackground()) totals[operation] = (totals[operation] ?? 0) + 1;
  eachScope((s) => {
    s.calls[operation] = (s.calls[operation] ?? 0) + 1;
  });
};

const operationOf = (context: HandlerExecutionContext): string =>
  (context.commandName ?? 'Unknown').replace(/Command$/, '');

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** `type` of a Put's item, plain (DocumentClient input) or marshalled (what the client sends). */
const putType = (t: unknown): unknown => {
  const type = isRecord(t) && isRecord(t.Put) && isRecord(t.Put.Item) ? t.Put.Item.type : undefined;
  return isRecord(type) ? type.S : type;
};

/** A transaction whose items include the Put of an Idempotency record (idempotency-store.ts). */
const carriesIdempotencyRecord = (input: unknown): boolean =>
  isRecord(input) &&
  Array.isArray(input.TransactItems) &&
  input.TransactItems.some((t: unknown) => putType(t) === 'Idempotency');

/** Network failures that happen before a request leaves this machine. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * True only when the attempt certainly changed nothing: DynamoDB answered with a 4xx (a refused
 * condition, validation, throttling), or the connection was never made. A request timeout, a reset
 * connection or a 5xx prove nothing: the write may have been applied.
 */
export const attemptChangedNothing = (err: unknown): boolean => {
  if (!isRecord(err)) return false;
  const status = isRecord(err.$metadata) ? err.$metadata.httpStatusCode : undefined;
  if (typeof status === 'number' && status >= 400 && status < 500) return true;
  const code = typeof err.code === 'string' ? err.code : undefined;
  if (code !== undefined && NOT_SENT_CODES.has(code)) return true;
  // The node handler's connectionTimeout: "... timed out without establishing a connection ...".
  return typeof err.message === 'string' && /without establishing a connection/i.test(err.message);
};

const markRisk = (input: unknown): void => {
  const keyed = carriesIdempotencyRecord(input);
  eachScope((s) => {
    if (keyed) s.risk.keyed = true;
    else s.risk.unkeyed = true;
  });
};

export const dynamoCallCounter = {
  middleware:
    (): InitializeMiddleware<object, MetadataBearer> =>
    (next: InitializeHandler<object, MetadataBearer>, context: HandlerExecutionContext) =>
    async (args) => {
      record(operationOf(context));
      return next(args);
    },
  /**
   * Runs once per attempt (added after the SDK's retry middleware): a write attempt that may have reached
   * the table marks the scope.
   */
  attemptMiddleware:
    (): FinalizeRequestMiddleware<object, MetadataBearer> =>
    (next: FinalizeHandler<object, MetadataBearer>, context: HandlerExecutionContext) =>
    async (args) => {
      if (!WRITES.has(operationOf(context))) return next(args);
      try {
        const out = await next(args);
        markRisk(args.input);
        return out;
      } catch (err) {
        if (!attemptChangedNothing(err)) markRisk(args.input);
        throw err;
      }
    },
  /** Runs `fn` in a fresh scope and returns its result with the calls it made. */
  async measure<T>(fn: () => Promise<T>): Promise<{ result: T; calls: DynamoCalls }> {
    const s: Scope = { calls: {}, risk: { keyed: false, unkeyed: false }, parent: scope.getStore() };
    const result = await scope.run(s, fn);
    return { result, calls: s.calls };
  },
  /**
   * Runs `fn` as another function's work: the local platform plays Lambdas that are separate invocations on
   * AWS (the stream consumer) in this process; their calls stay out of the process totals that measure
   * what API requests cost.
   */
  background<T>(fn: () => Promise<T>): Promise<T> {
    const s: Scope = {
      calls: {},
      risk: { keyed: false, unkeyed: false },
      parent: undefined,
      background: true,
    };
    return scope.run(s, fn);
  },
  /** Calls made so far in the current scope (the current request), or undefined outside a scope. */
  current(): DynamoCalls | undefined {
    return scope.getStore()?.calls;
  },
  /** The writes of the current scope that may have been applied (none outside a scope). */
  risk(): WriteRisk {
    const s = scope.getStore();
    return s ? { ...s.risk } : { keyed: false, unkeyed: false };
  },
  /** Process-wide totals since start or the last reset. */
  totals(): DynamoCalls {
    return { ...totals };
  },
  reset(): void {
    totals = {};
  },
};

/**
 * Whether the client may send this request again with the same Idempotency-Key without a second write:
 * nothing may have been written but transactions that carried the key's record (a retry replays their
 * answer). Writes that may have applied without the record make a retry unsafe.
 */
export const retryIsSafe = (risk: WriteRisk): boolean => risk.keyed || !risk.unkeyed;
