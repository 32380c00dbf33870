import type { Key } from './entity';
import type { TxItem } from './transact';

/**
 * Unconditioned `ADD`s of numbers to one item (the completeness counters). Each built item remembers
 * its structure, so transactions that bump the same counters can be merged without reading the
 * expression back.
 */
interface CounterUpdate {
  table: string;
  key: Key;
  deltas: ReadonlyMap<string, number>;
}

const structureOf = new WeakMap<TxItem, CounterUpdate>();

export const counterUpdate = (table: string, key: Key, deltas: ReadonlyMap<string, number>): TxItem => {
  const names: Record<string, string> = {};
  const values: Record<string, number> = {};
  const parts: string[] = [];
  for (const [attribute, delta] of deltas) {
    const i = parts.length;
    names[`#c${i}`] = attribute;
    values[`:c${i}`] = delta;
    parts.push(`#c${i} :c${i}`);
  }
  const item: TxItem = {
    Update: {
      TableName: table,
      Key: { ...key },
      UpdateExpression: `ADD ${parts.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
  structureOf.set(item, { table, key, deltas });
  return item;
};

/**
 * Several submissions' changes in ONE transaction (a batch moving its members) may each bump the same
 * completeness counters — siblings share their parent's `#COUNTS` — and DynamoDB refuses a transaction
 * that touches one item twice. The counter updates of one item are merged into one `ADD` of the summed
 * deltas, at the place of the first; every other item passes unchanged, in order.
 */
export const mergeCounterUpdates = (items: readonly TxItem[]): TxItem[] => {
  const out: TxItem[] = [];
  const merged = new Map<string, { at: number; table: string; key: Key; deltas: Map<string, number> }>();
  for (const item of items) {
    const counter = structureOf.get(item);
    if (counter === undefined) {
      out.push(item);
      continue;
    }
    const id = JSON.stringify([counter.table, counter.key.pk, counter.key.sk]);
    let m = merged.get(id);
    if (m === undefined) {
      m = { at: out.length, table: counter.table, key: counter.key, deltas: new Map() };
      merged.set(id, m);
      out.push(item);
    }
    for (const [attribute, delta] of counter.deltas) {
      m.deltas.set(attribute, (m.deltas.get(attribute) ?? 0) + delta);
    }
  }
  for (const m of merged.values()) out[m.at] = counterUpdate(m.table, m.key, m.deltas);
  return out;
};

/** The deltas of a counter update built by `counterUpdate` (undefined for any other item). */
export const counterDeltas = (item: TxItem): ReadonlyMap<string, number> | undefined =>
  structureOf.get(item)?.deltas;
