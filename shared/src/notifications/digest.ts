import { vnDateShort } from '../commendation/calendar';
import { type CalendarDate, deadlineDay, type Instant, startOfDayInVietnam, toCalendarDate } from '../common';
import { type EmailMessage, escapeHtml } from './email';
import { type InAppNotification, type NotificationKind, notificationHref, notificationKinds } from './notice';
import { notificationKindLabels } from './schema';

/**
 * The daily digest: kinds a person set to "digest" are not mailed one by one; once a day, at the
 * deployment's hour in Vietnam (default 07:00), one e-mail lists the notices of those kinds that arrived
 * in the 24 hours before, grouped by kind, each with its link. Nothing is sent for an empty day.
 */
export const DEFAULT_DIGEST_HOUR = 7;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** One day's digest: the day it is sent on (Vietnam) and the notices' window `[from, until)`. */
export interface DigestWindow {
  day: CalendarDate;
  from: Instant;
  until: Instant;
}

/**
 * The digest a run at `now` is for: today's once the hour has come (a run later that day, after a missed
 * one, still sends it), else none yet. Consecutive days' windows meet exactly, so each notice is in one.
 */
export function digestWindow(now: Instant, hour: number = DEFAULT_DIGEST_HOUR): DigestWindow | null {
  const day = toCalendarDate(now);
  const until = Date.parse(startOfDayInVietnam(day)) + hour * HOUR_MS;
  if (Date.parse(now) < until) return null;
  return { day, from: new Date(until - DAY_MS).toISOString(), until: new Date(until).toISOString() };
}

type DigestNotice = Pick<InAppNotification, 'kind' | 'subject' | 'reason' | 'dueAt' | 'createdAt'>;

/** The notices grouped by kind, in the kinds' order (the ones to act on first), oldest first within. */
export function groupDigest<N extends DigestNotice>(
  notices: readonly N[],
): { kind: NotificationKind; label: string; items: N[] }[] {
  return notificationKinds
    .map((kind) => ({
      kind,
      label: notificationKindLabels[kind],
      items: notices.filter((n) => n.kind === kind).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    }))
    .filter((g) => g.items.length > 0);
}

export interface DigestContext {
  appUrl: string;
  recipientName: string;
  contact: string;
  window: DigestWindow;
  /** The signed link that stops the digest (also the List-Unsubscribe one-click target). */
  unsubscribeUrl: string;
  /** The same in the body: the confirmation page. */
  unsubscribePageUrl: string;
}

/** The digest e-mail in Vietnamese (plain text and HTML); null when there is nothing to tell. */
export function renderDigest(
  notices: readonly DigestNotice[],
  to: string,
  ctx: DigestContext,
): EmailMessage | null {
  const groups = groupDigest(notices);
  if (groups.length === 0) return null;
  const base = ctx.appUrl.replace(/\/$/, '');
  const day = vnDateShort(ctx.window.day);
  const count = groups.reduce((n, g) => n + g.items.length, 0);
  const lineOf = (n: DigestNotice) => {
    const due = n.dueAt ? ` (hạn ${vnDateShort(deadlineDay(n.dueAt))})` : '';
    return { title: `${n.subject.title}${due}`, link: `${base}${notificationHref(n)}`, reason: n.reason };
  };
  const text = [
    `Kính gửi đồng chí ${ctx.recipientName},`,
    '',
    `Bản tin ngày ${day}: ${count} thông báo trong 24 giờ qua trên hệ thống Thi đua.`,
    ...groups.flatMap((g) => [
      '',
      `${g.label} (${g.items.length})`,
      ...g.items.flatMap((n) => {
        const l = lineOf(n);
        return [`- ${l.title}`, ...(l.reason ? [`  Nội dung: ${l.reason}`] : []), `  ${l.link}`];
      }),
    ]),
    '',
    `Xem tất cả thông báo: ${base}/notifications`,
    `Cần hỗ trợ, xin liên hệ: ${ctx.contact}.`,
    `Không muốn nhận bản tin hằng ngày: ${ctx.unsubscribePageUrl}`,
  ].join('\n');
  const html = [
    '<!doctype html><html lang="vi"><body style="font-family:Arial,sans-serif;font-size:15px;line-height:1.5">',
    `<p>Kính gửi đồng chí ${escapeHtml(ctx.recipientName)},</p>`,
    `<p>Bản tin ngày ${day}: ${count} thông báo trong 24 giờ qua trên hệ thống Thi đua.</p>`,
    ...groups.map((g) =>
      [
        `<h3 style="font-size:16px;margin:16px 0 4px">${escapeHtml(g.label)} (${g.items.length})</h3><ul>`,
        ...g.items.map((n) => {
          const l = lineOf(n);
          const reason = l.reason
            ? `<br><span style="color:#555">Nội dung: ${escapeHtml(l.reason)}</span>`
            : '';
          return `<li><a href="${escapeHtml(l.link)}">${escapeHtml(l.title)}</a>${reason}</li>`;
        }),
        '</ul>',
      ].join(''),
    ),
    `<p><a href="${escapeHtml(`${base}/notifications`)}">Xem tất cả thông báo</a></p>`,
    `<p style="color:#555;font-size:13px">Cần hỗ trợ, xin liên hệ: ${escapeHtml(ctx.contact)}.<br>`,
    `<a href="${escapeHtml(ctx.unsubscribePageUrl)}">Không nhận bản tin hằng ngày</a></p>`,
    '</body></html>',
  ].join('');
  return {
    to,
    subject: `[Thi đua] Bản tin ngày ${day}: ${count} thông báo`,
    text,
    html,
    listUnsubscribe: ctx.unsubscribeUrl,
  };
}
