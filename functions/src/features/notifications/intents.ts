import { NotificationIntent } from '@thidua/shared/notifications';
import { absent } from '../../kernel/data/conditions';
import { defineEntity, sortKey, tenantPrefix as t } from '../../kernel/data/entity';
import type { TxItem } from '../../kernel/data/transact';

/**
 * The outbox item alone, apart from the consumer's items (repository.ts): the acts that write intents
 * (submissions, commendations, the public comment) carry only this into their bundles.
 */

/** How long an outbox item stays after its act (the stream has delivered it long before). */
const OUTBOX_TTL_SECONDS = 30 * 24 * 60 * 60;

export const epoch = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

/** The outbox: one item per intent, keyed by its deterministic id (a replayed act writes nothing new). */
export const intentEntity = defineEntity({
  type: 'NotificationIntent',
  schema: NotificationIntent,
  pk: (i: { tenantId: string; id: string }) => `${t(i.tenantId)}#OUTBOX#${i.id}`,
  sk: sortKey('INTENT'),
  attributes: (i: NotificationIntent) => i,
  extra: (i: { createdAt: string }) => ({ ttl: epoch(i.createdAt) + OUTBOX_TTL_SECONDS }),
});

/** The type the stream consumer picks out of the table's stream (also the event source's filter). */
export const OUTBOX_ITEM_TYPE = intentEntity.type;

/** The outbox items of `intents`, for the transaction of the act that causes them. */
export const outboxItems = (table: string, intents: readonly NotificationIntent[]): TxItem[] =>
  intents.map((i) => intentEntity.put(table, i, absent()));
