import { createHash } from 'node:crypto';
import { toCalendarDate } from '@thidua/shared/common';
import {
  emailTiming,
  NotificationIntent as IntentSchema,
  type NotificationIntent,
  type NotificationKind,
  renderEmail,
} from '@thidua/shared/notifications';
import type { User } from '@thidua/shared/org';
import type { UnitRepository, UserRepository } from '../org/repository';
import type { EmailChannel } from './channels';
import { DEFAULT_LEASE_MS, type NotifyConfig } from './config';
import type { UnsubscribeLinks } from './links';
import { type Delivery, deadLetterId, type NotificationRepository, noticeId } from './repository';

/**
 * The consumer's work for one intent: who it reaches (the audience resolved to people, through a merged
 * unit's successors), one in-app notice each (a conditional Put: a second run adds none), and an e-mail
 * to whom chose one — claimed in a delivery record with a lease before sending, retried with backoff, and
 * parked as a dead letter after `maxAttempts`. Safe to run any number of times on the same intent.
 */
export interface DeliveryDeps {
  notifications: NotificationRepository;
  users: Pick<UserRepository, 'allOfUnit' | 'get'>;
  units: Pick<UnitRepository, 'get' | 'heirsOn'>;
  email: EmailChannel | undefined;
  /** Signed one-click unsubscribe links; without them the e-mail points at the signed-in preferences page. */
  links?: UnsubscribeLinks;
  config: Pick<NotifyConfig, 'from' | 'contact' | 'appUrl' | 'maxAttempts' | 'backoffMs'> &
    Partial<Pick<NotifyConfig, 'leaseMs'>>;
  /** Waits between attempts (tests pass a fake). */
  sleep?: (ms: number) => Promise<void>;
  /** The clock leases are taken and judged by (tests move it past a lease). */
  now?: () => Date;
}

