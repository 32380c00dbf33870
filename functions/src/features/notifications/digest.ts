import {
  type DigestWindow,
  digestWindow,
  emailTiming,
  type InAppNotification,
  renderDigest,
} from '@thidua/shared/notifications';
import type { User } from '@thidua/shared/org';
import * as z from 'zod';
import { absent, and, equals } from '../../kernel/data/conditions';
import { defineEntity, sortKey, type TableRef, tenantPrefix as t } from '../../kernel/data/entity';
import { TransactionRefused, transactWrite } from '../../kernel/data/transact';
import type { UnitRepository, UserRepository } from '../org/repository';
import type { EmailChannel } from './channels';
import type { NotifyConfig } from './config';
import type { UnsubscribeLinks } from './links';
import { type NotificationRepository, noticeEntity } from './repository';

/**
 * The daily digest job (`{ "job": "notification-digest", "time"? }`): EventBridge Scheduler every hour on
 * AWS, the platform's scheduler locally (its clock injectable). From the configured hour in Vietnam, each
 * active person whose notices of the last 24 hours include kinds they set to "digest" gets ONE e-mail
 * listing them: a per-person, per-day record is claimed with a condition before the send, so a second
 * run, a retried invocation or two concurrent ones send nothing more. A tenant's day is marked done once
 * every person was handled, so later runs that day read one item.
 */
export const DIGEST_JOB = 'notification-digest';

export const isDigestJob = (e: unknown): e is { job: typeof DIGEST_JOB; time?: string } =>
  typeof e === 'object' && e !== null && (e as { job?: unknown }).job === DIGEST_JOB;

/** Digest records go with the day's mail; kept long enough to answer "was it sent?". */
const DIGEST_TTL_SECONDS = 60 * 24 * 60 * 60;
const epoch = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

export const DigestRecord = z.object({
  tenantId: z.string(),
  userId: z.string(),
  day: z.string(),
  state: z.enum(['sending', 'sent', 'failed']),
  attempts: z.number().int(),
  notices: z.number().int(),
  messageId: z.string().nullable(),
  lastError: z.string().nullable(),
  updatedAt: z.string(),
});
export type DigestRecord = z.infer<typeof DigestRecord>;

/** One per person and day, in the person's notices partition (the bell reads `N#` only). */
export const digestEntity = defineEntity({
  type: 'NotificationDigest',
  schema: DigestRecord,
  pk: (d: { tenantId: string; userId: string }) => `${t(d.tenantId)}#USER#${d.userId}#NTF`,
  sk: sortKey('DIGEST#', (d: { day: string }) => d.day),
  attributes: (d: DigestRecord) => d,
  extra: (d: { updatedAt: string }) => ({ ttl: epoch(d.updatedAt) + DIGEST_TTL_SECONDS }),
});

/** A tenant's day fully handled: later runs that day stop at this item. */
const DigestDay = z.object({
  tenantId: z.string(),
  day: z.string(),
  people: z.number().int(),
  at: z.string(),
});

export const digestDayEntity = defineEntity({
  type: 'NotificationDigestDay',
  schema: DigestDay,
  pk: (d: { tenantId: string }) => `${t(d.tenantId)}#NTF#DIGESTS`,
  sk: sortKey('DAY#', (d: { day: string }) => d.day),
  attributes: (d: z.infer<typeof DigestDay>) => d,
  extra: (d: { at: string }) => ({ ttl: epoch(d.at) + DIGEST_TTL_SECONDS }),
});

export interface DigestDeps {
  ref: TableRef;
  notifications: Pick<NotificationRepository, 'preferences' | 'isSuppressed'>;
  users: Pick<UserRepository, 'allOfUnit'>;
  units: Pick<UnitRepository, 'all'>;
  email: EmailChannel | undefined;
  links: UnsubscribeLinks;
  config: Pick<NotifyConfig, 'from' | 'contact' | 'appUrl' | 'digestHour' | 'maxAttempts'>;
}

export interface DigestReport {
  day: string | null;
  sent: number;
  /** People with nothing of a digest kind that day (no mail, no record). */
  empty: number;
  /** Sent (or being sent) by an earlier run. */
  already: number;
  failed: number;
}

const b36 = (iso: string) => Date.parse(iso).toString(36).padStart(9, '0');

/** The person's notices created in the window (notice ids begin with their creation time). */
const noticesIn = async (deps: DigestDeps, tenantId: string, userId: string, w: DigestWindow) =>
  (
    await noticeEntity
      .on(deps.ref)
      .all('primary', { tenantId, userId }, { sort: { between: [`N#${b36(w.from)}`, `N#${b36(w.until)}`] } })
  ).filter((n) => n.createdAt >= w.from && n.createdAt < w.until);

