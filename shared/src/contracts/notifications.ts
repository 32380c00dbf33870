import * as z from 'zod';
import { pageOf } from '../api';
import { Id, Instant } from '../common';
import { InAppNotification, NotificationKind, NotificationPreferences } from '../notifications/notice';
import { UnsubscribeToken, UnsubscribeTopic } from '../notifications/unsubscribe';
import { CampaignParams, defineRoute, type MediaResponse, PageQuery, type RouteSpec } from './kernel';

/** Every route of the group is a signed-in user's (kept short: every function carries the contracts). */
const route = <
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType | MediaResponse = z.ZodType,
>(
  spec: Omit<RouteSpec<P, Q, B, R>, 'group' | 'auth'>,
) => defineRoute<P, Q, B, R>({ ...spec, group: 'notifications', auth: 'user' });

/** The bell: one page of the caller's notices, newest first, and how many are unread. */
export const NotificationPage = pageOf(InAppNotification).extend({ unread: z.number().int().nonnegative() });
export type NotificationPage = z.infer<typeof NotificationPage>;

export const NotificationParams = z.object({ notificationId: Id });
const UnreadCount = z.object({ unread: z.number().int().nonnegative() });

/** A delivery that failed every attempt: what an administrator sees and can send again. */
export const DeadLetter = z.object({
  /** `<notification id>_<user id>`. */
  id: z.string().min(1).max(200),
  intentId: z.string(),
  kind: NotificationKind,
  title: z.string(),
  userId: z.string(),
  email: z.string(),
  attempts: z.number().int(),
  lastError: z.string(),
  failedAt: Instant,
});
export type DeadLetter = z.infer<typeof DeadLetter>;

export const DeadLetterParams = z.object({
  deadLetterId: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/),
});

export const RemindBody = z.object({
  formKey: Id,
  period: z.string().min(1).max(40),
  /** The reviewing unit whose children are reminded (the completeness page's unit); default: the caller's. */
  parentUnitId: Id.optional(),
  /** The units to remind (each must owe the form); absent: every unit below that has not filed. */
  unitIds: z.array(Id).max(500).optional(),
  message: z.string().trim().max(1000).optional(),
});
export const RemindResult = z.object({ reminded: z.array(Id) });

export const listMyNotifications = route({
  method: 'GET',
  path: '/me/notifications',
  operationId: 'listMyNotifications',
  summary: 'My notices and unread count',
  query: PageQuery,
  response: NotificationPage,
  errors: [],
});

export const markNotificationRead = route({
  method: 'POST',
  path: '/me/notifications/{notificationId}/read',
  operationId: 'markNotificationRead',
  summary: 'Mark a notice read',
  params: NotificationParams,
  response: UnreadCount,
  errors: [400, 404, 409],
  // A replay is answered from the stored record before anything is read.
  idempotencyPrecheck: true,
});

export const markAllNotificationsRead = route({
  method: 'POST',
  path: '/me/notifications/read-all',
  operationId: 'markAllNotificationsRead',
  summary: 'Mark all read',
  response: UnreadCount,
  errors: [400, 409],
  // Several transactions when many are unread: a replay must not walk them again.
  idempotencyPrecheck: true,
});

export const getMyNotificationPreferences = route({
  method: 'GET',
  path: '/me/notification-preferences',
  operationId: 'getMyNotificationPreferences',
  summary: 'My e-mail preferences',
  response: NotificationPreferences,
  errors: [],
});

export const putMyNotificationPreferences = route({
  method: 'PUT',
  path: '/me/notification-preferences',
  operationId: 'putMyNotificationPreferences',
  summary: 'Set my e-mail preferences',
  body: NotificationPreferences,
  response: NotificationPreferences,
  errors: [409],
  idempotencyPrecheck: true,
});

export const listDeadLetters = route({
  method: 'GET',
  path: '/admin/notifications/dead-letters',
  operationId: 'listDeadLetters',
  summary: 'Failed e-mails',
  query: PageQuery,
  response: pageOf(DeadLetter),
  errors: [403],
});

export const replayDeadLetter = route({
  method: 'POST',
  path: '/admin/notifications/dead-letters/{deadLetterId}/replay',
  operationId: 'replayDeadLetter',
  summary: 'Send a failed e-mail again',
  params: DeadLetterParams,
  response: z.object({ sent: z.boolean(), error: z.string().nullable() }),
  errors: [400, 403, 404],
  idempotencyPrecheck: true,
});

export const remindUnits = route({
  method: 'POST',
  path: '/campaigns/{campaignId}/reminders',
  operationId: 'remindUnits',
  summary: 'Remind units that have not filed (one notice per unit per Idempotency-Key)',
  params: CampaignParams,
  body: RemindBody,
  response: RemindResult,
  errors: [400, 403, 404, 409, 422],
  idempotencyPrecheck: true,
});

/**
 * One-click unsubscribe (RFC 8058) without signing in: the signed token of the e-mail is the only
 * credential; `unsubscribe` repeats its topic (a link edited to another topic is refused).
 */
export const UnsubscribeQuery = z.object({ unsubscribe: UnsubscribeTopic, token: UnsubscribeToken });
export const UnsubscribeView = z.object({
  topic: UnsubscribeTopic,
  /** "Báo cáo bị trả lại", or the daily digest. */
  label: z.string(),
  /** The address the mail went to, partly hidden: `ng***@demo.thidua.vn`. */
  email: z.string(),
  /** True once the person is unsubscribed (before or by this request). */
  unsubscribed: z.boolean(),
  expiresAt: Instant,
});
export type UnsubscribeView = z.infer<typeof UnsubscribeView>;

/** Both answer the same view of the same link: only the method and what it does differ. */
const unsubscribeRoute = (spec: {
  method: 'GET' | 'POST';
  operationId: string;
  summary: string;
  description?: string;
  errors: (403 | 404 | 409 | 422)[];
}) =>
  defineRoute({
    ...spec,
    path: '/public/notifications/preferences',
    group: 'notifications',
    auth: 'public',
    query: UnsubscribeQuery,
    response: UnsubscribeView,
  });

export const getUnsubscribe = unsubscribeRoute({
  method: 'GET',
  operationId: 'getUnsubscribe',
  summary: 'What an unsubscribe link of an e-mail stops (no sign-in)',
  errors: [403, 404, 422],
});

export const postUnsubscribe = unsubscribeRoute({
  method: 'POST',
  operationId: 'postUnsubscribe',
  summary: 'Unsubscribe by the link of an e-mail (RFC 8058 one-click; no sign-in)',
  description:
    'Thân yêu cầu (nếu có) là `List-Unsubscribe=One-Click` của trình đọc thư; gọi lại lần nữa không đổi gì.',
  errors: [403, 404, 409, 422],
});

export const notificationContracts = {
  listMyNotifications,
  markNotificationRead,
  markAllNotificationsRead,
  getMyNotificationPreferences,
  putMyNotificationPreferences,
  listDeadLetters,
  replayDeadLetter,
  remindUnits,
  getUnsubscribe,
  postUnsubscribe,
};
