import { absent, present } from './conditions';
import type { Entity, TableRef } from './entity';
import { type SaveOutcome, type WriteMode, written } from './outcomes';
import { TransactionRefused, type TxItem, transactWrite } from './transact';

/** The Put of one entity: `create` must find no item, `replace` must find one. */
export const saveItem = <W>(
  ref: TableRef,
  entity: Pick<Entity<unknown, W, never, never, never>, 'put'>,
  w: W,
  mode: WriteMode,
): TxItem => entity.put(ref.table, w, mode === 'create' ? absent() : present());

/** What a refused transaction whose first item is the entity's own write means. */
const refusalOfSave = (err: TransactionRefused, mode: WriteMode): SaveOutcome => {
  if (err.reasonAt(0)?.code === 'ConditionalCheckFailed') {
    return mode === 'create' ? { kind: 'already_exists', current: undefined } : { kind: 'not_found' };
  }
  return {
    kind: 'condition_failed',
    reason: err.conflicted ? 'concurrent transaction' : 'another item of the transaction',
  };
};

/** Writes one entity with `extra` items (the idempotency record) in ONE transaction. */
export const saveEntity = async <W>(
  ref: TableRef,
  entity: Pick<Entity<unknown, W, never, never, never>, 'put'>,
  w: W,
  mode: WriteMode,
  extra: readonly TxItem[],
): Promise<SaveOutcome> => {
  try {
    await transactWrite(ref.client, [saveItem(ref, entity, w, mode), ...extra]);
    return written;
  } catch (err) {
    if (err instanceof TransactionRefused) return refusalOfSave(err, mode);
    throw err;
  }
};
