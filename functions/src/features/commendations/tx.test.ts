import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TxItem } from '../../kernel/data/transact';
import type { AuditChange, AuditLog } from '../audit/chains';
import { actItems, MAX_TX_ITEMS, packGroups } from './tx';

describe('packGroups', () => {
  it('never splits a group, never exceeds the limit, keeps every item in order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 40 }), (sizes) => {
        let n = 0;
        const groups = sizes.map((size) => Array.from({ length: size }, () => n++));
        const txs = packGroups(groups, MAX_TX_ITEMS);
        expect(txs.flat()).toEqual(groups.flat());
        for (const tx of txs) expect(tx.length).toBeLessThanOrEqual(MAX_TX_ITEMS);
        // A group's items always land in one transaction.
        for (const g of groups)
          expect(txs.filter((tx) => g.some((x) => tx.includes(x))).length).toBe(g.length ? 1 : 0);
        // Greedy: two neighbouring transactions could not have been merged.
        for (let i = 1; i < txs.length; i++)
          expect((txs[i - 1]?.length ?? 0) + (txs[i]?.length ?? 0)).toBeGreaterThan(MAX_TX_ITEMS);
      }),
      { numRuns: 500 },
    );
  });
  it('refuses a group larger than one transaction', () => {
    expect(() => packGroups([Array.from({ length: 101 }, (_, i) => i)])).toThrow();
  });
});

describe('actItems', () => {
  const change = (summary: string): AuditChange => ({
    kind: 'batch',
    subject: { tenantId: 't', id: 'b' } as never,
    action: 'created',
    summary,
  });
  const put = (name: string): TxItem => ({ Put: { TableName: 'table', Item: { name } } });
  const audit: AuditLog = {
    record: async (_actor, ...changes) => changes.map((c) => put(`audit:${c.summary}`)),
  };
  const actor = { userId: 'u', name: 'U', roles: [], unitId: null };

  it('writes the effect, then the sealed answer, then every audit event, in one list', async () => {
    const items = await actItems({ audit }, actor, (r: string) => [put(`seal:${r}`)], {
      effect: [put('effect:1'), put('effect:2')],
      result: 'ok',
      audit: [change('a'), change('b')],
    });
    expect(items.map((i) => i.Put?.Item?.name)).toEqual([
      'effect:1',
      'effect:2',
      'seal:ok',
      'audit:a',
      'audit:b',
    ]);
  });

  it('takes a single audit change as well as a list', async () => {
    const items = await actItems({ audit }, actor, () => [], { effect: [], result: 1, audit: change('one') });
    expect(items.map((i) => i.Put?.Item?.name)).toEqual(['audit:one']);
  });
});
