import * as z from 'zod';
import { Id, Instant } from '../common';
import { InAppNotification, NotificationKind, NotificationPreferences } from '../notifications/notice';
import { CampaignParams, defineRoute, PageQuery } from './kernel';

/** The bell: one page of the caller's notices, newest first, and how many are unread. */
export const NotificationPage = z.object({
  items: z.array(InAppNotification),
  nextCursor: z.string().nullable(),
  unread: z.number().int().nonnegative(),
});
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

export const listMyNotifications = defineRoute({
  method: 'GET',
  path: '/me/notifications',
  group: 'notifications',
  auth: 'user',
  operationId: 'listMyNotifications',
  summary: 'My notices and unread count',
  query: PageQuery,
  response: NotificationPage,
  errors: [],
});

export const markNotificationRead = defineRoute({
  method: 'POST',
  path: '/me/notifications/{notificationId}/read',
  group: 'notifications',
  auth: 'user',
  operationId: 'markNotificationRead',
  summary: 'Mark a notice read',
  params: NotificationParams,
  response: UnreadCount,
  errors: [400, 404, 409],
  // A replay is answered from the stored record before anything is read.
  idempotencyPrecheck: true,
});

export const markAllNotificationsRead = defineRoute({
  method: 'POST',
  path: '/me/notifications/read-all',
  group: 'notifications',
  auth: 'user',
  operationId: 'markAllNotificationsRead',
  summary: 'Mark all read',
  response: UnreadCount,
  errors: [400, 409],
  // Several transactions when many are unread: a replay must not walk them again.
  idempotencyPrecheck: true,
});

export const getMyNotificationPreferences = defineRoute({
  method: 'GET',
  path: '/me/notification-preferences',
  group: 'notifications',
  auth: 'user',
  operationId: 'getMyNotificationPreferences',
  summary: 'My e-mail preferences',
  response: NotificationPreferences,
  errors: [],
});

export const putMyNotificationPreferences = defineRoute({
  method: 'PUT',
  path: '/me/notification-preferences',
  group: 'notifications',
  auth: 'user',
  operationId: 'putMyNotificationPreferences',
  summary: 'Set my e-mail preferences',
  body: NotificationPreferences,
  response: NotificationPreferences,
  errors: [409],
  idempotencyPrecheck: true,
});

export const listDeadLetters = defineRoute({
  method: 'GET',
  path: '/admin/notifications/dead-letters',
  group: 'notifications',
  auth: 'user',
  operationId: 'listDeadLetters',
  summary: 'Failed e-mails',
  query: PageQuery,
  response: z.object({ items: z.array(DeadLetter), nextCursor: z.string().nullable() }),
  errors: [403],
});

export const replayDeadLetter = defineRoute({
  method: 'POST',
  path: '/admin/notifications/dead-letters/{deadLetterId}/replay',
  group: 'notifications',
  auth: 'user',
  operationId: 'replayDeadLetter',
  summary: 'Send a failed e-mail again',
  params: DeadLetterParams,
  response: z.object({ sent: z.boolean(), error: z.string().nullable() }),
  errors: [400, 403, 404],
  idempotencyPrecheck: true,
});

export const remindUnits = defineRoute({
  method: 'POST',
  path: '/campaigns/{campaignId}/reminders',
  group: 'notifications',
  auth: 'user',
  operationId: 'remindUnits',
  summary: 'Remind units that have not filed (one notice per unit per Idempotency-Key)',
  params: CampaignParams,
  body: RemindBody,
  response: RemindResult,
  errors: [400, 403, 404, 409, 422],
  idempotencyPrecheck: true,
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
};
