import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import { parseItems } from './items';
import { decodeCursor, encodeCursor, type Page } from './pagination';

export type IndexName = 'gsi1' | 'gsi2' | 'gsi3';

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

/**
 * One Query on one partition with a key condition: the only way lists are read (never a Scan, never a
 * filter expression). Items are parsed with `schema`; the cursor continues the same partition only.
 */
export const queryPage = async <S extends z.ZodType>(
  client: DynamoDBDocumentClient,
  schema: S,
  q: PageQuery,
): Promise<Page<z.output<S>>> => {
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
  const keyAttributes = q.index ? [pkName, skName, 'pk', 'sk'] : ['pk', 'sk'];
  const r = await client.send(
    new QueryCommand({
      TableName: q.table,
      ...(q.index ? { IndexName: q.index } : {}),
      KeyConditionExpression: condition,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      Limit: q.limit,
      ScanIndexForward: !q.descending,
      ...(q.consistent && !q.index ? { ConsistentRead: true } : {}),
      ExclusiveStartKey: decodeCursor(q.cursor, { attribute: pkName, value: q.partition }, keyAttributes),
    }),
  );
  return { items: parseItems(schema, r.Items), nextCursor: encodeCursor(r.LastEvaluatedKey) };
};

/** Every page of a query (bounded lists only: a subtree's children, a submission's history). */
export const queryAll = async <S extends z.ZodType>(
  client: DynamoDBDocumentClient,
  schema: S,
  q: Omit<PageQuery, 'limit' | 'cursor'> & { limit?: number },
): Promise<z.output<S>[]> => {
  const out: z.output<S>[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryPage(client, schema, { ...q, limit: q.limit ?? 500, cursor });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return out;
};
