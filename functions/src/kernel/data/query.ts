import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import { InvalidCursor } from './errors';
import { parseItems } from './items';
import { decodeCursor, encodeCursor, type Page } from './pagination';

export type IndexName = 'gsi1' | 'gsi2' | 'gsi3' | 'gsi4';

/** A sort-key condition: everything a list filter may become. */
export type SortCondition =
  | { beginsWith: string }
  | { lessThan: string }
  | { between: [string, string] }
  | undefined;

export interface PageQuery {
  table: string;
  index?: IndexName | undefined;
  partition: string;
  sort?: SortCondition;
  limit: number;
  cursor?: string | undefined;
  /** Newest first where sort keys grow with time. */
  descending?: boolean;
  consistent?: boolean;
}

/** The key condition of a query: its partition and its sort condition, every name and value a placeholder. */
const keyCondition = (q: Pick<PageQuery, 'table' | 'index' | 'partition' | 'sort'>) => {
  const pkName = q.index ? `${q.index}pk` : 'pk';
  const skName = q.index ? `${q.index}sk` : 'sk';
  const names: Record<string, string> = { '#pk': pkName };
  const values: Record<string, unknown> = { ':pk': q.partition };
  let condition = '#pk = :pk';
  if (q.sort) {
    names['#sk'] = skName;
    if ('beginsWith' in q.sort) {
      if (q.sort.beginsWith !== '') {
        condition += ' AND begins_with(#sk, :sk)';
        values[':sk'] = q.sort.beginsWith;
      }
    } else if ('lessThan' in q.sort) {
      condition += ' AND #sk < :sk';
      values[':sk'] = q.sort.lessThan;
    } else {
      condition += ' AND #sk BETWEEN :a AND :b';
      values[':a'] = q.sort.between[0];
      values[':b'] = q.sort.between[1];
    }
    if (!condition.includes('#sk')) delete names['#sk'];
  }
  const input = {
    TableName: q.table,
    ...(q.index ? { IndexName: q.index } : {}),
    KeyConditionExpression: condition,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
  return { pkName, skName, input };
};

/**
 * How many items a key condition matches (`Select: COUNT`, every page): for narrow lists only — one
 * author unit's entries, the overdue ones — where a maintained counter cannot follow (time passes).
 */
export const queryCount = async (
  client: DynamoDBDocumentClient,
  q: Pick<PageQuery, 'table' | 'index' | 'partition' | 'sort'>,
): Promise<number> => {
  const { input } = keyCondition(q);
  let total = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const r = await client.send(new QueryCommand({ ...input, Select: 'COUNT', ExclusiveStartKey: start }));
    total += r.Count ?? 0;
    start = r.LastEvaluatedKey;
  } while (start !== undefined);
  return total;
};

/**
 * One Query on one partition with a key condition: the only way lists are read (never a Scan, never a
 * filter expression). Items are parsed with `schema`; the cursor continues the same partition only.
 */
export const queryPage = async <S extends z.ZodType>(
  client: DynamoDBDocumentClient,
  schema: S,
  q: PageQuery,
): Promise<Page<z.output<S>>> => {
  const page = await queryItemsPage(client, q);
  return { items: parseItems(schema, page.items), nextCursor: page.nextCursor };
};

/** The same Query, its items as stored (keys included): for readers of several item types at once. */
const queryItemsPage = async (
  client: DynamoDBDocumentClient,
  q: PageQuery,
): Promise<Page<Record<string, unknown>>> => {
  const { pkName, skName, input } = keyCondition(q);
  const keyAttributes = q.index ? [pkName, skName, 'pk', 'sk'] : ['pk', 'sk'];
  const start = decodeCursor(q.cursor, { attribute: pkName, value: q.partition }, keyAttributes);
  // DynamoDB refuses a start key outside the key condition or over its key size limits with a
  // ValidationException: a forged cursor must be the caller's 400, not our 500.
  if (start && !cursorFits(start[skName], q.sort, start)) throw new InvalidCursor();
  const r = await client
    .send(
      new QueryCommand({
        ...input,
        Limit: q.limit,
        ScanIndexForward: !q.descending,
        ...(q.consistent && !q.index ? { ConsistentRead: true } : {}),
        ExclusiveStartKey: start,
      }),
    )
    .catch((err: unknown) => {
      if (start && (err as { name?: string }).name === 'ValidationException') throw new InvalidCursor();
      throw err;
    });
  return { items: r.Items ?? [], nextCursor: encodeCursor(r.LastEvaluatedKey) };
};

const MAX_SORT_KEY_BYTES = 1024;
const MAX_PARTITION_KEY_BYTES = 2048;

const cursorFits = (sk: string | undefined, sort: SortCondition, key: Record<string, string>): boolean => {
  if (sk === undefined) return false;
  for (const [name, value] of Object.entries(key)) {
    const limit = name.endsWith('sk') ? MAX_SORT_KEY_BYTES : MAX_PARTITION_KEY_BYTES;
    if (value === '' || Buffer.byteLength(value, 'utf8') > limit) return false;
  }
  if (!sort) return true;
  if ('beginsWith' in sort) return sk.startsWith(sort.beginsWith);
  if ('lessThan' in sort) return sk < sort.lessThan;
  return sk >= sort.between[0] && sk <= sort.between[1];
};

/** Every page of a query (bounded lists only: a subtree's children, a submission's history). */
export const queryAll = async <S extends z.ZodType>(
  client: DynamoDBDocumentClient,
  schema: S,
  q: Omit<PageQuery, 'limit' | 'cursor'> & { limit?: number },
): Promise<z.output<S>[]> => parseItems(schema, await queryAllItems(client, q));

/** Every page of a query, its items as stored. */
export const queryAllItems = async (
  client: DynamoDBDocumentClient,
  q: Omit<PageQuery, 'limit' | 'cursor'> & { limit?: number },
): Promise<Record<string, unknown>[]> => {
  const out: Record<string, unknown>[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryItemsPage(client, { ...q, limit: q.limit ?? 500, cursor });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return out;
};
