import { absent, equals, or } from '../../kernel/data/conditions';
import type { TxItem } from '../../kernel/data/transact';
import { holdEntity } from './keys';

/**
 * A nomination is held by one open (draft or sent) tờ trình: one item per nomination, written in the
 * batch's own transaction. Taking it is refused when another batch holds it (`ALL_OLD` names that batch);
 * taking it again for the same batch changes nothing. Released when the batch lets it go (an edit drops
 * it, the province decides); releasing what is not held changes nothing.
 */
const heldBy = (batchId: string) => or(absent(), equals('batchId', batchId));

export const holdItem = (table: string, tenantId: string, nominationId: string, batchId: string): TxItem =>
  holdEntity.put(table, { tenantId, nominationId, batchId }, heldBy(batchId));

export const releaseItem = (table: string, tenantId: string, nominationId: string, batchId: string): TxItem =>
  holdEntity.delete(table, { tenantId, nominationId }, heldBy(batchId));
