import * as z from 'zod';
import { Id, Instant, TenantId } from '../common';
import { Role } from '../org';

/**
 * What the platform tells people without being asked (issue 16). A notification is first an *intent*:
 * written in the same transaction as the act that causes it (an outbox), then delivered to the people
 * its audience resolves to, in the app and through the channels they chose. Intent ids are
 * deterministic, so a replayed act or a re-run schedule produces the same id and delivers once.
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

/** Who should hear of it: people of a unit holding one of the roles, or one person. */
export const Audience = z.discriminatedUnion('type', [
  z.object({ type: z.literal('unit_roles'), unitId: Id, roles: z.array(Role).min(1) }),
  z.object({ type: z.literal('user'), userId: z.string().min(1) }),
]);
export type Audience = z.infer<typeof Audience>;

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

export const NotificationIntent = z.object({
  /** Deterministic: the same cause always yields the same id (delivery is idempotent on it). */
  id: z.string().min(1).max(300),
  tenantId: TenantId,
  kind: NotificationKind,
  audience: Audience,
  subject: NotificationSubject,
  /** A return or rejection reason, a comment's text: shown as said, never rewritten. */
  reason: z.string().max(2000).nullable(),
  /** The deadline the notice is about, if any. */
  dueAt: Instant.nullable(),
  createdAt: Instant,
});
export type NotificationIntent = z.infer<typeof NotificationIntent>;

/** Channels a person can be reached through. `in_app` is always on; others need a configured sender. */
export const channels = ['in_app', 'email', 'sms', 'zalo'] as const;
export const Channel = z.enum(channels);
export type Channel = z.infer<typeof Channel>;

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

/** Kinds that ask the reader to act: mailed at once unless the person chose otherwise. */
export const actionKinds: readonly NotificationKind[] = [
  'awaiting_review',
  'awaiting_signoff',
  'batch_awaiting',
  'ballot_open',
  'decision_to_sign',
  'returned',
  'deadline_soon',
  'overdue',
  'escalation',
  'reminder',
];

export const defaultPreferences = (): NotificationPreferences => ({
  emailKinds: [...actionKinds],
  dailyDigest: true,
  unsubscribed: [],
});

/** How one intent reaches one person: mailed now, kept for the digest, or only shown in the app. */
export type EmailTiming = 'now' | 'digest' | 'none';

export function emailTiming(kind: NotificationKind, prefs: NotificationPreferences): EmailTiming {
  if (prefs.unsubscribed.includes(kind)) return 'none';
  if (prefs.emailKinds.includes(kind)) return 'now';
  return prefs.dailyDigest ? 'digest' : 'none';
}

/** Vietnamese names of the kinds, for the bell's list, the preferences page and e-mail subjects. */
export const notificationKindLabels: Readonly<Record<NotificationKind, string>> = {
  awaiting_review: 'Báo cáo chờ thẩm định',
  awaiting_signoff: 'Báo cáo chờ thủ trưởng ký duyệt',
  batch_awaiting: 'Tờ trình chờ tỉnh xét',
  ballot_open: 'Phiên họp Hội đồng mở bỏ phiếu',
  decision_to_sign: 'Quyết định chờ ký',
  returned: 'Báo cáo bị trả lại',
  approved: 'Báo cáo được duyệt',
  rejected: 'Báo cáo bị từ chối',
  withdrawn: 'Báo cáo được đơn vị rút lại',
  decision_signed: 'Quyết định khen thưởng đã ký',
  decision_revoked: 'Quyết định khen thưởng bị hủy',
  public_comment: 'Ý kiến góp ý công khai mới',
  deadline_soon: 'Sắp đến hạn nộp',
  overdue: 'Đã quá hạn',
  escalation: 'Nhắc việc quá hạn',
  reminder: 'Nhắc nhở nộp báo cáo',
};

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
