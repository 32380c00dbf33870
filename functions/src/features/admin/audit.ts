import type { Identity } from '@thidua/shared/org';
import type { TxItem } from '../../kernel/data/transact';
import type { Deps } from '../../kernel/deps';
import { newId } from '../../kernel/ids';
import type { AdminEvent } from './events';

export type AdminAct = Pick<AdminEvent, 'action' | 'targetType' | 'targetId' | 'detail'>;

/**
 * THE call site of "who did what to whom" for every administrator action: the items to add to the
 * action's own transaction. Today one AdminEvent item (events.ts); when the tenant audit
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
