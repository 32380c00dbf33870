import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startOfDayInVietnam, toCalendarDate } from '../common';
import { authorizeUnsubscribeLink } from '../policy/notifications';
import { digestWindow, groupDigest, renderDigest } from './digest';
import { notificationKinds } from './notice';
import { defaultPreferences } from './schema';
import {
  applyUnsubscribe,
  encodeUnsubscribePayload,
  isUnsubscribed,
  splitUnsubscribeToken,
  UnsubscribeTopic,
} from './unsubscribe';

const notice = (kind: (typeof notificationKinds)[number], createdAt: string, id = 'a') => ({
  kind,
  subject: { type: 'submission' as const, id, title: `Báo cáo ${id}`, path: `/submissions/${id}` },
  reason: null,
  dueAt: null,
  createdAt,
});

describe('the digest window', () => {
  it('opens at the hour in Vietnam and covers the 24 hours before it', () => {
    // 06:59 in Vietnam on 7 March: not yet.
    expect(digestWindow('2026-03-06T23:59:00.000Z', 7)).toBeNull();
    expect(digestWindow('2026-03-07T00:00:00.000Z', 7)).toEqual({
      day: '2026-03-07',
      from: '2026-03-06T00:00:00.000Z',
      until: '2026-03-07T00:00:00.000Z',
    });
    // A run late in the day (a missed hour) is still that day's digest.
    expect(digestWindow('2026-03-07T16:59:59.000Z', 7)?.day).toBe('2026-03-07');
  });

  it('consecutive days meet exactly, so every instant belongs to one digest', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2024-01-01'), max: Date.parse('2030-01-01') }),
        fc.integer({ min: 0, max: 23 }),
        (t, hour) => {
          // The runs at the hour of the day before t, t's day and the day after: one covers t.
          const day0 = Date.parse(startOfDayInVietnam(toCalendarDate(new Date(t).toISOString())));
          const runs = [-1, 0, 1].map((d) => day0 + d * 86_400_000 + hour * 3_600_000);
          const covering = runs
            .map((r) => digestWindow(new Date(r).toISOString(), hour))
            .filter((w) => w !== null)
            .filter((w) => Date.parse(w.from) <= t && t < Date.parse(w.until));
          expect(covering).toHaveLength(1);
        },
      ),
    );
  });
});

describe('the digest e-mail', () => {
  const ctx = {
    appUrl: 'https://thidua.example.vn/',
    recipientName: 'Nguyễn Văn A',
    contact: 'Văn phòng',
    window: { day: '2026-03-07', from: '2026-03-06T00:00:00.000Z', until: '2026-03-07T00:00:00.000Z' },
    unsubscribeUrl: 'https://thidua.example.vn/api/x',
    unsubscribePageUrl: 'https://thidua.example.vn/x',
  };

  it('is nothing when there is nothing to tell', () => {
    expect(renderDigest([], 'a@b.vn', ctx)).toBeNull();
  });

  it('groups by kind in the kinds order, each notice with its link, plain text and HTML', () => {
    const m = renderDigest(
      [
        notice('withdrawn', '2026-03-06T10:00:00.000Z', 'w1'),
        notice('approved', '2026-03-06T09:00:00.000Z', 'a2'),
        notice('approved', '2026-03-06T08:00:00.000Z', 'a1'),
      ],
      'a@b.vn',
      ctx,
    );
    expect(m?.subject).toBe('[Thi đua] Bản tin ngày 07/03/2026: 3 thông báo');
    const text = m?.text ?? '';
    expect(text.indexOf('Báo cáo được duyệt (2)')).toBeLessThan(
      text.indexOf('Báo cáo được đơn vị rút lại (1)'),
    );
    expect(text.indexOf('/submissions/a1')).toBeLessThan(text.indexOf('/submissions/a2'));
    expect(text).toContain('https://thidua.example.vn/submissions/w1');
    expect(text).toContain('Không muốn nhận bản tin hằng ngày: https://thidua.example.vn/x');
    expect(m?.html).toContain('<a href="https://thidua.example.vn/submissions/w1">');
    expect(m?.listUnsubscribe).toBe('https://thidua.example.vn/api/x');
  });

  it('keeps every notice, in exactly one group', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...notificationKinds), { maxLength: 30 }), (kinds) => {
        const groups = groupDigest(
          kinds.map((k, i) => notice(k, `2026-03-06T0${i % 10}:00:00.000Z`, `n${i}`)),
        );
        expect(groups.reduce((n, g) => n + g.items.length, 0)).toBe(kinds.length);
        expect(new Set(groups.map((g) => g.kind)).size).toBe(groups.length);
      }),
    );
  });
});

describe('unsubscribe links', () => {
  it('a token parses back to its claims; any other text, or a re-encoded payload, does not', () => {
    const claims = { t: 'demo', u: 'user-1', k: 'returned' as const, e: 1_900_000_000 };
    const payload = encodeUnsubscribePayload(claims);
    expect(splitUnsubscribeToken(`${payload}.abcdefgh`)?.claims).toEqual(claims);
    expect(splitUnsubscribeToken('nope')).toBeNull();
    const spaced = btoa(JSON.stringify(claims, null, 1)).replace(/=+$/, '');
    expect(splitUnsubscribeToken(`${spaced}.abcdefgh`)).toBeNull();
    const unknownTopic = encodeUnsubscribePayload({ ...claims, k: 'everything' as never });
    expect(splitUnsubscribeToken(`${unknownTopic}.abcdefgh`)).toBeNull();
  });

  it('following a link only ever stops mail, and a second time changes nothing', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...UnsubscribeTopic.options.flatMap((o) => ('options' in o ? o.options : [o.value]))),
        fc.subarray([...notificationKinds]),
        fc.boolean(),
        (topic, unsubscribed, dailyDigest) => {
          const prefs = { ...defaultPreferences(), unsubscribed, dailyDigest };
          const next = applyUnsubscribe(prefs, topic) ?? prefs;
          expect(isUnsubscribed(next, topic)).toBe(true);
          expect(applyUnsubscribe(next, topic)).toBeNull();
          expect(next.emailKinds).toEqual(prefs.emailKinds);
          for (const k of prefs.unsubscribed) expect(next.unsubscribed).toContain(k);
          if (!prefs.dailyDigest) expect(next.dailyDigest).toBe(false);
        },
      ),
    );
  });

  it('acts for the person the link names, and only with a valid MAC', () => {
    const link = { valid: true, tenantId: 'demo', userId: 'u1' };
    expect(authorizeUnsubscribeLink(link, { tenantId: 'demo', id: 'u1' }).allowed).toBe(true);
    expect(authorizeUnsubscribeLink({ ...link, valid: false }, { tenantId: 'demo', id: 'u1' }).allowed).toBe(
      false,
    );
    expect(authorizeUnsubscribeLink(link, { tenantId: 'other', id: 'u1' }).allowed).toBe(false);
    expect(authorizeUnsubscribeLink(link, undefined).allowed).toBe(false);
  });
});
