import { headRef, SEAL_PENDING, sealDigest } from '../data/audit-chain';
import type { TxItem } from '../data/transact';
import { type ChainKey, chainKey } from './key';

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
