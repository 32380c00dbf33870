import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';

/**
 * Lambda's DynamoDB event source mapping, played by the local platform: it reads DynamoDB Local's stream
 * of the table (every shard, from the oldest record kept) and hands each batch to the SAME handler
 * module Lambda would invoke, with the same event shape (`Records[].dynamodb.NewImage` as AttributeValues,
 * `eventSource: 'aws:dynamodb'`). A batch the handler reports as failed (ReportBatchItemFailures) is
 * given again from the failed record, with a growing pause, as Lambda's retries do.
 */
export interface StreamConsumer {
  /** Reads what the stream has now and delivers it; resolves once delivered (tests call it to wait). */
  drain(): Promise<number>;
  /** Every batch handed to the handler so far (tests replay them to show delivery happens once). */
  readonly batches: readonly { Records: unknown[] }[];
  stop(): Promise<void>;
}

type Handler = (event: {
  Records: unknown[];
}) => Promise<{ batchItemFailures?: { itemIdentifier: string }[] } | unknown>;

export interface StreamConsumerOptions {
  dynamo: DynamoDBClient;
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  tableName: string;
  /** Loads the handler module on first use (after the platform set the handlers' environment). */
  handler: () => Promise<Handler>;
  pollMs?: number;
  log?: (line: string) => void;
}

const MAX_KEPT_BATCHES = 200;
const SHARD_REFRESH_MS = 10_000;

export async function startStreamConsumer(options: StreamConsumerOptions): Promise<StreamConsumer> {
  const log = options.log ?? (() => undefined);
  const streams = new DynamoDBStreamsClient({
    endpoint: options.endpoint,
    region: options.region,
    credentials: options.credentials,
  });
  const described = await options.dynamo.send(new DescribeTableCommand({ TableName: options.tableName }));
  const streamArn = described.Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`table ${options.tableName} has no stream`);
  const iterators = new Map<string, string | undefined>();
  const batches: { Records: unknown[] }[] = [];
  let stopped = false;
  let draining: Promise<number> | undefined;

  // DescribeStream on DynamoDB Local reads every shard its database has held, the deleted tables' too, so on
  // a test run's shared JVM it costs more with each file (docs/testing.md; the run now starts a fresh JVM
  // every few files). The shards are read again only
  // when one closed (DynamoDB Local rolls them over; the successor is new), when a caller drains, and every
  // 10 s besides.
  let shardsStale = true;
  let shardsReadAt = Number.NEGATIVE_INFINITY;
  const refreshShards = async () => {
    if (!shardsStale && performance.now() - shardsReadAt < SHARD_REFRESH_MS) return;
    const shards = (await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }))).StreamDescription
      ?.Shards;
    shardsStale = false;
    shardsReadAt = performance.now();
    for (const shard of shards ?? []) {
      if (!shard.ShardId || iterators.has(shard.ShardId)) continue;
      const it = await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shard.ShardId,
          ShardIteratorType: 'TRIM_HORIZON',
        }),
      );
      iterators.set(shard.ShardId, it.ShardIterator);
    }
  };

  const deliver = async (records: StreamRecord[]): Promise<void> => {
    const handler = await options.handler();
    let pending = records.map((r) => ({ ...r, eventSource: 'aws:dynamodb', awsRegion: options.region }));
    for (let attempt = 0; pending.length > 0 && !stopped; attempt++) {
      const event = { Records: pending };
      batches.push(event);
      if (batches.length > MAX_KEPT_BATCHES) batches.shift();
      const out = (await handler(event)) as { batchItemFailures?: { itemIdentifier: string }[] } | undefined;
      const failed = out?.batchItemFailures?.[0]?.itemIdentifier;
      if (failed === undefined) return;
      const at = pending.findIndex((r) => r.dynamodb?.SequenceNumber === failed);
      pending = at < 0 ? [] : pending.slice(at);
      log(`stream consumer: batch failed at ${failed}; retrying (${attempt + 1})`);
      await new Promise((r) => setTimeout(r, Math.min(5_000, 200 * 2 ** attempt)));
    }
  };

  const drainOnce = async (): Promise<number> => {
    await refreshShards();
    let delivered = 0;
    for (const [shardId, iterator] of iterators) {
      let it = iterator;
      while (it && !stopped) {
        const r = await streams.send(new GetRecordsCommand({ ShardIterator: it }));
        it = r.NextShardIterator;
        iterators.set(shardId, it);
        if (!it) shardsStale = true;
        const records = r.Records ?? [];
        if (records.length === 0) break;
        await deliver(records);
        delivered += records.length;
      }
    }
    return delivered;
  };

  // One drain at a time: a poll and a test's drain share it.
  const drain = (): Promise<number> => {
    draining ??= drainOnce().finally(() => {
      draining = undefined;
    });
    return draining;
  };

  const poll = async () => {
    while (!stopped) {
      try {
        await drain();
      } catch (err) {
        if (!stopped) log(`stream consumer: ${String(err)}`);
      }
      await new Promise((r) => setTimeout(r, options.pollMs ?? 300).unref());
    }
  };
  void poll();

  return {
    batches,
    async drain() {
      // What was written before the call: a drain already under way may have read past it, so run again,
      // with the shards read again (a write may have opened one).
      await drain();
      shardsStale = true;
      return drain();
    },
    async stop() {
      stopped = true;
      await draining?.catch(() => undefined);
      streams.destroy();
    },
  };
}
