import type { Identity } from '@thidua/shared/org';
import type { AdminEvent } from '../data/admin-events';
import type { TxItem } from '../data/transact';
import type { Deps } from '../deps';
import { newId } from '../ids';

export type AdminAct = Pick<AdminEvent, 'action' | 'targetType' | 'targetId' | 'detail'>;

/**
 * THE call site of "who did what to whom" for every administrator action: the items to add to the
 * action's own transaction. Today one AdminEvent item (data/admin-events.ts); when the tenant audit
 * chain lands (branch `audit-chain`), only this function changes to append the event to the chain.
 */
export const adminAuditItems = (
  d: Pick<Deps, 'adminEvents'>,
  identity: Identity,
  now: Date,
  act: AdminAct,
): TxItem[] => [
  d.adminEvents.putItem({
    tenantId: identity.tenantId,
    id: newId(),
    at: now.toISOString(),
    actorId: identity.userId,
    actorName: identity.name,
    ...act,
  }),
];
