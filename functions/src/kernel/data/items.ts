import * as z from 'zod';
import { corruptItem } from './corrupt-item';

/**
 * Items come out of the table through a zod schema, never a cast: a malformed item is a loud error
 * naming the key (`CorruptItem`, answered 502 `corrupt_item`), not a silently wrong answer.
 */
export { CorruptItem } from './corrupt-item';

const KEY_ATTRIBUTES = new Set([
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
]);

/**
 * Whether `schema` can read an item as stored: a `z.object` that drops unknown keys (zod's default,
 * whose parser visits only its own keys) and names no key attribute, so its output is the same with or
 * without them. Copying the item without them cost ~20 µs per item (an inbox page parses 50).
 */
const readsAsStored = new WeakMap<z.ZodType, boolean>();
const asStored = (schema: z.ZodType): boolean => {
  let yes = readsAsStored.get(schema);
  if (yes === undefined) {
    yes =
      schema instanceof z.ZodObject &&
      schema.def.catchall === undefined &&
      !Object.keys(schema.shape).some((k) => KEY_ATTRIBUTES.has(k));
    readsAsStored.set(schema, yes);
  }
  return yes;
};

/** The entity attributes of an item (key and bookkeeping attributes removed), parsed with `schema`. */
export const parseItem = <S extends z.ZodType>(schema: S, item: Record<string, unknown>): z.output<S> => {
  let entity = item;
  if (!asStored(schema)) {
    entity = {};
    for (const [k, v] of Object.entries(item)) if (!KEY_ATTRIBUTES.has(k)) entity[k] = v;
  }
  const r = schema.safeParse(entity);
  if (!r.success) throw corruptItem(item, r.error);
  return r.data;
};

export const parseItems = <S extends z.ZodType>(
  schema: S,
  items: readonly Record<string, unknown>[] | undefined,
): z.output<S>[] => (items ?? []).map((i) => parseItem(schema, i));
