import { createHash } from 'node:crypto';
import type { ChainSeal } from '@thidua/shared/api';
import { type ChainKey, chainKey } from './chain-key';
import type { TxItem } from './transact';

/**
 * The seal of the audit chains (docs/adr/0013-keyed-audit-chain.md): chain builders mark the last event
 * they append to a chain `pending`; `transactWrite` replaces every mark of a transaction with one MAC.
 */
export const SEAL_PENDING = 'pending' as const satisfies ChainSeal;

/** One chain's head as a seal lists it: the chain's partition, the event's number and hash. */
export const headRef = (chain: string, seq: number, hash: string): string => `${chain}|${seq}|${hash}`;

/** What the MAC of a transaction is computed over (32 bytes, well under KMS's 4 KB message limit). */
export const sealDigest = (heads: readonly string[]): Buffer =>
  createHash('sha256')
    .update(JSON.stringify([...heads].sort()), 'utf8')
    .digest();

type Put = NonNullable<TxItem['Put']>;

const pendingPut = (item: TxItem): Put | undefined =>
  item.Put?.Item?.seal === SEAL_PENDING ? item.Put : undefined;

/**
 * Seals a transaction's audit events with ONE MAC call: every event marked `pending` (the last one each
 * chain builder appended) gets `{ heads, mac }`, where `heads` lists the new head of every chain of the
 * transaction. A transaction without audit events is returned as it is, with no call.
 */
export const sealTransaction = async (
  items: readonly TxItem[],
  key: () => ChainKey = chainKey,
): Promise<readonly TxItem[]> => {
  const pending = items.map(pendingPut).filter((p): p is Put => p !== undefined);
  if (pending.length === 0) return items;
  const heads = pending
    .map((p) => headRef(String(p.Item?.pk), Number(p.Item?.seq), String(p.Item?.hash)))
    .sort();
  const mac = await key().mac(sealDigest(heads));
  return items.map((item) => {
    const put = pendingPut(item);
    return put ? { Put: { ...put, Item: { ...put.Item, seal: { heads, mac } } } } : item;
  });
};
