import * as z from 'zod';
import { InvalidCursor } from './errors';

/** One page of a list; `nextCursor` is opaque to clients and null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const LastKey = z.record(z.string(), z.string());

/** A cursor is the query's LastEvaluatedKey (all our keys are strings), base64url JSON. */
export const encodeCursor = (lastKey: Record<string, unknown> | undefined): string | null =>
  lastKey ? Buffer.from(JSON.stringify(lastKey), 'utf8').toString('base64url') : null;

/**
 * Decodes a cursor and checks that it continues the same query (same partition attribute and value):
 * a forged cursor must neither reach another partition nor make DynamoDB fail with a 500.
 */
export const decodeCursor = (
  cursor: string | undefined,
  partition: { attribute: string; value: string },
  allowedAttributes: readonly string[],
): Record<string, string> | undefined => {
  if (cursor === undefined) return undefined;
  const invalid = (): never => {
    throw new InvalidCursor();
  };
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return invalid();
  }
  const r = LastKey.safeParse(decoded);
  if (!r.success) return invalid();
  const key = r.data;
  const names = Object.keys(key);
  if (key[partition.attribute] !== partition.value) return invalid();
  if (names.length !== allowedAttributes.length || !names.every((n) => allowedAttributes.includes(n))) {
    return invalid();
  }
  return key;
};
