import type { WorkflowError } from '@thidua/shared/workflow';
import { TransactionRefused, type TxItem, transactWrite } from '../data/transact';
import { AppError, Conflict } from '../http/errors';
import type { CommendationDeps } from './context';

/** DynamoDB's limit on one TransactWriteItems. */
export const MAX_TX_ITEMS = 100;

/** A refused workflow transition, as the API's error (its status comes from the shared table). */
export const workflowRefusal = (who: string, e: WorkflowError): AppError =>
  new AppError(
    e.status,
    e.code,
    `${who}: ${e.message}`,
    (e.details ?? []).map((x) => ({ path: x.path, message: x.message })),
  );

/** One transaction; a refused condition means someone else moved first: 409, nothing written. */
export const writeOnce = async (
  d: CommendationDeps,
  items: readonly TxItem[],
  what: string,
): Promise<void> => {
  try {
    await transactWrite(d.repo.ref.client, items);
  } catch (err) {
    if (err instanceof TransactionRefused)
      throw new Conflict(`${what} vừa được người khác thay đổi, vui lòng tải lại`);
    throw err;
  }
};

/**
 * Writes groups of items that must each stay whole (one member's transition) in as few transactions as
 * fit under the 100-item limit, in order. Used when a list is larger than one transaction can carry;
 * every group is conditioned on the state it moves from, so running the same groups again after a
 * failure skips nothing and repeats nothing.
 */
export const writeGroups = async (
  d: CommendationDeps,
  groups: readonly (readonly TxItem[])[],
  what: string,
): Promise<number> => {
  let batch: TxItem[] = [];
  let calls = 0;
  for (const g of groups) {
    if (g.length > MAX_TX_ITEMS) throw new Error(`one group of ${what} has ${g.length} items`);
    if (batch.length + g.length > MAX_TX_ITEMS) {
      await writeOnce(d, batch, what);
      calls += 1;
      batch = [];
    }
    batch.push(...g);
  }
  if (batch.length > 0) {
    await writeOnce(d, batch, what);
    calls += 1;
  }
  return calls;
};
