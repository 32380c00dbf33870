import type { z } from 'zod';
import { corruptItem } from './corrupt-item';

/**
 * Items come out of the table through a zod schema, never a cast: a malformed item is a loud error
 * naming the key (`CorruptItem`, answered 502 `corrupt_item`), not a silently wrong answer.
 */
export { CorruptItem } from './corrupt-item';

const KEY_ATTRIBUTES = [
  'pk',
  'sk',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'gsi3pk',
  'gsi3sk',
  'gsi4pk',
  'gsi4sk',
  'type',
  'ttl',
];

/** The entity attributes of an item (key and bookkeeping attributes removed), parsed with `schema`. */
export const parseItem = <S extends z.ZodType>(schema: S, item: Record<string, unknown>): z.output<S> => {
  const entity: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!KEY_ATTRIBUTES.includes(k)) entity[k] = v;
  const r = schema.safeParse(entity);
  if (!r.success) throw corruptItem(item, r.error);
  return r.data;
};

export const parseItems = <S extends z.ZodType>(
  schema: S,
  items: readonly Record<string, unknown>[] | undefined,
): z.output<S>[] => (items ?? []).map((i) => parseItem(schema, i));
