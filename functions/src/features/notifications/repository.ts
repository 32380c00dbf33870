import { createHash } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  defaultPreferences,
  InAppNotification,
  NotificationIntent,
  NotificationPreferences,
} from '@thidua/shared/notifications';
import * as z from 'zod';
import { absent, and, equals, isNull } from '../../kernel/data/conditions';
import { counterUpdate } from '../../kernel/data/counters';
import { defineEntity, sortKey, type TableRef, tenantPrefix as t } from '../../kernel/data/entity';
import type { Page } from '../../kernel/data/pagination';
import { TransactionRefused, type TxItem, transactWrite } from '../../kernel/data/transact';
import { epoch, intentEntity } from './intents';

export { intentEntity, OUTBOX_ITEM_TYPE, outboxItems } from './intents';

/**
 * The notifications' items (docs/data-model.md): the outbox (intents written with the act that causes
 * them; the table's stream carries them to the consumer), each person's notices with an unread counter,
 * their preferences, one delivery record per e-mail, the dead letters, the addresses SES reported dead.
 */

/** Notices older than a year leave the bell. */
const NOTICE_TTL_SECONDS = 366 * 24 * 60 * 60;

/** A notice's id: sortable by time, deterministic from the intent (so one notice per intent and person). */
export const noticeId = (intent: Pick<NotificationIntent, 'id' | 'createdAt'>): string =>
  `${Date.parse(intent.createdAt).toString(36).padStart(9, '0')}-${createHash('sha256').update(intent.id).digest('hex').slice(0, 20)}`;

const StoredNotice = InAppNotification.extend({ tenantId: z.string(), userId: z.string() });
type StoredNotice = z.infer<typeof StoredNotice>;

const noticePartition = (n: { tenantId: string; userId: string }) => `${t(n.tenantId)}#USER#${n.userId}#NTF`;

export const noticeEntity = defineEntity({
  type: 'Notification',
  schema: StoredNotice,
  pk: noticePartition,
  sk: sortKey('N#', (n: { id: string }) => n.id),
  attributes: (n: StoredNotice) => n,
  indexes: {
    /** The unread ones only (sparse): "mark all read" walks them without a filter. */
    unread: {
      index: 'gsi1',
      pk: (n: { tenantId: string; userId: string }) => `${noticePartition(n)}#UNREAD`,
      sk: (n: StoredNotice) => n.id,
      when: (n: StoredNotice) => n.readAt === null,
    },
  },
  extra: (n: { createdAt: string }) => ({ ttl: epoch(n.createdAt) + NOTICE_TTL_SECONDS }),
});

const unreadKey = (tenantId: string, userId: string) => ({
  pk: noticePartition({ tenantId, userId }),
  sk: '#UNREAD',
});

export const preferencesEntity = defineEntity({
  type: 'NotificationPreferences',
  schema: NotificationPreferences,
  pk: noticePartition,
  sk: sortKey('PREFS'),
  attributes: ({
    tenantId: _t,
    userId: _u,
    ...p
  }: NotificationPreferences & { tenantId: string; userId: string }) => p,
});

export const deliveryStates = ['sending', 'sent', 'failed', 'dead'] as const;
export const Delivery = z.object({
  tenantId: z.string(),
  noticeId: z.string(),
  userId: z.string(),
  intentId: z.string(),
  email: z.string(),
  state: z.enum(deliveryStates),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  messageId: z.string().nullable(),
  updatedAt: z.string(),
  /** Until when a claim ("sending") is its holder's; after it, the holder is taken for dead. */
  leaseUntil: z.string().nullable().optional(),
});
export type Delivery = z.infer<typeof Delivery>;

/** While an e-mail is claimed or failed, it waits in this sparse index by the end of its lease. */
const unfinished = (d: Delivery): boolean => d.state === 'sending' || d.state === 'failed';

/**
 * One e-mail of one intent to one person: claimed with a lease before sending, so a retried delivery
 * sends once while its holder lives, and again (same Message-ID) only when the holder died mid-send.
 */
export const deliveryEntity = defineEntity({
  type: 'EmailDelivery',
  schema: Delivery,
  pk: (d: { tenantId: string; noticeId: string; userId: string }) =>
    `${t(d.tenantId)}#DELIVERY#${d.noticeId}#${d.userId}`,
  sk: sortKey('EMAIL'),
  indexes: {
    /** The unfinished ones by lease end: the sweep takes those whose lease ran out. */
    unfinished: {
      index: 'gsi1',
      pk: (d: { tenantId: string }) => `${t(d.tenantId)}#DELIVERY#UNFINISHED`,
      sk: (d: Delivery) => `${d.leaseUntil ?? d.updatedAt}#${d.noticeId}#${d.userId}`,
      when: unfinished,
    },
  },
});

