import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { plannedReminders } from '@thidua/shared/notifications';
import { TransactionRefused, transactWrite } from '../../kernel/data/transact';
import type { Deps } from '../../kernel/deps';
import { type DeliveryDeps, deliverIntent, intentsOf, type StreamRecord, sendOnce } from './delivery';
import { duePairs, obligationsBelow, reminderPolicyOf } from './reminders';
import { type NotificationRepository, outboxItems } from './repository';

/**
 * The notifications function's work besides its routes, one event shape each, the same from AWS and from
 * the local platform:
 * - a DynamoDB stream batch (Lambda's event source mapping; locally functions/local/streams.ts): the
 *   outbox intents in it are delivered;
 * - `{ "job": "notification-reminders", "time"? }` (EventBridge Scheduler; locally the platform's
 *   scheduler with its clock): deadline reminders, overdue notices and escalations are planned into the
 *   outbox, whose stream then delivers them;
 * - SES bounce and complaint notifications (SNS): the address is never mailed again.
 */
export const REMINDER_JOB = 'notification-reminders';

export const isReminderJob = (e: unknown): e is { job: typeof REMINDER_JOB; time?: string } =>
  typeof e === 'object' && e !== null && (e as { job?: unknown }).job === REMINDER_JOB;

export interface StreamEvent {
  Records: (StreamRecord & { eventSource?: string; dynamodb?: { SequenceNumber?: string } })[];
}

export const isStreamEvent = (e: unknown): e is StreamEvent =>
  typeof e === 'object' &&
  e !== null &&
  Array.isArray((e as StreamEvent).Records) &&
  (e as StreamEvent).Records.every((r) => r.eventSource === 'aws:dynamodb');

/**
 * Delivers the batch's intents one by one. A record whose delivery throws (the table unavailable) is
 * reported as the batch's first failure, so Lambda retries from it (ReportBatchItemFailures); what was
 * delivered before is not delivered twice (conditional notices and delivery records).
 */
export async function handleStream(
  deps: DeliveryDeps,
  event: StreamEvent,
): Promise<{ batchItemFailures: { itemIdentifier: string }[] }> {
  for (const record of event.Records) {
    const [intent] = intentsOf([record], (img) => unmarshall(img as Record<string, AttributeValue>));
    if (!intent) continue;
    try {
      await deliverIntent(deps, intent);
    } catch {
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
    }
  }
  return { batchItemFailures: [] };
}

/** The sweep of e-mails whose sender died mid-send (EventBridge Scheduler; locally the platform's scheduler). */
export const REDELIVERY_JOB = 'notification-redeliver';

export const isRedeliveryJob = (e: unknown): e is { job: typeof REDELIVERY_JOB; time?: string } =>
  typeof e === 'object' && e !== null && (e as { job?: unknown }).job === REDELIVERY_JOB;

/** At most this many expired claims per tenant per run: the next run takes the rest. */
const SWEEP_PAGE = 50;

/**
 * Takes over the e-mails whose claim's lease ran out — the consumer died (or hung) between the send and
 * its record, or between a failure and its retry — and sends them again with their SAME Message-ID
 * (`sendOnce`). Without it such an e-mail would wait for a stream retry that never comes (the batch
 * that claimed it may have been reported done). An e-mail whose intent left the outbox (30 days) or whose
 * person left is closed as dead, with why.
 */
export async function runRedeliveryJob(
  deps: DeliveryDeps,
  tenants: readonly string[],
  now: Date,
): Promise<{ retried: number; sent: number; dropped: number }> {
  const out = { retried: 0, sent: 0, dropped: 0 };
  const at = { ...deps, now: () => now };
  for (const tenantId of tenants) {
    for (const d of await deps.notifications.expiredDeliveries(tenantId, now, SWEEP_PAGE)) {
      const [intent, user] = await Promise.all([
        deps.notifications.intent(tenantId, d.intentId),
        deps.users.get(tenantId, d.userId),
      ]);
      if (!intent || !user?.active || (await deps.notifications.isSuppressed(tenantId, user.email))) {
        const why = !intent ? 'Thông báo đã hết hạn lưu' : 'Người nhận không còn nhận thư';
        await deps.notifications.recordDelivery({ ...d, state: 'dead', lastError: why, leaseUntil: null });
        out.dropped += 1;
        continue;
      }
      out.retried += 1;
      if ((await sendOnce(at, intent, user, d)) === 'sent') out.sent += 1;
    }
  }
  return out;
}

/** Plans the reminders due at `now` into the outbox; answers how many intents were new. */
export async function runReminderJob(
  d: Pick<Deps, 'campaigns' | 'clients' | 'config' | 'units' | 'submissions' | 'templates'>,
  now: Date,
): Promise<{ planned: number; already: number }> {
  let planned = 0;
  let already = 0;
  for (const tenantId of d.config.auditTenants) {
    const units = await d.units.all(tenantId);
    const parents = units.filter((u) => units.some((c) => c.parentId === u.id) && u.closedOn === null);
    for (let cursor: string | undefined, first = true; first || cursor; first = false) {
      const page = await d.campaigns.list(tenantId, { limit: 50, cursor });
      cursor = page.nextCursor ?? undefined;
      for (const campaign of page.items) {
        for (const { formKey, period } of duePairs(campaign, now)) {
          for (const parent of parents) {
            const owed = await obligationsBelow(d, { campaign, formKey, period, parent }, now);
            const intents = plannedReminders(owed, reminderPolicyOf(campaign), now.toISOString());
            // One conditional Put each: a step already planned (an earlier run) is refused and skipped.
            for (const item of outboxItems(d.config.tableName, intents)) {
              try {
                await transactWrite(d.clients.doc, [item]);
                planned += 1;
              } catch (err) {
                if (!(err instanceof TransactionRefused)) throw err;
                already += 1;
              }
            }
          }
        }
      }
    }
  }
  return { planned, already };
}

/** An SES event (configuration set → SNS, or the identity's feedback notifications). */
interface SesNotice {
  notificationType?: string;
  eventType?: string;
  bounce?: { bounceType?: string; bouncedRecipients?: { emailAddress: string }[] };
  complaint?: { complainedRecipients?: { emailAddress: string }[] };
}

export const isSnsEvent = (e: unknown): e is { Records: { Sns: { Message: string } }[] } =>
  typeof e === 'object' &&
  e !== null &&
  Array.isArray((e as { Records?: unknown[] }).Records) &&
  (e as { Records: { Sns?: unknown }[] }).Records.every((r) => typeof r.Sns === 'object');

/**
 * Permanent bounces and complaints stop the address in every tenant of the deployment (an address is a
 * person's, whichever province they serve); transient bounces are left to SES's own retries.
 */
export async function handleSesFeedback(
  notifications: NotificationRepository,
  tenants: readonly string[],
  event: { Records: { Sns: { Message: string } }[] },
  now: Date,
): Promise<{ suppressed: string[] }> {
  const suppressed: string[] = [];
  for (const r of event.Records) {
    const n = JSON.parse(r.Sns.Message) as SesNotice;
    const type = n.notificationType ?? n.eventType;
    const addresses =
      type === 'Bounce' && n.bounce?.bounceType === 'Permanent'
        ? (n.bounce.bouncedRecipients ?? []).map((x) => x.emailAddress)
        : type === 'Complaint'
          ? (n.complaint?.complainedRecipients ?? []).map((x) => x.emailAddress)
          : [];
    for (const email of addresses) {
      for (const t of tenants) await notifications.suppress(t, email, type ?? 'Bounce', now.toISOString());
      suppressed.push(email);
    }
  }
  return { suppressed };
}
