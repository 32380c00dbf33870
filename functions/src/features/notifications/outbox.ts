import type { NotificationIntent } from '@thidua/shared/notifications';
import { submissionNotifications } from '@thidua/shared/notifications';
import { periodText, type Submission } from '@thidua/shared/workflow';
import type { TxItem } from '../../kernel/data/transact';
import type { AuditEvent } from '../audit/chain';
import { outboxItems } from './repository';

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
