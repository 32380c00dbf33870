import type { NotificationIntent } from '@thidua/shared/notifications';
import { submissionNotifications } from '@thidua/shared/notifications';
import { authorRoles, periodText, type Submission } from '@thidua/shared/workflow';
import type { TxItem } from '../../kernel/data/transact';
import type { AuditEvent } from '../audit/chain';
import { outboxItems } from './intents';

/**
 * The outbox of a submission's transition: the intents its events cause (shared `submissionNotifications`),
 * as items of the SAME transaction as the transition. The table's stream carries them to the consumer
 * (delivery.ts); an intent id is the event's sequence, so a transaction that is refused writes none and a
 * replayed one the same ones (conditioned on absence).
 */
export const submissionOutbox = (
  table: string,
  submission: Submission,
  events: readonly AuditEvent[],
  formTitle: string,
  commentedFields?: readonly string[],
): { intents: NotificationIntent[]; items: TxItem[] } => {
  const naming = { formTitle, periodText: periodText(submission.period) };
  const intents = events.flatMap((event) =>
    submissionNotifications({
      submission,
      event,
      eventSeq: event.seq,
      naming,
      ...(commentedFields ? { commentedFields } : {}),
    }),
  );
  return { intents, items: outboxItems(table, intents) };
};

/**
 * The outbox item of a commendation event concerning units (a decision signed or revoked): to their
 * officers and heads, ONE item whatever the number of units, in the same transaction as the event. `eventId` is the decision's or the revocation's
 * id, so the intent is written once whatever retries happen.
 */
export const unitEventOutbox = (
  table: string,
  e: {
    tenantId: string;
    kind: 'decision_signed' | 'decision_revoked';
    eventId: string;
    unitIds: readonly string[];
    title: string;
    reason?: string | null;
    at: string;
  },
): TxItem[] =>
  outboxItems(table, [
    {
      id: `${e.kind}#${e.eventId}`,
      tenantId: e.tenantId,
      kind: e.kind,
      audience: { type: 'units_roles', unitIds: [...e.unitIds], roles: [...authorRoles] },
      subject: {
        type: 'decision',
        id: e.eventId,
        title: e.title.slice(0, 300),
        path: '/commendations/notifications',
      },
      reason: e.reason ?? null,
      dueAt: null,
      createdAt: e.at,
    },
  ]);
