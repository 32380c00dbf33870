import type { Identity } from '@thidua/shared/org';
import { mergeCounterUpdates } from '../../kernel/data/counters';
import { TransactionRefused, type TxItem, transactWriteRetryingConflicts } from '../../kernel/data/transact';
import { type AppError, Conflict } from '../../kernel/http/errors';
import type { Seal } from '../../kernel/http/idempotency';
import type { AuditActor, AuditChange } from '../audit/chains';
import type { CommendationDeps } from './context';

/** DynamoDB's limit on one TransactWriteItems. */
export const MAX_TX_ITEMS = 100;

export type { Seal };

/** A use case's effect-bearing change: its items, the result the request answers, what its audit chains record. */
export interface Act<T> {
  /** The items of the change itself, each conditioned on the state it moves from. */
  effect: readonly TxItem[];
  result: T;
  audit: AuditChange | readonly AuditChange[];
}

/**
 * The one transaction of an act: its effect, the request's answer under its Idempotency-Key (`seal`) and
 * the events appended to the audit chains, so that none is stored without the others.
 */
export const actItems = async <T>(
  d: Pick<CommendationDeps, 'audit'>,
  actor: Identity | AuditActor,
  seal: Seal<T>,
  act: Act<T>,
): Promise<TxItem[]> => [
  ...act.effect,
  ...seal(act.result),
  ...(await d.audit.record(actor, ...[act.audit].flat())),
];

/** Writes an act's one transaction (`writeOnce`, `what` and `refused` as there) and answers its result. */
export const commitAct = async <T>(
  d: Pick<CommendationDeps, 'commendations' | 'audit'>,
  actor: Identity | AuditActor,
  seal: Seal<T>,
  act: Act<T> & { what: string; refused?: (err: TransactionRefused) => AppError | undefined },
): Promise<T> => {
  await writeOnce(d, await actItems(d, actor, seal, act), act.what, act.refused);
  return act.result;
};

/**
 * One transaction, run again only when it lost a race to a concurrent one; a refused condition means
 * someone else moved first: `refused` says what to answer (else 409). Nothing is written then.
 */
export const writeOnce = async (
  d: Pick<CommendationDeps, 'commendations'>,
  items: readonly TxItem[],
  what: string,
  refused?: (err: TransactionRefused) => AppError | undefined,
): Promise<void> => {
  try {
    await transactWithRetry(d, items);
  } catch (err) {
    if (err instanceof TransactionRefused)
      throw refused?.(err) ?? new Conflict(`${what} vừa được người khác thay đổi, vui lòng tải lại`);
    throw err;
  }
};

/**
 * Packs groups of items that must each stay whole (one member's transition) into as few transactions as
 * fit under the limit, keeping their order.
 */
export const packGroups = <T>(groups: readonly (readonly T[])[], max: number = MAX_TX_ITEMS): T[][] => {
  const out: T[][] = [];
  let current: T[] = [];
  for (const g of groups) {
    if (g.length > max) throw new Error(`one group has ${g.length} items, more than ${max}`);
    if (current.length + g.length > max) {
      out.push(current);
      current = [];
    }
    current.push(...g);
  }
  if (current.length > 0) out.push(current);
  return out;
};

/**
 * Writes groups of items in as few transactions as the 100-item limit allows, in order. Used when a list
 * is larger than one transaction can carry; every group is conditioned on the state it moves from, so
 * running the same groups again after a failure skips nothing and repeats nothing.
 */
export const writeGroups = async (
  d: CommendationDeps,
  groups: readonly (readonly TxItem[])[],
  what: string,
): Promise<number> => {
  const txs = packGroups(groups);
  // Members from the same parent unit bump the same completeness counters: one update per item.
  for (const items of txs) await writeOnce(d, mergeCounterUpdates(items), what);
  return txs.length;
};

/**
 * Runs one transaction, again when it lost only to a concurrent transaction on the same item (e.g. two
 * members voting in the same instant both bump the session's counter). A failed condition is not retried.
 */
export const transactWithRetry = (
  d: Pick<CommendationDeps, 'commendations'>,
  items: readonly TxItem[],
  attempts = 6,
): Promise<void> => transactWriteRetryingConflicts(d.commendations.ref.client, items, attempts);
