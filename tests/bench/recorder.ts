import { AsyncLocalStorage } from 'node:async_hooks';
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type {
  BuildHandler,
  BuildHandlerArguments,
  HandlerExecutionContext,
  MetadataBearer,
} from '@smithy/types';
import { type DynamoCalls, dynamoCallCounter, summarize } from '@thidua/functions/kernel/data/call-counter';
import { importHandler, type LambdaHandler } from '@thidua/functions/local/gateway';

/**
 * What each API request asked of DynamoDB, recorded in the handlers' own SDK client: every call's
 * operation and its wire input (marshalled), with its start and end. The floor replays exactly these
 * calls — the same operations on the same items — straight from the SDK; the per-request counts come from
 * the data layer's own call counter (`dynamoCallCounter`), scoped to the request.
 */
export interface RecordedCall {
  op: string;
  input: Record<string, unknown>;
  startMs: number;
  endMs: number;
}

export interface RequestRecord {
  tag: string;
  /** The handler's answer (API Gateway result `statusCode`). */
  status: number;
  calls: RecordedCall[];
  counts: DynamoCalls;
}

interface Scope {
  tag: string;
  calls: RecordedCall[];
}

const scope = new AsyncLocalStorage<Scope>();

export class Recorder {
  private readonly records = new Map<string, RequestRecord>();
  private attached = new WeakSet<object>();
  private inFlight = 0;
  private idle: (() => void)[] = [];

