import type { TxItem } from '../data/transact';
import { holdKey } from './keys';

/**
 * A nomination is held by one open (draft or sent) tờ trình: one item per nomination, written in the
 * batch's own transaction. Taking it is refused when another batch holds it (`ALL_OLD` names that batch);
 * taking it again for the same batch changes nothing. Released when the batch lets it go (an edit drops
 * it, the province decides); releasing what is not held changes nothing.
 */
const heldBy = (batchId: string) => ({
  ConditionExpression: 'attribute_not_exists(pk) OR batchId = :batch',
  ExpressionAttributeValues: { ':batch': batchId },
  ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
});

export const holdItem = (table: string, tenantId: string, nominationId: string, batchId: string): TxItem => ({
  Put: {
    TableName: table,
    Item: { ...holdKey(tenantId, nominationId), type: 'NominationHold', tenantId, nominationId, batchId },
    ...heldBy(batchId),
  },
});

export const releaseItem = (
  table: string,
  tenantId: string,
  nominationId: string,
  batchId: string,
): TxItem => ({
  Delete: { TableName: table, Key: holdKey(tenantId, nominationId), ...heldBy(batchId) },
});
