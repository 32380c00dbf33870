import * as z from 'zod';
import { Id, Instant } from '../common';

/**
 * What a person reads of notifications (the bell, the preferences): kept apart from the intents and their
 * audiences so that the route contracts (and the OpenAPI document every function carries) need only this.
 */
export const notificationKinds = [
  /** A report reached the reader's level (or its unit head's sign-off). */
  'awaiting_review',
  'awaiting_signoff',
  /** A tờ trình reached the province. */
  'batch_awaiting',
  /** A council session opened for the reader's ballot. */
  'ballot_open',
  /** A decision awaits the reader's signature. */
  'decision_to_sign',
  'returned',
  'approved',
  'rejected',
  /** The author withdrew a report that was waiting at the reader's level. */
  'withdrawn',
  'decision_signed',
  'decision_revoked',
  'public_comment',
  'deadline_soon',
  'overdue',
  'escalation',
  /** A reviewer pressed "Nhắc nhở" on the completeness page. */
  'reminder',
] as const;
export const NotificationKind = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof NotificationKind>;

/** What the notification is about; `path` is the app route that opens it. */
export const NotificationSubject = z.object({
  type: z.enum(['submission', 'batch', 'council_session', 'decision', 'disclosure', 'campaign']),
  id: Id,
  /** Shown in lists and e-mails: "Báo cáo quý I/2023 — Xã Tân Thành". */
  title: z.string().max(300),
  path: z.string().startsWith('/'),
  /** A field to open the page at (a reviewer's comment), as `#field-<key>` on the path. */
  fieldKey: z.string().max(200).optional(),
});
export type NotificationSubject = z.infer<typeof NotificationSubject>;

/**
 * A person's choices: which kinds reach them by e-mail at once, and whether the rest come as one daily
 * digest. Kinds that are someone's turn to act default to immediate mail; the others to the digest.
 */
export const NotificationPreferences = z.object({
  emailKinds: z.array(NotificationKind),
  dailyDigest: z.boolean(),
  /** Kinds the person unsubscribed from by the link in an e-mail (never mailed, still in the app). */
  unsubscribed: z.array(NotificationKind),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

/** One notice as one person reads it in the app (the bell's list): one per intent and recipient. */
export const InAppNotification = z.object({
  /** Sortable by time and deterministic from the intent: `<createdAt base36>-<hash of intent id>`. */
  id: Id,
  intentId: z.string().min(1).max(300),
  kind: NotificationKind,
  subject: NotificationSubject,
  reason: z.string().max(2000).nullable(),
  dueAt: Instant.nullable(),
  createdAt: Instant,
  readAt: Instant.nullable(),
});
export type InAppNotification = z.infer<typeof InAppNotification>;

/** The app path of a notice: its subject's page, at the commented field when there is one. */
export const notificationHref = (n: Pick<InAppNotification, 'subject'>): string =>
  `${n.subject.path}${n.subject.fieldKey ? `#field-${encodeURIComponent(n.subject.fieldKey)}` : ''}`;
