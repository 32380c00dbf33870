import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { CorruptItem, parseItem } from './items';

const key = {
  pk: 'T#t1#SUB#s1',
  sk: 'SUB',
  gsi1pk: 'T#t1#INBOX#u1',
  gsi1sk: '2026',
  type: 'Submission',
  ttl: 1,
};

describe('parseItem', () => {
  const Plain = z.object({ id: z.string(), n: z.number().optional(), note: z.string().nullable() });

  it('gives a plain object schema the same value whether the key attributes are there or not', () => {
    fc.assert(
      fc.property(
        fc.record({
          id: fc.string(),
          n: fc.option(fc.integer(), { nil: undefined }),
          note: fc.option(fc.string()),
        }),
        (attributes) => {
          const withKeys = parseItem(Plain, { ...key, ...attributes });
          expect(withKeys).toEqual(parseItem(Plain, { ...attributes }));
          expect(Object.keys(withKeys).some((k) => k in key)).toBe(false);
        },
      ),
    );
  });

  it('keeps the key attributes out of a record, a loose object and a schema that names one of them', () => {
    const Counts = z.record(z.string(), z.unknown());
    expect(parseItem(Counts, { ...key, n_draft: 2 })).toEqual({ n_draft: 2 });
    const Loose = z.looseObject({ id: z.string() });
    expect(parseItem(Loose, { ...key, id: 'a', extra: 1 })).toEqual({ id: 'a', extra: 1 });
    // `type` is a key attribute: the schema's own `type` is never the stored one.
    const Typed = z.object({ id: z.string(), type: z.string().optional() });
    expect(parseItem(Typed, { ...key, id: 'a' })).toEqual({ id: 'a' });
  });

  it('throws CorruptItem naming the key when the item does not match', () => {
    expect(() => parseItem(Plain, { ...key, id: 7, note: null })).toThrowError(CorruptItem);
    expect(() => parseItem(Plain, { ...key, id: 7, note: null })).toThrowError(/T#t1#SUB#s1\/SUB/);
  });
});
