import { notificationContracts as c, type UnsubscribeView } from '@thidua/shared/contracts';
import {
  applyUnsubscribe,
  isUnsubscribed,
  type NotificationPreferences,
  type UnsubscribeTopic,
  unsubscribeTopicLabel,
} from '@thidua/shared/notifications';
import type { User } from '@thidua/shared/org';
import { authorizeUnsubscribeLink } from '@thidua/shared/policy';
import { TransactionRefused } from '../../kernel/data/transact';
import type { Deps } from '../../kernel/deps';
import { BadRequest, Conflict, Forbidden, NotFound, RuleViolation } from '../../kernel/http/errors';
import { ok } from '../../kernel/http/response';
import { publicRoute, type RouteImpl } from '../../kernel/http/route';
import type { UnsubscribeLinks } from './links';
import type { NotificationRepository } from './repository';

/** `nguyen.van.a@demo.vn` → `ng***@demo.vn`: enough to recognise one's own address, not to harvest it. */
export const maskEmail = (email: string): string => {
  const at = email.indexOf('@');
  return at < 0 ? '***' : `${email.slice(0, Math.min(2, at))}***${email.slice(at)}`;
};

/**
 * The unsubscribe link of every e-mail, without signing in (RFC 8058): GET says what it stops (the
 * confirmation page), POST stops it — the mail client's one-click (`List-Unsubscribe=One-Click` in a form
 * body) or the page's button. The token is the only credential: its MAC, its expiry and its topic are
 * checked before anything is read; the change is written with an event on the person's audit chain.
 * A second POST finds nothing to change and answers the same.
 */
export const unsubscribeRoutes = (
  d: Pick<Deps, 'audit' | 'users'>,
  notifications: NotificationRepository,
  links: () => UnsubscribeLinks,
): RouteImpl[] => {
  const resolve = async (query: { unsubscribe: UnsubscribeTopic; token: string }, now: Date) => {
    const verdict = await links().verify(query.token, now);
    if (!verdict.ok && verdict.reason === 'malformed')
      throw new BadRequest('Liên kết không đúng dạng', [{ path: 'query.token', message: 'Không đúng dạng' }]);
    if (!verdict.ok && verdict.reason === 'expired')
      throw new RuleViolation(
        'Liên kết đã hết hạn. Xin đăng nhập và đổi cách nhận thư ở trang "Tùy chọn thông báo".',
        [{ path: 'query.token', message: 'Đã hết hạn' }],
        'link_expired',
      );
    const claims = verdict.ok ? verdict.claims : undefined;
    const person = claims ? await d.users.get(claims.t, claims.u) : undefined;
    const decision = authorizeUnsubscribeLink(
      { valid: verdict.ok, tenantId: claims?.t ?? '', userId: claims?.u ?? '' },
      person,
    );
    if (!decision.allowed) {
      if (verdict.ok) throw new NotFound('Không tìm thấy người nhận của liên kết này');
      throw new Forbidden(`${decision.reason}. Xin dùng đúng liên kết trong thư.`, 'link_invalid');
    }
    if (!claims || !person) throw new Error('unreachable: an allowed link names its person');
    // The query repeats the topic for people and logs; it must be the one the MAC covers.
    if (claims.k !== query.unsubscribe)
      throw new BadRequest('Liên kết đã bị sửa', [
        { path: 'query.unsubscribe', message: 'Không khớp với liên kết trong thư' },
      ]);
    const prefs = await notifications.preferences(person.tenantId, person.id);
    return { topic: claims.k, expiresAt: new Date(claims.e * 1000).toISOString(), person, prefs };
  };

  const view = (
    r: { topic: UnsubscribeTopic; expiresAt: string; person: User },
    prefs: NotificationPreferences,
  ): UnsubscribeView => ({
    topic: r.topic,
    label: unsubscribeTopicLabel(r.topic),
    email: maskEmail(r.person.email),
    unsubscribed: isUnsubscribed(prefs, r.topic),
    expiresAt: r.expiresAt,
  });

  return [
    publicRoute(c.getUnsubscribe, async ({ query, now }) => {
      const r = await resolve(query, now);
      return ok(view(r, r.prefs));
    }),

    publicRoute(c.postUnsubscribe, async ({ query, now }) => {
      const r = await resolve(query, now);
      const next = applyUnsubscribe(r.prefs, r.topic);
      if (!next) return ok(view(r, r.prefs));
      const { person } = r;
      const audit = await d.audit.record(
        { userId: person.id, name: person.name, roles: person.roles, unitId: person.unitId },
        {
          kind: 'user',
          subject: person,
          action: 'mail_unsubscribed',
          summary: `${person.name} ngừng nhận thư "${unsubscribeTopicLabel(r.topic)}" bằng liên kết trong thư`,
        },
      );
      try {
        await notifications.savePreferences(person.tenantId, person.id, next, audit);
      } catch (err) {
        if (!(err instanceof TransactionRefused)) throw err;
        // A concurrent click (the mail client and the page at once) moved the chain: one of them wrote.
        const now2 = await notifications.preferences(person.tenantId, person.id);
        if (isUnsubscribed(now2, r.topic)) return ok(view(r, now2));
        throw new Conflict('Tùy chọn vừa thay đổi; xin thử lại', undefined, 'concurrent_change');
      }
      return ok(view(r, next));
    }),
  ];
};
