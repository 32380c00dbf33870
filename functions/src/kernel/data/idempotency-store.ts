import { defineDep } from '../deps';
import { absent } from './conditions';
import type { TableRef } from './entity';
import { idempotencyEntity } from './keys';
import type { StoredResponse } from './schemas';
import type { TxItem } from './transact';

export { StoredResponse } from './schemas';

export interface IdempotencyStore {
  find(tenantId: string, userId: string, key: string): Promise<StoredResponse | undefined>;
  /** The Put that records the first answer, added to the write's own transaction (condition: new key). */
  recordItem(
    tenantId: string,
    userId: string,
    key: string,
    response: Omit<StoredResponse, 'createdAt'>,
    now: Date,
  ): TxItem;
}

export const createIdempotencyStore = (ref: TableRef): IdempotencyStore => {
  const records = idempotencyEntity.on(ref);
  return {
    find: (tenantId, userId, key) => records.get({ tenantId, userId, key }, { consistent: true }),
    recordItem: (tenantId, userId, key, response, now) =>
      idempotencyEntity.put(
        ref.table,
        { tenantId, userId, key, ...response, createdAt: now.toISOString() },
        absent(),
      ),
  };
};

/** `idempotency` of a route group's container (kernel/deps.ts). */
export const idempotencyDep = defineDep('idempotency', (c) => createIdempotencyStore(c.ref));
