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
import type { NotifyConfig } from './config';
import type { UnsubscribeLinks } from './links';
import { type Delivery, deadLetterId, type NotificationRepository, noticeId } from './repository';

/**
 * The consumer's work for one intent: who it reaches (the audience resolved to people, through a merged
 * unit's successors), one in-app notice each (a conditional Put: a second run adds none), and an e-mail
 * to whom chose one — claimed in a delivery record before sending, retried with backoff, and parked as a
 * dead letter after `maxAttempts`. Safe to run any number of times on the same intent.
 */
export interface DeliveryDeps {
  notifications: NotificationRepository;
  users: Pick<UserRepository, 'allOfUnit' | 'get'>;
  units: Pick<UnitRepository, 'get' | 'heirsOn'>;
  email: EmailChannel | undefined;
  /** Signed one-click unsubscribe links; without them the e-mail points at the signed-in preferences page. */
  links?: UnsubscribeLinks;
  config: Pick<NotifyConfig, 'from' | 'contact' | 'appUrl' | 'maxAttempts' | 'backoffMs'>;
  /** Waits between attempts (tests pass a fake). */
  sleep?: (ms: number) => Promise<void>;
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
  if (a.type === 'user') {
    const u = await deps.users.get(intent.tenantId, a.userId);
    return u?.active ? [u] : [];
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
 * Sends one e-mail of one intent to one person at most once: the delivery record is claimed with a
 * condition before the send, so a second consumer (or a retried batch) finds it taken or sent.
 * Answers 'sent', 'skipped' (sent or being sent already), or 'dead' (every attempt failed).
 */
export async function sendOnce(
  deps: DeliveryDeps,
  intent: NotificationIntent,
  user: Pick<User, 'id' | 'email' | 'name'>,
  previous?: Delivery,
): Promise<'sent' | 'skipped' | 'dead'> {
  if (!deps.email) return 'skipped';
  const sleep = deps.sleep ?? realSleep;
  const nid = noticeId(intent);
  const base = {
    tenantId: intent.tenantId,
    noticeId: nid,
    userId: user.id,
    intentId: intent.id,
    email: user.email,
  };
  let current = previous ?? (await deps.notifications.delivery(intent.tenantId, nid, user.id));
  if (current && current.state !== 'failed' && !(previous && current.state === 'dead')) return 'skipped';
  const signed = await deps.links?.forRecipient(intent.tenantId, user.id, intent.kind);
  const message = renderEmail(intent, user.email, {
    appUrl: deps.config.appUrl,
    unsubscribeUrl: signed?.oneClick ?? unsubscribeUrl(deps.config.appUrl, intent.kind),
    ...(signed ? { unsubscribePageUrl: signed.page } : {}),
    recipientName: user.name,
    contact: deps.config.contact,
  });
  for (;;) {
    const attempts = (current?.state === 'dead' ? 0 : (current?.attempts ?? 0)) + 1;
    const claim = { ...base, attempts, updatedAt: new Date().toISOString() };
    if (!(await deps.notifications.claimDelivery(claim, current))) return 'skipped';
    try {
      const messageId = await deps.email.send(message, deps.config.from);
      await deps.notifications.recordDelivery({ ...claim, state: 'sent', messageId, lastError: null });
      return 'sent';
    } catch (err) {
      const lastError = err instanceof Error ? err.message : String(err);
      const failed: Delivery = { ...claim, state: 'failed', messageId: null, lastError };
      await deps.notifications.recordDelivery(failed);
      current = failed;
      if (attempts >= deps.config.maxAttempts) {
        await deps.notifications.addDeadLetter({
          tenantId: intent.tenantId,
          id: deadLetterId(nid, user.id),
          intent,
          userId: user.id,
          email: user.email,
          attempts,
          lastError,
          failedAt: new Date().toISOString(),
        });
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
