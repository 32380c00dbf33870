import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  type DynamoDBDocumentClient,
  GetCommand,
} from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import { type Condition, conditionInput } from './conditions';
import { parseItem } from './items';
import type { Page } from './pagination';
import {
  type IndexName,
  type PageQuery,
  queryAll,
  queryAllItems,
  queryCount,
  queryPage,
  type SortCondition,
} from './query';
import type { TxItem } from './transact';

/**
 * `defineEntity`: ONE declaration per item type — its key and index composition (from named
 * attributes), its zod schema, its item builder and its reads. Writing and reading call the same
 * partition functions, so a key format is never written twice (docs/data-model.md, docs/adr/0009).
 */

export interface TableRef {
  table: string;
  client: DynamoDBDocumentClient;
}

export interface Key {
  pk: string;
  sk: string;
}

/** Every key starts with the tenant, so no request can reach another tenant's items. */
export const tenantPrefix = (tenantId: string): string => `T#${tenantId}`;

/** Fixed-width numbers sort as strings. */
export const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * A sort key: a constant (`sortKey('UNIT')`) or a prefix and the named attributes after it
 * (`sortKey('EV#', (e: { seq: number }) => pad(e.seq, 8))`). The prefix lists the item type in a
 * shared partition (an item collection).
 */
export interface SortKey<A> {
  prefix: string;
  of(a: A): string;
}

export const sortKey: {
  (constant: string): SortKey<object>;
  <A>(prefix: string, rest: (a: A) => string): SortKey<A>;
} = <A>(prefix: string, rest?: (a: A) => string): SortKey<A> => ({
  prefix,
  of: rest ? (a) => `${prefix}${rest(a)}` : () => prefix,
});

/** A global secondary index of an entity: its partition from named attributes, its sort key from the item. */
export interface IndexKey<W, P> {
  index: IndexName;
  pk: (a: P) => string;
  sk: (item: W) => string;
  /** A sparse index holds the item only while this is true (e.g. an open session, a live nomination). */
  when?: (item: W) => boolean;
}

export interface EntityDefinition<T, W, P, S, I> {
  /** The `type` attribute of every item (never read back: the key says what an item is). */
  type: string;
  /** What a read returns, parsed (never cast). */
  schema: z.ZodType<T>;
  pk: (a: P) => string;
  sk: SortKey<S>;
  indexes?: { [K in keyof I]: IndexKey<W, I[K]> };
  /** The attributes stored for `w` (default: all of it); key context such as a list's owner stays out. */
  attributes?: (w: W) => object;
  /** Bookkeeping beside the attributes (a TTL); never part of what is read. */
  extra?: (w: W) => Record<string, unknown>;
  /**
   * For items most requests read and few change (a campaign, read by every save for its live rules):
   * a `get` whose item is byte for byte the one parsed before returns that parse, deep-frozen so no
   * request can change what the next one reads, instead of parsing it again (docs/adr/0026).
   */
  reuseParse?: boolean;
}

/** Reading options of one Query. */
export interface QueryOptions {
  sort?: SortCondition;
  descending?: boolean;
  consistent?: boolean;
}

export interface PageOptions extends QueryOptions {
  limit: number;
  cursor?: string | undefined;
}

/** Structured updates: `SET` values and `ADD` numbers, each attribute named once. */
export interface Change {
  set?: Record<string, unknown>;
  add?: Record<string, number>;
}

type Where<I> = 'primary' | keyof I;
type PartitionOf<P, I, K> = K extends keyof I ? I[K] : P;

/** The entity's operations on one table. */
export interface BoundEntity<T, P, S, I> {
  get(key: P & S, options?: { consistent?: boolean }): Promise<T | undefined>;
  /** Several items by key in BatchGetItem calls of 100 keys (unprocessed keys are asked again). */
  getMany(keys: readonly (P & S)[], options?: { consistent?: boolean }): Promise<T[]>;
  /**
   * One page of a Query on the entity's own partition (sort key prefix of the entity unless `sort` says
   * otherwise) or on one of its indexes.
   */
  page<K extends Where<I>>(where: K, partition: PartitionOf<P, I, K>, options: PageOptions): Promise<Page<T>>;
  /** Every page (bounded lists only). */
  all<K extends Where<I>>(
    where: K,
    partition: PartitionOf<P, I, K>,
    options?: QueryOptions & { limit?: number },
  ): Promise<T[]>;
  /** How many items the same key condition matches (narrow lists only: reads every match). */
  count<K extends Where<I>>(
    where: K,
    partition: PartitionOf<P, I, K>,
    options?: QueryOptions,
  ): Promise<number>;
}

