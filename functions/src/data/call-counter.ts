import { AsyncLocalStorage } from 'node:async_hooks';
import type {
  HandlerExecutionContext,
  InitializeHandler,
  InitializeMiddleware,
  MetadataBearer,
} from '@smithy/types';

/**
 * Counts DynamoDB calls by operation, process-wide and per scope (one scope = one API request, kept
 * across awaits with AsyncLocalStorage). The promise "an approval costs exactly one write and at
 * most one read" is checked by the tests and measured by the benchmark with this counter.
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

const scope = new AsyncLocalStorage<DynamoCalls>();
let totals: DynamoCalls = {};

const record = (operation: string): void => {
  totals[operation] = (totals[operation] ?? 0) + 1;
  const current = scope.getStore();
  if (current) current[operation] = (current[operation] ?? 0) + 1;
};

export const dynamoCallCounter = {
  middleware:
    (): InitializeMiddleware<object, MetadataBearer> =>
    (next: InitializeHandler<object, MetadataBearer>, context: HandlerExecutionContext) =>
    async (args) => {
      record((context.commandName ?? 'Unknown').replace(/Command$/, ''));
      return next(args);
    },
  /** Runs `fn` in a fresh scope and returns its result with the calls it made. */
  async measure<T>(fn: () => Promise<T>): Promise<{ result: T; calls: DynamoCalls }> {
    const calls: DynamoCalls = {};
    const result = await scope.run(calls, fn);
    return { result, calls };
  },
  /** Calls made so far in the current scope (the current request), or undefined outside a scope. */
  current(): DynamoCalls | undefined {
    return scope.getStore();
  },
  /** Process-wide totals since start or the last reset. */
  totals(): DynamoCalls {
    return { ...totals };
  },
  reset(): void {
    totals = {};
  },
};