type Outcome = 'sent' | 'empty' | 'already' | 'failed';

async function digestOf(
  deps: DigestDeps,
  tenantId: string,
  user: User,
  w: DigestWindow,
  now: Date,
): Promise<Outcome> {
  const key = { tenantId, userId: user.id, day: w.day };
  const previous = await digestEntity.on(deps.ref).get(key, { consistent: true });
  if (previous && (previous.state !== 'failed' || previous.attempts >= deps.config.maxAttempts))
    return 'already';
  const notices = await noticesIn(deps, tenantId, user.id, w);
  if (notices.length === 0) return 'empty';
  const prefs = await deps.notifications.preferences(tenantId, user.id);
  // Today's preferences decide: a kind switched to immediate mail since was mailed already.
  const chosen: InAppNotification[] = notices.filter((n) => emailTiming(n.kind, prefs) === 'digest');
  if (chosen.length === 0 || !deps.email) return 'empty';
  if (await deps.notifications.isSuppressed(tenantId, user.email)) return 'empty';
  const links = await deps.links.forRecipient(tenantId, user.id, 'daily_digest', now);
  const message = renderDigest(chosen, user.email, {
    appUrl: deps.config.appUrl,
    recipientName: user.name,
    contact: deps.config.contact,
    window: w,
    unsubscribeUrl: links.oneClick,
    unsubscribePageUrl: links.page,
  });
  if (!message) return 'empty';
  const claim: DigestRecord = {
    ...key,
    state: 'sending',
    attempts: (previous?.attempts ?? 0) + 1,
    notices: chosen.length,
    messageId: null,
    lastError: null,
    updatedAt: now.toISOString(),
  };
  try {
    await transactWrite(deps.ref.client, [
      digestEntity.put(
        deps.ref.table,
        claim,
        previous ? and(equals('state', 'failed'), equals('attempts', previous.attempts)) : absent(),
      ),
    ]);
  } catch (err) {
    // Another run claimed it between our read and our write: that run sends it.
    if (err instanceof TransactionRefused) return 'already';
    throw err;
  }
  try {
    const messageId = await deps.email.send(message, deps.config.from);
    await transactWrite(deps.ref.client, [
      digestEntity.put(deps.ref.table, { ...claim, state: 'sent', messageId }),
    ]);
    return 'sent';
  } catch (err) {
    const lastError = err instanceof Error ? err.message : String(err);
    // The next hourly run tries again, up to `maxAttempts` in all.
    await transactWrite(deps.ref.client, [
      digestEntity.put(deps.ref.table, { ...claim, state: 'failed', lastError }),
    ]);
    return 'failed';
  }
}

/** Runs `fn` over `items` with at most `limit` at once. */
const eachLimited = async <T>(items: readonly T[], limit: number, fn: (x: T) => Promise<void>) => {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
};

/** A province has a few thousand people: each is a Query or two, several at once. */
const PARALLEL = 8;

export async function runDigestJob(
  deps: DigestDeps,
  tenants: readonly string[],
  now: Date,
): Promise<DigestReport> {
  const w = digestWindow(now.toISOString(), deps.config.digestHour);
  const report: DigestReport = { day: w?.day ?? null, sent: 0, empty: 0, already: 0, failed: 0 };
  if (!w) return report;
  const days = digestDayEntity.on(deps.ref);
  for (const tenantId of tenants) {
    if (await days.get({ tenantId, day: w.day }, { consistent: true })) continue;
    const units = await deps.units.all(tenantId);
    const people = new Map<string, User>();
    for (const unit of units) {
      for (const u of await deps.users.allOfUnit(tenantId, unit.id)) if (u.active) people.set(u.id, u);
    }
    let failed = 0;
    await eachLimited([...people.values()], PARALLEL, async (user) => {
      const outcome = await digestOf(deps, tenantId, user, w, now);
      report[outcome] += 1;
      if (outcome === 'failed') failed += 1;
    });
    // A failed send keeps the day open: the next run retries it (and reads the others' records).
    if (failed === 0) {
      await transactWrite(deps.ref.client, [
        digestDayEntity.put(
          deps.ref.table,
          { tenantId, day: w.day, people: people.size, at: now.toISOString() },
          absent(),
        ),
      ]).catch((err: unknown) => {
        if (!(err instanceof TransactionRefused)) throw err;
      });
    }
  }
  return report;
}