export interface Entity<T, W, P, S, I> {
  readonly type: string;
  readonly schema: z.ZodType<T>;
  partition(a: P): string;
  sortKey: SortKey<S>;
  key(a: P & S): Key;
  /** The partition of an index, from the same function that writes it. */
  indexPartition<K extends keyof I>(index: K, a: I[K]): string;
  /** The whole item: keys, index keys (sparse ones only when they apply), `type`, attributes. */
  item(w: W): Record<string, unknown>;
  /**
   * THE parse point of every item this entity reads: the entity attributes through the schema. A
   * malformed item throws `CorruptItem` (items.ts) naming its key.
   */
  parse(raw: Record<string, unknown>): T;
  /** The Put of `w`; a condition asks for the current item when it fails (`ALL_OLD`). */
  put(table: string, w: W, condition?: Condition): TxItem;
  update(table: string, key: P & S, change: Change, condition?: Condition): TxItem;
  delete(table: string, key: P & S, condition?: Condition): TxItem;
  on(ref: TableRef): BoundEntity<T, P, S, I>;
}

// biome-ignore lint/suspicious/noExplicitAny: any entity, whatever its types (collections mix them)
type AnyEntity = Entity<any, any, any, any, any>;

const BATCH_GET_MAX = 100;
const BATCH_GET_ATTEMPTS = 5;

const withCondition = (condition: Condition | undefined) =>
  condition ? { ...conditionInput(condition), ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const } : {};

/** `SET #a = :set_a, ... ADD #b :add_b, ...` with every name and value as a placeholder. */
const updateInput = (change: Change) => {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  const adds: string[] = [];
  for (const [attribute, value] of Object.entries(change.set ?? {})) {
    names[`#${attribute}`] = attribute;
    values[`:set_${attribute}`] = value;
    sets.push(`#${attribute} = :set_${attribute}`);
  }
  for (const [attribute, delta] of Object.entries(change.add ?? {})) {
    names[`#${attribute}`] = attribute;
    values[`:add_${attribute}`] = delta;
    adds.push(`#${attribute} :add_${attribute}`);
  }
  const parts = [sets.length ? `SET ${sets.join(', ')}` : '', adds.length ? `ADD ${adds.join(', ')}` : ''];
  return {
    UpdateExpression: parts.filter((p) => p !== '').join(' '),
    names,
    values,
  };
};

const REUSED_PARSES_MAX = 200;

const deepFreeze = <V>(value: V): V => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
};

/** The last parse of each item (by key), kept with the item's JSON: the same bytes give the same value. */
const reusedParses = <T>(parse: (raw: Record<string, unknown>) => T) => {
  const parsed = new Map<string, { bytes: string; value: T }>();
  return (raw: Record<string, unknown>): T => {
    const key = `${String(raw.pk)}\n${String(raw.sk)}`;
    const bytes = JSON.stringify(raw);
    const hit = parsed.get(key);
    if (hit?.bytes === bytes) return hit.value;
    const value = deepFreeze(parse(raw));
    if (parsed.size >= REUSED_PARSES_MAX) parsed.clear();
    parsed.set(key, { bytes, value });
    return value;
  };
};