  /**
   * Resolves when no tagged request is being handled: a phase that ends on the clock leaves requests in
   * flight, whose writes must be recorded before the touched items are put back.
   */
  settled(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** Adds the recording middleware to a handler client's stack (idempotent per client). */
  attach(client: DynamoDBDocumentClient | DynamoDBClient): void {
    if (this.attached.has(client.middlewareStack)) return;
    this.attached.add(client.middlewareStack);
    client.middlewareStack.add(
      (next: BuildHandler<object, MetadataBearer>, context: HandlerExecutionContext) =>
        async (args: BuildHandlerArguments<object>) => {
          const current = scope.getStore();
          if (!current) return next(args);
          const call: RecordedCall = {
            op: (context.commandName ?? 'Unknown').replace(/Command$/, ''),
            // At the build step the DocumentClient has already marshalled the input.
            input: args.input as Record<string, unknown>,
            startMs: performance.now(),
            endMs: Number.NaN,
          };
          current.calls.push(call);
          try {
            return await next(args);
          } finally {
            call.endMs = performance.now();
          }
        },
      { step: 'build', name: 'benchRecorder', priority: 'low' },
    );
  }

  /** A handler that runs `handler` in a recording scope named by the request's `x-bench-tag`. */
  wrap(handler: LambdaHandler): LambdaHandler {
    return async (event, context) => {
      const headers = (event as { headers?: Record<string, string | undefined> }).headers ?? {};
      const tag = headers['x-bench-tag'];
      if (tag === undefined) return handler(event, context);
      const s: Scope = { tag, calls: [] };
      this.inFlight += 1;
      const { result, calls } = await scope
        .run(s, () => dynamoCallCounter.measure(async () => handler(event, context)))
        .finally(() => {
          this.inFlight -= 1;
          if (this.inFlight === 0) for (const resolve of this.idle.splice(0)) resolve();
        });
      const status = (result as { statusCode?: unknown } | undefined)?.statusCode;
      this.records.set(tag, {
        tag,
        status: typeof status === 'number' ? status : 0,
        calls: s.calls,
        counts: calls,
      });
      return result;
    };
  }

  /** The gateway's handler loader, wrapped. */
  loader(): (group: Parameters<typeof importHandler>[0]) => Promise<LambdaHandler> {
    return async (group) => this.wrap(await importHandler(group));
  }

  /** Records whose tag starts with `prefix:`, in request order. */
  take(prefix: string): RequestRecord[] {
    const out: { index: number; record: RequestRecord }[] = [];
    for (const [tag, record] of this.records) {
      if (!tag.startsWith(`${prefix}:`)) continue;
      out.push({ index: Number(tag.slice(prefix.length + 1)), record });
      this.records.delete(tag);
    }
    return out.sort((a, b) => a.index - b.index).map((e) => e.record);
  }
}

/** Mean calls per request (reads, writes, per operation) over a set of records. */
export function callsPerRequest(records: readonly RequestRecord[]): {
  total: number;
  reads: number;
  writes: number;
  byOperation: Record<string, number>;
} {
  const sum: DynamoCalls = {};
  for (const r of records) for (const [op, n] of Object.entries(r.counts)) sum[op] = (sum[op] ?? 0) + n;
  const n = Math.max(1, records.length);
  const s = summarize(sum);
  const byOperation: Record<string, number> = {};
  let total = 0;
  for (const [op, count] of Object.entries(s.byOperation)) {
    byOperation[op] = count / n;
    total += count;
  }
  return { total: total / n, reads: s.reads / n, writes: s.writes / n, byOperation };
}

/** The low-level command of each operation a handler calls: a recorded call is sent again as it was. */
const replayCommands: Record<string, new (input: never) => unknown> = {
  GetItem: GetItemCommand,
  Query: QueryCommand,
  BatchGetItem: BatchGetItemCommand,
  TransactGetItems: TransactGetItemsCommand,
  TransactWriteItems: TransactWriteItemsCommand,
  PutItem: PutItemCommand,
  UpdateItem: UpdateItemCommand,
  DeleteItem: DeleteItemCommand,
  BatchWriteItem: BatchWriteItemCommand,
};

/** One recorded call, sent again as the same low-level command (inputs are in wire form already). */
function sendRecorded(client: DynamoDBClient, call: RecordedCall): Promise<unknown> {
  const Command = Object.hasOwn(replayCommands, call.op) ? replayCommands[call.op] : undefined;
  if (!Command) return Promise.reject(new Error(`cannot replay ${call.op}`));
  // The input was captured from a command of this class; `send` is typed per class, the table is not.
  return client.send(new Command(call.input as never) as GetItemCommand);
}

/**
 * Groups a request's calls into steps: calls that overlapped in time ran concurrently in the handler
 * (Promise.all) and are replayed concurrently; the others one after the other.
 */
export function replayPlan(record: RequestRecord): RecordedCall[][] {
  const steps: RecordedCall[][] = [];
  let current: RecordedCall[] = [];
  let currentEnd = Number.NEGATIVE_INFINITY;
  for (const call of [...record.calls].sort((a, b) => a.startMs - b.startMs)) {
    if (current.length > 0 && call.startMs >= currentEnd) {
      steps.push(current);
      current = [];
    }
    current.push(call);
    currentEnd = Math.max(currentEnd, call.endMs);
  }
  if (current.length > 0) steps.push(current);
  return steps;
}

/** Replays one recorded request with the bare SDK client: the same calls, the same inputs. */
export async function replay(client: DynamoDBClient, plan: readonly RecordedCall[][]): Promise<void> {
  for (const step of plan) {
    await Promise.all(step.map((call) => sendRecorded(client, call)));
  }
}

/** Every item key a record writes (Put, Update, Delete, in transactions or not). */
export function writtenKeys(records: readonly RequestRecord[]): { pk: string; sk: string }[] {
  const seen = new Map<string, { pk: string; sk: string }>();
  const add = (key: unknown): void => {
    const k = key as { pk?: { S?: string }; sk?: { S?: string } } | undefined;
    const pk = k?.pk?.S;
    const sk = k?.sk?.S;
    if (pk !== undefined && sk !== undefined) seen.set(`${pk}\u0000${sk}`, { pk, sk });
  };
  for (const r of records) {
    for (const call of r.calls) {
      const input = call.input as Record<string, unknown>;
      if (call.op === 'TransactWriteItems') {
        const items = (input.TransactItems ?? []) as Record<string, { Item?: unknown; Key?: unknown }>[];
        for (const item of items) {
          add(item.Put?.Item);
          add(item.Update?.Key);
          add(item.Delete?.Key);
        }
      } else if (call.op === 'PutItem') {
        add(input.Item);
      } else if (call.op === 'UpdateItem' || call.op === 'DeleteItem') {
        add(input.Key);
      } else if (call.op === 'BatchWriteItem') {
        const byTable = (input.RequestItems ?? {}) as Record<
          string,
          { PutRequest?: { Item?: unknown }; DeleteRequest?: { Key?: unknown } }[]
        >;
        for (const requests of Object.values(byTable)) {
          for (const request of requests) {
            add(request.PutRequest?.Item);
            add(request.DeleteRequest?.Key);
          }
        }
      }
    }
  }
  return [...seen.values()];
}
