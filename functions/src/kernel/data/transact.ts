import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { sealTransaction } from './chain-seal';
import { ItemTooLarge } from './errors';

export type TxItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Why one item of a refused transaction was refused. */
export interface RefusalReason {
  /** `ConditionalCheckFailed`, `TransactionConflict`, `None` (not the cause), ... */
  code: string;
  /** The item as it is now, when the write asked for `ReturnValuesOnConditionCheckFailure: 'ALL_OLD'`. */
  item: Record<string, unknown> | undefined;
}

/** The transaction was refused as a whole; `reasons[i]` belongs to `items[i]`. Nothing was written. */
export class TransactionRefused extends Error {
  constructor(readonly reasons: readonly RefusalReason[]) {
    super(`transaction refused: ${reasons.map((r) => r.code).join(',')}`);
  }

  reasonAt(index: number): RefusalReason | undefined {
    return this.reasons[index];
  }

  /** True when a concurrent transaction touched the same items (the loser of a race may see this). */
  get conflicted(): boolean {
    return this.reasons.some((r) => r.code === 'TransactionConflict');
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

const toItem = (raw: unknown): Record<string, unknown> | undefined => {
  if (!isRecord(raw)) return undefined;
  // The DocumentClient does not unmarshall errors: the item arrives as AttributeValues.
  try {
    return unmarshall(raw as Record<string, AttributeValue>);
  } catch {
    return undefined;
  }
};

const refusalOf = (err: unknown): TransactionRefused | undefined => {
  if (!isRecord(err) || err.name !== 'TransactionCanceledException') return undefined;
  const reasons = Array.isArray(err.CancellationReasons) ? err.CancellationReasons : [];
  return new TransactionRefused(
    reasons.map((r: unknown) => ({
      code: isRecord(r) && typeof r.Code === 'string' ? r.Code : 'Unknown',
      item: isRecord(r) ? toItem(r.Item) : undefined,
    })),
  );
};

/** DynamoDB's 400 KB item limit: the input was too big, whatever the JSON size said. */
const isItemTooLarge = (err: unknown): boolean =>
  isRecord(err) &&
  err.name === 'ValidationException' &&
  typeof err.message === 'string' &&
  /item size|maximum allowed size/i.test(err.message);

/**
 * Writes `items` all-or-nothing in ONE TransactWriteItems call. A refused transaction becomes
 * `TransactionRefused` with one reason per item, so the caller can tell which condition failed. Audit
 * events marked `pending` are sealed first (one MAC call).
 */
export const transactWrite = async (doc: DynamoDBDocumentClient, items: readonly TxItem[]): Promise<void> => {
  if (items.length === 0) return;
  // Audit events are sealed here, with one MAC per transaction, whoever built them (chain-seal.ts).
  const sealed = await sealTransaction(items);
  try {
    await doc.send(new TransactWriteCommand({ TransactItems: [...sealed] }));
  } catch (err) {
    const refused = refusalOf(err);
    if (refused) throw refused;
    if (isItemTooLarge(err)) throw new ItemTooLarge();
    throw err;
  }
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One transaction, run again while it lost only to a concurrent transaction on a shared item (DynamoDB
 * refuses one of two transactions touching an item at once with `TransactionConflict`: two communes
 * bumping their area's list counters, two members voting). A failed condition is never retried: that is
 * a real conflict or a replay, for the caller to answer.
 */
export const transactWriteRetryingConflicts = async (
  doc: DynamoDBDocumentClient,
  items: readonly TxItem[],
  attempts = 6,
): Promise<void> => {
  for (let i = 1; ; i++) {
    try {
      await transactWrite(doc, items);
      return;
    } catch (err) {
      const onlyConflict =
        err instanceof TransactionRefused &&
        err.conflicted &&
        !err.reasons.some((r) => r.code === 'ConditionalCheckFailed');
      if (!onlyConflict || i >= attempts) throw err;
      await sleep(10 * 2 ** i + Math.random() * 20);
    }
  }
};
