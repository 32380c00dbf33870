import * as z from 'zod';
import { Id, Instant, TenantId } from '../common';
import { Role } from '../org';
import { NotificationKind, type NotificationPreferences, NotificationSubject } from './notice';

export * from './notice';

/**
 * What the platform tells people without being asked (issue 16). A notification is first an *intent*:
 * written in the same transaction as the act that causes it (an outbox), then delivered to the people
 * its audience resolves to, in the app and through the channels they chose. Intent ids are
 * deterministic, so a replayed act or a re-run schedule produces the same id and delivers once.
 */

/** Who should hear of it: people of a unit holding one of the roles, or one person. */
export const Audience = z.discriminatedUnion('type', [
  z.object({ type: z.literal('unit_roles'), unitId: Id, roles: z.array(Role).min(1) }),
  z.object({ type: z.literal('user'), userId: z.string().min(1) }),
  /** Several units at once (a decision concerning many): one outbox item, whatever the number of units. */
  z.object({
    type: z.literal('units_roles'),
    unitIds: z.array(Id).min(1).max(500),
    roles: z.array(Role).min(1),
  }),
  /** Named people (the members of a council session): one outbox item for all of them. */
  z.object({ type: z.literal('users'), userIds: z.array(z.string().min(1).max(64)).min(1).max(100) }),
]);
export type Audience = z.infer<typeof Audience>;

/** One line of an e-mail's particulars: a label and its value, in Vietnamese. */
export const NotificationDetail = z.object({ label: z.string().min(1).max(60), value: z.string().max(500) });
export type NotificationDetail = z.infer<typeof NotificationDetail>;

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
  /** What the e-mail lists under the title ("Đơn vị trình", "Hình thức"…), as the event's data says it. */
  details: z.array(NotificationDetail).max(8).optional(),
});
export type NotificationIntent = z.infer<typeof NotificationIntent>;

/** Channels a person can be reached through. `in_app` is always on; others need a configured sender. */
export const channels = ['in_app', 'email', 'sms', 'zalo'] as const;
export const Channel = z.enum(channels);
export type Channel = z.infer<typeof Channel>;

/** Kinds that ask the reader to act: mailed at once unless the person chose otherwise. */
export const actionKinds: readonly NotificationKind[] = [
  'awaiting_review',
  'awaiting_signoff',
  'batch_awaiting',
  'ballot_open',
  'decision_to_sign',
  // A disclosure's window is a few working days: the secretariat answers before the council sits.
  'public_comment',
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
