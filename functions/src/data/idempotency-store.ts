import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { parseItem } from './items';
import { keys } from './keys';
import type { TxItem } from './transact';

/** How long a first answer is kept for replays (DynamoDB TTL attribute `ttl`, epoch seconds). */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

export const StoredResponse = z.object({
  fingerprint: z.string(),
  statusCode: z.number().int(),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
  createdAt: z.string(),
});
export type StoredResponse = z.infer<typeof StoredResponse>;

export interface IdempotencyStore {
  find(tenantId: string, userId: string, key: string): Promise<StoredResponse | undefined>;
  /** The Put that records the first answer, added to the write's own transaction (condition: new key). */
  recordItem(
    tenantId: string,
    userId: string,
    key: string,
    response: Omit<StoredResponse, 'createdAt'>,
    now: Date,
  ): TxItem;
}

export const createIdempotencyStore = ({
  table,
  client,
}: {
  table: string;
  client: DynamoDBDocumentClient;
}): IdempotencyStore => ({
  async find(tenantId, userId, key) {
    const r = await client.send(
      new GetCommand({
        TableName: table,
        Key: keys.idempotency(tenantId, userId, key),
        ConsistentRead: true,
      }),
    );
    return r.Item ? parseItem(StoredResponse, r.Item) : undefined;
  },
  recordItem(tenantId, userId, key, response, now) {
    return {
      Put: {
        TableName: table,
        Item: {
          ...keys.idempotency(tenantId, userId, key),
          type: 'Idempotency',
          ...response,
          createdAt: now.toISOString(),
          ttl: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  },
});
