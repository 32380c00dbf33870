import { findFormAssignment } from '@thidua/shared/campaign';
import { notificationContracts as c, type DeadLetter } from '@thidua/shared/contracts';
import { manualReminders } from '@thidua/shared/notifications';
import { authorizeDeadLetters, authorizeRemind } from '@thidua/shared/policy';
import { TransactionRefused, transactWrite } from '../../kernel/data/transact';
import type { Deps } from '../../kernel/deps';
import { BadRequest, Conflict, Forbidden, NotFound, RuleViolation } from '../../kernel/http/errors';
import { ok } from '../../kernel/http/response';
import { type RouteImpl, userRoute } from '../../kernel/http/route';
import { type DeliveryDeps, sendOnce } from './delivery';
import { obligationsBelow } from './reminders';
import { type NotificationRepository, outboxItems } from './repository';

/**
 * A write refused by a condition: the request's key was used concurrently (its record exists now) or the
 * notice changed meanwhile. A 409 lets the kernel answer a replay from the stored record.
 */
const orDuplicate = async <T>(write: Promise<T>): Promise<T> => {
  try {
    return await write;
  } catch (err) {
    if (err instanceof TransactionRefused)
      throw new Conflict(
        'Yêu cầu trùng lặp hoặc dữ liệu đã thay đổi; hãy tải lại',
        undefined,
        'duplicate_request',
      );
    throw err;
  }
};

/** A transaction holds 100 items; one slot stays for the idempotency record. */
const OUTBOX_CHUNK = 99;

/**
 * The bell (the caller's notices, unread count, mark read), the caller's e-mail preferences, the
 * administrator's dead letters, and the completeness page's "Nhắc nhở". A person reads only their own
 * notices: every key is built from the caller's identity, never from the request.
 */
export const notificationRoutes = (
  d: Pick<Deps, 'campaigns' | 'clients' | 'config' | 'units' | 'users' | 'submissions' | 'templates'>,
  notifications: NotificationRepository,
  delivery: () => DeliveryDeps,
): RouteImpl[] => [
  userRoute(c.listMyNotifications, async ({ identity, query }) => {
    const [page, unread] = await Promise.all([
      notifications.page(identity.tenantId, identity.userId, query.limit, query.cursor),
      notifications.unread(identity.tenantId, identity.userId),
    ]);
    return ok({ ...page, unread });
  }),

  userRoute(c.markNotificationRead, async ({ identity, params, remember }) => {
    const unread = await orDuplicate(
      notifications.markRead(identity.tenantId, identity.userId, params.notificationId, (n) =>
        remember(ok({ unread: n })),
      ),
    );
    if (unread === 'missing') throw new NotFound('Không tìm thấy thông báo');
    return ok({ unread });
  }),

  userRoute(c.markAllNotificationsRead, async ({ identity, remember }) => {
    const response = ok({ unread: 0 });
    await orDuplicate(notifications.markAllRead(identity.tenantId, identity.userId, remember(response)));
    return response;
  }),

  userRoute(c.getMyNotificationPreferences, async ({ identity }) =>
    ok(await notifications.preferences(identity.tenantId, identity.userId)),
  ),

  userRoute(c.putMyNotificationPreferences, async ({ identity, body, remember }) => {
    const response = ok(body);
    await orDuplicate(
      notifications.savePreferences(identity.tenantId, identity.userId, body, remember(response)),
    );
    return response;
  }),

  userRoute(c.listDeadLetters, async ({ identity, query }) => {
    const decision = authorizeDeadLetters(identity);
    if (!decision.allowed) throw new Forbidden(decision.reason);
    const page = await notifications.deadLetters(identity.tenantId, query.limit, query.cursor);
    return ok({
      nextCursor: page.nextCursor,
      items: page.items.map(
        (x): DeadLetter => ({
          id: x.id,
          intentId: x.intent.id,
          kind: x.intent.kind,
          title: x.intent.subject.title,
          userId: x.userId,
          email: x.email,
          attempts: x.attempts,
          lastError: x.lastError,
          failedAt: x.failedAt,
        }),
      ),
    });
  }),

  userRoute(c.replayDeadLetter, async ({ identity, params }) => {
    const decision = authorizeDeadLetters(identity);
    if (!decision.allowed) throw new Forbidden(decision.reason);
    const t = identity.tenantId;
    const letter = await notifications.deadLetter(t, params.deadLetterId);
    if (!letter) throw new NotFound('Không tìm thấy thư lỗi');
    const user = await d.users.get(t, letter.userId);
    if (!user) throw new NotFound('Người nhận không còn trong danh bạ');
    const deps = delivery();
    const previous = await notifications.delivery(t, params.deadLetterId.split('_')[0] ?? '', letter.userId);
    // The current address: a person whose e-mail was corrected gets it there.
    const outcome = await sendOnce(deps, letter.intent, user, previous);
    if (outcome === 'sent') await notifications.removeDeadLetter(t, letter.id);
    const again =
      outcome === 'sent' ? null : ((await notifications.deadLetter(t, letter.id))?.lastError ?? null);
    return ok({
      sent: outcome === 'sent',
      error: outcome === 'skipped' ? 'Thư đang được gửi hoặc đã gửi' : again,
    });
  }),

  userRoute(c.remindUnits, async ({ identity, params, body, event, now, remember }) => {
    const key = event.headers?.['idempotency-key'];
    if (!key) {
      throw new BadRequest('Cần Idempotency-Key: một lần bấm "Nhắc nhở" là một lần nhắc', [
        { path: 'headers.idempotency-key', message: 'Bắt buộc' },
      ]);
    }
    const t = identity.tenantId;
    const [campaign, parent] = await Promise.all([
      d.campaigns.get(t, params.campaignId),
      d.units.get(t, body.parentUnitId ?? identity.unitId),
    ]);
    if (!campaign) throw new NotFound('Không tìm thấy phong trào');
    if (!parent) throw new NotFound('Không tìm thấy đơn vị');
    const decision = authorizeRemind(identity, parent);
    if (!decision.allowed) throw new Forbidden(decision.reason);
    const assignment = findFormAssignment(campaign, body.formKey);
    if (!assignment?.periods.includes(body.period)) {
      throw new RuleViolation('Biểu mẫu hoặc kỳ báo cáo không thuộc phong trào này', [
        { path: assignment ? 'body.period' : 'body.formKey', message: 'Không thuộc phong trào' },
      ]);
    }
    const owed = await obligationsBelow(
      d,
      { campaign, formKey: body.formKey, period: body.period, parent },
      now,
    );
    if (owed.length === 0 || !owed[0]?.dueAt) {
      throw new RuleViolation('Biểu mẫu chưa có hạn nộp cho kỳ này', [
        { path: 'body.period', message: 'Chưa có hạn nộp' },
      ]);
    }
    const chosen = body.unitIds ? owed.filter((o) => body.unitIds?.includes(o.unitId)) : owed;
    const intents = manualReminders(chosen, key, now.toISOString(), body.message ?? null);
    const response = ok({
      reminded: intents.map((i) => (i.audience.type === 'unit_roles' ? i.audience.unitId : '')),
    });
    const items = outboxItems(d.config.tableName, intents);
    // Each chunk is one transaction; the last one carries the idempotency record (a replay stops there).
    for (let i = 0; i < items.length || i === 0; i += OUTBOX_CHUNK) {
      const last = i + OUTBOX_CHUNK >= items.length;
      await orDuplicate(
        transactWrite(d.clients.doc, [
          ...items.slice(i, i + OUTBOX_CHUNK),
          ...(last ? remember(response) : []),
        ]),
      );
    }
    return response;
  }),
];