export const defineEntity = <T, P, S, I = Record<never, never>, W extends P & S = T & P & S>(
  def: EntityDefinition<T, W, P, S, I>,
): Entity<T, W, P, S, I> => {
  const indexes = Object.entries(def.indexes ?? {}) as [string, IndexKey<W, unknown>][];
  const indexOf = (name: PropertyKey): IndexKey<W, unknown> => {
    const found = indexes.find(([n]) => n === name);
    if (!found) throw new Error(`${def.type}: no index ${String(name)}`);
    return found[1];
  };
  const key = (a: P & S): Key => ({ pk: def.pk(a), sk: def.sk.of(a) });
  const parse = (raw: Record<string, unknown>): T => parseItem(def.schema, raw) as T;
  const parseRead = def.reuseParse ? reusedParses(parse) : parse;
  const item = (w: W): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...key(w) };
    for (const [, ix] of indexes) {
      if (ix.when && !ix.when(w)) continue;
      out[`${ix.index}pk`] = ix.pk(w);
      out[`${ix.index}sk`] = ix.sk(w);
    }
    return { ...out, type: def.type, ...(def.attributes ? def.attributes(w) : w), ...def.extra?.(w) };
  };

  const entity: Entity<T, W, P, S, I> = {
    type: def.type,
    schema: def.schema,
    partition: def.pk,
    sortKey: def.sk,
    key,
    indexPartition: (name, a) => indexOf(name).pk(a),
    item,
    parse,
    put: (table, w, condition) => ({ Put: { TableName: table, Item: item(w), ...withCondition(condition) } }),
    update(table, k, change, condition) {
      const u = updateInput(change);
      const c = condition ? conditionInput(condition) : undefined;
      const names = { ...u.names, ...c?.ExpressionAttributeNames };
      const values = { ...u.values, ...c?.ExpressionAttributeValues };
      return {
        Update: {
          TableName: table,
          Key: key(k),
          UpdateExpression: u.UpdateExpression,
          ...(c ? { ConditionExpression: c.ConditionExpression } : {}),
          ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
          ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
          ...(c ? { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const } : {}),
        },
      };
    },
    delete: (table, k, condition) => ({
      Delete: { TableName: table, Key: key(k), ...withCondition(condition) },
    }),
    on: ({ table, client }) => {
      const source = (where: PropertyKey, a: unknown, options: QueryOptions): Omit<PageQuery, 'limit'> => {
        if (where === 'primary') {
          return {
            table,
            partition: def.pk(a as P),
            sort: options.sort ?? { beginsWith: def.sk.prefix },
            ...(options.descending ? { descending: true } : {}),
            ...(options.consistent ? { consistent: true } : {}),
          };
        }
        const ix = indexOf(where);
        return {
          table,
          index: ix.index,
          partition: ix.pk(a),
          ...(options.sort ? { sort: options.sort } : {}),
          ...(options.descending ? { descending: true } : {}),
        };
      };
      return {
        async get(k, options = {}) {
          const r = await client.send(
            new GetCommand({
              TableName: table,
              Key: key(k),
              ...(options.consistent ? { ConsistentRead: true } : {}),
            }),
          );
          return r.Item ? parseRead(r.Item) : undefined;
        },
        async getMany(keys, options = {}) {
          const out: T[] = [];
          const unique = [...new Map(keys.map((k) => [JSON.stringify(key(k)), key(k)])).values()];
          const consistent = options.consistent ? { ConsistentRead: true } : {};
          for (let i = 0; i < unique.length; i += BATCH_GET_MAX) {
            let left: Record<string, unknown>[] | undefined = unique
              .slice(i, i + BATCH_GET_MAX)
              .map((k) => ({ ...k }));
            for (let attempt = 0; left && left.length > 0 && attempt < BATCH_GET_ATTEMPTS; attempt++) {
              const r: BatchGetCommandOutput = await client.send(
                new BatchGetCommand({ RequestItems: { [table]: { Keys: left, ...consistent } } }),
              );
              for (const raw of r.Responses?.[table] ?? []) out.push(parse(raw));
              left = r.UnprocessedKeys?.[table]?.Keys;
            }
          }
          return out;
        },
        page: (where, a, options) =>
          queryPage(client, def.schema, {
            ...source(where, a, options),
            limit: options.limit,
            cursor: options.cursor,
          }) as Promise<Page<T>>,
        all: (where, a, options = {}) =>
          queryAll(client, def.schema, {
            ...source(where, a, options),
            ...(options.limit ? { limit: options.limit } : {}),
          }) as Promise<T[]>,
        count: (where, a, options = {}) => queryCount(client, source(where, a, options)),
      };
    },
  };
  return entity;
};

/**
 * One Query over a partition that several entities share (a collection: a completeness roll-up's
 * counters and cells): each item is parsed by the member whose sort key prefix it carries.
 */
export const readCollection = async <M extends Record<string, Pick<AnyEntity, 'sortKey' | 'parse'>>>(
  ref: TableRef,
  partition: string,
  members: M,
): Promise<{ [K in keyof M]: ReturnType<M[K]['parse']>[] }> => {
  const out: Record<string, unknown[]> = {};
  const byPrefix = Object.entries(members).sort(
    ([, a], [, b]) => b.sortKey.prefix.length - a.sortKey.prefix.length,
  );
  for (const [name] of byPrefix) out[name] = [];
  for (const raw of await queryAllItems(ref.client, { table: ref.table, partition, consistent: false })) {
    const sk = String(raw.sk);
    const member = byPrefix.find(([, m]) => sk.startsWith(m.sortKey.prefix));
    if (!member) throw new Error(`collection ${partition}: no entity for sort key ${sk}`);
    out[member[0]]?.push(member[1].parse(raw));
  }
  return out as { [K in keyof M]: ReturnType<M[K]['parse']>[] };
};

/**
 * A tenant's setting (its MFA policy, the secretariat's contact, how its decisions are signed): one item
 * of the tenant's settings partition (`T#<tenant>#SETTINGS`) under the setting's own sort key.
 */
export const tenantSettingEntity = <T extends { tenantId: string }>(
  type: string,
  schema: z.ZodType<T>,
  sk: string,
) =>
  defineEntity({
    type,
    schema,
    pk: (s: { tenantId: string }) => `${tenantPrefix(s.tenantId)}#SETTINGS`,
    sk: sortKey(sk),
  });