export interface DeliveryReport {
  recipients: number;
  noticesAdded: number;
  mailed: number;
  deadLetters: number;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The people an intent's audience names today: active users of the unit with one of the roles. */
export async function resolveAudience(
  deps: Pick<DeliveryDeps, 'users' | 'units'>,
  intent: NotificationIntent,
): Promise<User[]> {
  const a = intent.audience;
  if (a.type === 'user' || a.type === 'users') {
    const ids = a.type === 'user' ? [a.userId] : [...new Set(a.userIds)];
    const users = await Promise.all(ids.map((id) => deps.users.get(intent.tenantId, id)));
    return users.filter((u): u is User => u?.active === true);
  }
  const named = a.type === 'unit_roles' ? [a.unitId] : a.unitIds;
  // A unit closed by a merger or a split: its successors' people carry its work (and hear of it).
  const unitIds = (
    await Promise.all(
      named.map(async (id) => {
        const unit = await deps.units.get(intent.tenantId, id);
        if (unit?.closedOn == null) return [id];
        const heirs = await deps.units.heirsOn(intent.tenantId, id, toCalendarDate(intent.createdAt));
        return heirs.map((h) => h.unitId);
      }),
    )
  ).flat();
  const users = (
    await Promise.all([...new Set(unitIds)].map((id) => deps.users.allOfUnit(intent.tenantId, id)))
  ).flat();
  return users.filter((u) => u.active && u.roles.some((r) => a.roles.includes(r)));
}

/** The link in an e-mail that stops this kind: the signed-in preferences page, with the kind named. */
export const unsubscribeUrl = (appUrl: string, kind: NotificationKind): string =>
  `${appUrl.replace(/\/$/, '')}/notifications/preferences?unsubscribe=${kind}`;

/**
 * The Message-ID of one intent's e-mail to one person, the same on every attempt: a retry after a crash
 * between the send and its record carries the id of the copy that may have gone, so a mail server or
 * client that de-duplicates by Message-ID shows one. Its domain is the sender's.
 */
export const messageIdOf = (intentId: string, userId: string, from: string): string => {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'thidua.local';
  return `<${createHash('sha256').update(`${intentId}\n${userId}`).digest('hex').slice(0, 40)}@${domain}>`;
};

/** Whether a claim's lease ran out: whoever held it died (or hung) between the claim and the record. */
const leaseOver = (d: Delivery, now: Date): boolean =>
  d.state === 'sending' && (d.leaseUntil == null || Date.parse(d.leaseUntil) <= now.getTime());

/**
 * Sends one e-mail of one intent to one person, at least once and never after a recorded send. The
 * delivery record is claimed with a condition and a lease before the send: a second consumer (a retried
 * batch) finds it sent, or held — and takes it over only once the lease has run out, which means the
 * holder died between the send and the record. The retry carries the SAME Message-ID (`messageIdOf`), so
 * the copy that may have gone and this one are one message to whoever de-duplicates (docs/notifications.md).
 * `previous`: an explicit retry of the record as read (an administrator's replay of a dead letter, the
 * sweep of expired leases). Answers 'sent', 'skipped' (sent or held already), or 'dead' (every attempt failed).
 */
export async function sendOnce(
  deps: DeliveryDeps,
  intent: NotificationIntent,
  user: Pick<User, 'id' | 'email' | 'name'>,
  previous?: Delivery,
): Promise<'sent' | 'skipped' | 'dead'> {
  if (!deps.email) return 'skipped';
  const sleep = deps.sleep ?? realSleep;
  const clock = deps.now ?? (() => new Date());
  const nid = noticeId(intent);
  const base = {
    tenantId: intent.tenantId,
    noticeId: nid,
    userId: user.id,
    intentId: intent.id,
    email: user.email,
  };
  let current = previous ?? (await deps.notifications.delivery(intent.tenantId, nid, user.id));
  const retryable =
    current === undefined ||
    current.state === 'failed' ||
    leaseOver(current, clock()) ||
    (previous !== undefined && current.state === 'dead');
  if (!retryable) return 'skipped';
  const signed = await deps.links?.forRecipient(intent.tenantId, user.id, intent.kind);
  const message = renderEmail(intent, user.email, {
    appUrl: deps.config.appUrl,
    unsubscribeUrl: signed?.oneClick ?? unsubscribeUrl(deps.config.appUrl, intent.kind),
    ...(signed ? { unsubscribePageUrl: signed.page } : {}),
    recipientName: user.name,
    contact: deps.config.contact,
  });
  const messageId = messageIdOf(intent.id, user.id, deps.config.from);
  for (;;) {
    const attempts = (current?.state === 'dead' ? 0 : (current?.attempts ?? 0)) + 1;
    const at = clock();
    const claim = {
      ...base,
      attempts,
      updatedAt: at.toISOString(),
      leaseUntil: new Date(at.getTime() + (deps.config.leaseMs ?? DEFAULT_LEASE_MS)).toISOString(),
    };
    if (!(await deps.notifications.claimDelivery(claim, current))) return 'skipped';
    try {
      // The crash window: a death here leaves the claim "sending" until its lease runs out.
      const providerId = await deps.email.send(message, deps.config.from, messageId);
      await deps.notifications.recordDelivery({
        ...claim,
        state: 'sent',
        messageId: providerId || messageId,
        lastError: null,
        leaseUntil: null,
      });
      return 'sent';
    } catch (err) {
      const lastError = err instanceof Error ? err.message : String(err);
      const failed: Delivery = { ...claim, state: 'failed', messageId: null, lastError };
      await deps.notifications.recordDelivery(failed);
      current = failed;
      if (attempts >= deps.config.maxAttempts) {
        await deps.notifications.addDeadLetter(
          {
            tenantId: intent.tenantId,
            id: deadLetterId(nid, user.id),
            intent,
            userId: user.id,
            email: user.email,
            attempts,
            lastError,
            failedAt: clock().toISOString(),
          },
          failed,
        );
        return 'dead';
      }
      // Exponential backoff: the provider's throttling or a relay's hiccup usually passes.
      await sleep(deps.config.backoffMs * 2 ** (attempts - 1));
    }
  }
}

export async function deliverIntent(deps: DeliveryDeps, intent: NotificationIntent): Promise<DeliveryReport> {
  const people = await resolveAudience(deps, intent);
  const report: DeliveryReport = { recipients: people.length, noticesAdded: 0, mailed: 0, deadLetters: 0 };
  for (const user of people) {
    if (await deps.notifications.addNotice(intent.tenantId, user.id, intent)) report.noticesAdded += 1;
    const prefs = await deps.notifications.preferences(intent.tenantId, user.id);
    if (emailTiming(intent.kind, prefs) !== 'now') continue;
    if (await deps.notifications.isSuppressed(intent.tenantId, user.email)) continue;
    const outcome = await sendOnce(deps, intent, user);
    if (outcome === 'sent') report.mailed += 1;
    if (outcome === 'dead') report.deadLetters += 1;
  }
  return report;
}

/** A DynamoDB stream record as Lambda (and the local platform's reader) hands it over. */
export interface StreamRecord {
  eventName?: string;
  dynamodb?: { NewImage?: Record<string, unknown> };
}

/** The outbox intents among stream records (new items of type NotificationIntent), already unmarshalled. */
export const intentsOf = (
  records: readonly StreamRecord[],
  unmarshall: (image: Record<string, unknown>) => Record<string, unknown>,
): NotificationIntent[] =>
  records.flatMap((r) => {
    if (r.eventName !== 'INSERT' || !r.dynamodb?.NewImage) return [];
    const item = unmarshall(r.dynamodb.NewImage);
    if (item.type !== 'NotificationIntent') return [];
    const parsed = IntentSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