export const DeadLetterItem = z.object({
  tenantId: z.string(),
  id: z.string(),
  intent: NotificationIntent,
  userId: z.string(),
  email: z.string(),
  attempts: z.number().int(),
  lastError: z.string(),
  failedAt: z.string(),
});
export type DeadLetterItem = z.infer<typeof DeadLetterItem>;

export const deadLetterEntity = defineEntity({
  type: 'DeadLetter',
  schema: DeadLetterItem,
  pk: (d: { tenantId: string }) => `${t(d.tenantId)}#NTF#DEADLETTERS`,
  sk: sortKey('DL#', (d: { id: string }) => d.id),
});

/** An address SES reported as bouncing or complaining: never mailed again. */
export const suppressedEntity = defineEntity({
  type: 'MailSuppressed',
  schema: z.object({ tenantId: z.string(), email: z.string(), reason: z.string(), at: z.string() }),
  pk: (s: { tenantId: string }) => `${t(s.tenantId)}#MAILSTOP`,
  sk: sortKey('E#', (s: { email: string }) => s.email.toLowerCase()),
});

export const deadLetterId = (noticeId: string, userId: string): string => `${noticeId}_${userId}`;

export interface NotificationRepository {
  /** An outbox item, while it lives (30 days): what a retried e-mail is made from. */
  intent(tenantId: string, id: string): Promise<NotificationIntent | undefined>;
  /** Writes the person's notice and bumps the unread counter; false when it was there already. */
  addNotice(tenantId: string, userId: string, intent: NotificationIntent): Promise<boolean>;
  page(tenantId: string, userId: string, limit: number, cursor?: string): Promise<Page<InAppNotification>>;
  unread(tenantId: string, userId: string): Promise<number>;
  /**
   * Marks one read, with the request's idempotency record built from the unread count after it (so a
   * replay answers the same); 'missing' when the person has no such notice.
   */
  markRead(
    tenantId: string,
    userId: string,
    id: string,
    extra: (unreadAfter: number) => readonly TxItem[],
  ): Promise<number | 'missing'>;
  markAllRead(tenantId: string, userId: string, extra: readonly TxItem[]): Promise<void>;
  preferences(tenantId: string, userId: string): Promise<NotificationPreferences>;
  savePreferences(
    tenantId: string,
    userId: string,
    p: NotificationPreferences,
    extra: readonly TxItem[],
  ): Promise<void>;
  delivery(tenantId: string, noticeId: string, userId: string): Promise<Delivery | undefined>;
  /**
   * Claims an e-mail for sending: true when the record is still as `previous` was read (absent, or a
   * failed or dead attempt the caller decided to retry); one conditional write, so two consumers never
   * both win and a sent e-mail is never claimed again.
   */
  claimDelivery(
    d: Omit<Delivery, 'state' | 'messageId' | 'lastError'>,
    previous: Delivery | undefined,
  ): Promise<boolean>;
  recordDelivery(d: Delivery): Promise<void>;
  /** E-mails claimed or failed whose lease ended before `now` (their holder died), oldest first. */
  expiredDeliveries(tenantId: string, now: Date, limit: number): Promise<Delivery[]>;
  /** Parks the e-mail as a dead letter; `last` is its delivery record after the last failed attempt. */
  addDeadLetter(d: DeadLetterItem, last: Delivery): Promise<void>;
  deadLetters(tenantId: string, limit: number, cursor?: string): Promise<Page<DeadLetterItem>>;
  deadLetter(tenantId: string, id: string): Promise<DeadLetterItem | undefined>;
  removeDeadLetter(tenantId: string, id: string): Promise<void>;
  suppress(tenantId: string, email: string, reason: string, at: string): Promise<void>;
  isSuppressed(tenantId: string, email: string): Promise<boolean>;
}

/** At most this many notices are marked read per transaction (one slot stays for the counter). */
const MARK_ALL_CHUNK = 90;

