import * as z from 'zod';
import { absent } from '../../kernel/data/conditions';
import { defineEntity, sortKey, type TableRef, tenantPrefix as t } from '../../kernel/data/entity';
import type { TxItem } from '../../kernel/data/transact';

/**
 * "Who did what to whom" in the administration: one event per administrator action, written in the SAME
 * transaction as the change it records (so neither exists without the other). Until the tenant-wide
 * audit chain lands (branch `audit-chain`), this item is the record; `adminAuditItems` in
 * audit.ts is the one function every admin route calls, and the one place to switch.
 */
export const adminActions = [
  'user_created',
  'user_updated',
  'user_deactivated',
  'user_reactivated',
  'password_reset',
  'invitation_resent',
  'office_holders_changed',
  'units_imported',
  'users_imported',
] as const;

export const AdminEvent = z.object({
  tenantId: z.string(),
  id: z.string(),
  at: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  action: z.enum(adminActions),
  targetType: z.enum(['user', 'unit', 'import']),
  targetId: z.string(),
  /** The change in a few fields (roles before/after, the unit moved to, the ids imported). */
  detail: z.record(z.string(), z.unknown()),
});
export type AdminEvent = z.infer<typeof AdminEvent>;

export const adminEventEntity = defineEntity({
  type: 'AdminEvent',
  schema: AdminEvent,
  /** The tenant's administration log by month: a month of a province's administration is small. */
  pk: (e: { tenantId: string; at: string }) => `${t(e.tenantId)}#ADMINLOG#${e.at.slice(0, 7)}`,
  sk: sortKey('EV#', (e: { at: string; id: string }) => `${e.at}#${e.id}`),
  indexes: {
    /** What was done to one user or unit, in time order. */
    byTarget: {
      index: 'gsi1',
      pk: (e: { tenantId: string; targetType: string; targetId: string }) =>
        `${t(e.tenantId)}#ADMINLOG#${e.targetType}#${e.targetId}`,
      sk: (e: AdminEvent) => `${e.at}#${e.id}`,
    },
  },
});

export interface AdminEventRepository {
  /** The Put of one event (never overwrites: ids are new). */
  putItem(event: AdminEvent): TxItem;
  ofTarget(tenantId: string, targetType: AdminEvent['targetType'], targetId: string): Promise<AdminEvent[]>;
}

export const createAdminEventRepository = (ref: TableRef): AdminEventRepository => {
  const events = adminEventEntity.on(ref);
  return {
    putItem: (event) => adminEventEntity.put(ref.table, event, absent()),
    ofTarget: (tenantId, targetType, targetId) =>
      events.all('byTarget', { tenantId, targetType, targetId }, { limit: 200 }),
  };
};
