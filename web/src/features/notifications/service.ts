import {
  getMyNotificationPreferences,
  listDeadLetters,
  listMyNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  putMyNotificationPreferences,
  type RequestOf,
  remindUnits,
  replayDeadLetter,
} from '@thidua/shared/contracts';
import type { NotificationPreferences } from '@thidua/shared/notifications';
import { useMemo } from 'react';
import type { ApiClient } from '../../api/client';
import { useApi } from '../../app/services';

/** The notifications API as typed calls of its contracts (shared/src/contracts/notifications.ts). */
export const notificationService = (api: ApiClient) => ({
  page: (cursor?: string) =>
    api.call(listMyNotifications, { query: { limit: 30, ...(cursor ? { cursor } : {}) } }),
  /** The bell's count: the list's `unread`, with one item (no route of its own). */
  unread: () => api.call(listMyNotifications, { query: { limit: 1 } }),
  markRead: (notificationId: string) =>
    api.call(markNotificationRead, { params: { notificationId }, idempotencyKey: crypto.randomUUID() }),
  markAllRead: () => api.call(markAllNotificationsRead, { idempotencyKey: crypto.randomUUID() }),
  preferences: () => api.call(getMyNotificationPreferences),
  savePreferences: (body: NotificationPreferences) =>
    api.call(putMyNotificationPreferences, { body, idempotencyKey: crypto.randomUUID() }),
  deadLetters: (cursor?: string) =>
    api.call(listDeadLetters, { query: { limit: 50, ...(cursor ? { cursor } : {}) } }),
  replay: (deadLetterId: string, idempotencyKey: string) =>
    api.call(replayDeadLetter, { params: { deadLetterId }, idempotencyKey }),
  remind: (campaignId: string, body: RequestOf<typeof remindUnits>['body'], idempotencyKey: string) =>
    api.call(remindUnits, { params: { campaignId }, body, idempotencyKey }),
});

export const useNotifications = () => {
  const api = useApi();
  return useMemo(() => notificationService(api), [api]);
};

/** The bell's query key: every change of read state refreshes it. */
export const unreadKey = ['notifications', 'unread'] as const;