export const createNotificationRepository = (ref: TableRef): NotificationRepository => {
  const { table, client } = ref;
  const notices = noticeEntity.on(ref);
  const unreadCounter = (tenantId: string, userId: string, delta: number) =>
    counterUpdate(table, unreadKey(tenantId, userId), new Map([['unread', delta]]));
  const readVersion = (n: StoredNotice, at: string): TxItem =>
    noticeEntity.put(table, { ...n, readAt: at }, isNull('readAt'));

  const repo: NotificationRepository = {
    intent: (tenantId, id) => intentEntity.on(ref).get({ tenantId, id }, { consistent: true }),

    async addNotice(tenantId, userId, intent) {
      const notice: StoredNotice = {
        tenantId,
        userId,
        id: noticeId(intent),
        intentId: intent.id,
        kind: intent.kind,
        subject: intent.subject,
        reason: intent.reason,
        dueAt: intent.dueAt,
        createdAt: intent.createdAt,
        readAt: null,
      };
      try {
        await transactWrite(client, [
          noticeEntity.put(table, notice, absent()),
          unreadCounter(tenantId, userId, 1),
        ]);
        return true;
      } catch (err) {
        if (err instanceof TransactionRefused && err.reasonAt(0)?.code === 'ConditionalCheckFailed')
          return false;
        throw err;
      }
    },

    async page(tenantId, userId, limit, cursor) {
      const page = await notices.page('primary', { tenantId, userId }, { limit, cursor, descending: true });
      return { ...page, items: page.items.map(({ tenantId: _t, userId: _u, ...n }) => n) };
    },

    async unread(tenantId, userId) {
      const r = await client.send(
        new GetCommand({
          TableName: table,
          Key: unreadKey(tenantId, userId),
          ConsistentRead: true,
        }),
      );
      const n = r.Item?.unread;
      return typeof n === 'number' && n > 0 ? n : 0;
    },

    async markRead(tenantId, userId, id, extra) {
      const [n, unread] = await Promise.all([
        notices.get({ tenantId, userId, id }, { consistent: true }),
        repo.unread(tenantId, userId),
      ]);
      if (!n) return 'missing';
      if (n.readAt !== null) {
        // Already read: only the idempotency record is written.
        await transactWrite(client, extra(unread));
        return unread;
      }
      const after = Math.max(0, unread - 1);
      await transactWrite(client, [
        readVersion(n, new Date().toISOString()),
        unreadCounter(tenantId, userId, -1),
        ...extra(after),
      ]);
      return after;
    },

    async markAllRead(tenantId, userId, extra) {
      const at = new Date().toISOString();
      const unread = await notices.all('unread', { tenantId, userId });
      // The counter is set from what is read, chunk by chunk; the last chunk carries the idempotency record.
      for (let i = 0; i < unread.length || i === 0; i += MARK_ALL_CHUNK) {
        const chunk = unread.slice(i, i + MARK_ALL_CHUNK);
        const last = i + MARK_ALL_CHUNK >= unread.length;
        const items = [
          ...chunk.map((n) => readVersion(n, at)),
          ...(chunk.length ? [unreadCounter(tenantId, userId, -chunk.length)] : []),
          ...(last ? extra : []),
        ];
        await transactWrite(client, items);
      }
    },

    async preferences(tenantId, userId) {
      return (await preferencesEntity.on(ref).get({ tenantId, userId })) ?? defaultPreferences();
    },

    async savePreferences(tenantId, userId, p, extra) {
      await transactWrite(client, [preferencesEntity.put(table, { ...p, tenantId, userId }), ...extra]);
    },

    delivery: (tenantId, id, userId) =>
      deliveryEntity.on(ref).get({ tenantId, noticeId: id, userId }, { consistent: true }),

    async claimDelivery(d, previous) {
      const claim: Delivery = { ...d, state: 'sending', messageId: null, lastError: null };
      const condition =
        previous === undefined
          ? absent()
          : and(equals('state', previous.state), equals('attempts', previous.attempts));
      try {
        await transactWrite(client, [deliveryEntity.put(table, claim, condition)]);
        return true;
      } catch (err) {
        if (err instanceof TransactionRefused && err.reasonAt(0)?.code === 'ConditionalCheckFailed')
          return false;
        throw err;
      }
    },

    async recordDelivery(d) {
      await transactWrite(client, [deliveryEntity.put(table, d)]);
    },

    async expiredDeliveries(tenantId, now, limit) {
      const page = await deliveryEntity
        .on(ref)
        .page('unfinished', { tenantId }, { limit, sort: { lessThan: now.toISOString() } });
      return page.items.filter(unfinished);
    },

    async addDeadLetter(d, last) {
      // A Put, not an update: the record leaves the sparse index of unfinished e-mails.
      await transactWrite(client, [
        deadLetterEntity.put(table, d),
        deliveryEntity.put(table, { ...last, state: 'dead', leaseUntil: null }),
      ]);
    },

    deadLetters: (tenantId, limit, cursor) =>
      deadLetterEntity.on(ref).page('primary', { tenantId }, { limit, cursor, descending: true }),

    deadLetter: (tenantId, id) => deadLetterEntity.on(ref).get({ tenantId, id }, { consistent: true }),

    async removeDeadLetter(tenantId, id) {
      await transactWrite(client, [deadLetterEntity.delete(table, { tenantId, id })]);
    },

    async suppress(tenantId, email, reason, at) {
      await transactWrite(client, [
        suppressedEntity.put(table, { tenantId, email: email.toLowerCase(), reason, at }),
      ]);
    },

    async isSuppressed(tenantId, email) {
      return (
        (await suppressedEntity
          .on(ref)
          .get({ tenantId, email: email.toLowerCase() }, { consistent: true })) !== undefined
      );
    },
  };
  return repo;
};
