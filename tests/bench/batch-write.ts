import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { emulatorClients } from '@thidua/functions/local/clients';
import type { Platform } from '@thidua/functions/local/platform';

/**
 * Fast bulk writes for seeding and restoring: BatchWriteItem (25 requests per call) with several calls
 * in flight, unprocessed items retried with a short backoff. Not a request path: handlers never batch-write.
 */
export type WriteRequest =
  | { PutRequest: { Item: Record<string, unknown> } }
  | { DeleteRequest: { Key: Record<string, unknown> } };

const BATCH = 25;

export interface BatchWriterOptions {
  client: DynamoDBDocumentClient;
  table: string;
  /** Calls in flight. */
  parallel?: number;
}

export interface BatchWriter {
  put(item: Record<string, unknown>): Promise<void>;
  delete(key: { pk: string; sk: string }): Promise<void>;
  /** Waits until everything queued is written. */
  flush(): Promise<void>;
  readonly written: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function batchWriter(options: BatchWriterOptions): BatchWriter {
  const parallel = options.parallel ?? 12;
  let pending: WriteRequest[] = [];
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  let written = 0;

  const send = async (requests: WriteRequest[]): Promise<void> => {
    let left = requests;
    for (let attempt = 0; left.length > 0; attempt++) {
      if (attempt > 20) throw new Error(`BatchWriteItem: ${left.length} items still unprocessed`);
      if (attempt > 0) await sleep(Math.min(500, 10 * 2 ** attempt));
      const r = await options.client.send(new BatchWriteCommand({ RequestItems: { [options.table]: left } }));
      const unprocessed = r.UnprocessedItems?.[options.table] as WriteRequest[] | undefined;
      written += left.length - (unprocessed?.length ?? 0);
      left = unprocessed ?? [];
    }
  };

  const dispatch = async (requests: WriteRequest[]): Promise<void> => {
    while (inFlight.size >= parallel) await Promise.race(inFlight);
    if (failure) throw failure;
    const p: Promise<void> = send(requests)
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  };

  const enqueue = async (request: WriteRequest): Promise<void> => {
    if (failure) throw failure;
    pending.push(request);
    if (pending.length >= BATCH) {
      const chunk = pending;
      pending = [];
      await dispatch(chunk);
    }
  };

  return {
    put: (item) => enqueue({ PutRequest: { Item: item } }),
    delete: (key) => enqueue({ DeleteRequest: { Key: { pk: key.pk, sk: key.sk } } }),
    async flush() {
      if (pending.length > 0) {
        const chunk = pending;
        pending = [];
        await dispatch(chunk);
      }
      await Promise.all(inFlight);
      if (failure) throw failure;
    },
    get written() {
      return written;
    },
  };
}

/** The seeding writer of a platform's table (12 calls in flight), and how to close its clients. */
export function platformWriter(platform: Platform): { writer: BatchWriter; destroy(): void } {
  const admin = emulatorClients(platform);
  const doc = DynamoDBDocumentClient.from(admin.dynamo, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return {
    writer: batchWriter({ client: doc, table: platform.tableName, parallel: 12 }),
    destroy: () => admin.destroy(),
  };
}
