import * as z from 'zod';
import { NotificationKind, type NotificationPreferences } from './notice';
import { notificationKindLabels } from './schema';

/**
 * One-click unsubscribe without signing in (RFC 8058): every e-mail carries a link whose token names the
 * person, what to stop (a kind, or the daily digest) and until when the link works, MAC'd with the
 * deployment's link key (functions/src/features/notifications/links.ts). This module is the pure half:
 * the token's shape and what it does to the person's preferences.
 */

/** What a link stops: one kind of mail, or the daily digest as a whole. */
export const UnsubscribeTopic = z.union([NotificationKind, z.literal('daily_digest')]);
export type UnsubscribeTopic = z.infer<typeof UnsubscribeTopic>;

export const unsubscribeTopicLabel = (topic: UnsubscribeTopic): string =>
  topic === 'daily_digest' ? 'Bản tin thông báo hằng ngày' : notificationKindLabels[topic];

/** What the token claims: tenant, user, topic, expiry (seconds since the epoch). Short keys: it is in a URL. */
export const UnsubscribeClaims = z.strictObject({
  t: z.string().min(1).max(100),
  u: z.string().min(1).max(200),
  k: UnsubscribeTopic,
  e: z.number().int().positive(),
});
export type UnsubscribeClaims = z.infer<typeof UnsubscribeClaims>;

/** The token as it travels: `<base64url JSON claims>.<base64url MAC>`. */
export const UnsubscribeToken = z
  .string()
  .min(20)
  .max(1000)
  .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, 'Liên kết không đúng dạng');

/** The bytes the MAC covers: a label of its own, so no other use of the key can produce a valid one. */
export const unsubscribeMacInput = (payload: string): string => `thidua:unsubscribe:v1:${payload}`;

// base64url without Buffer: this module also runs in the browser (the confirmation page reads the topic).
const toBase64Url = (text: string): string =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const fromBase64Url = (b64: string): string =>
  new TextDecoder('utf-8', { fatal: true }).decode(
    Uint8Array.from(atob(b64.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
  );

export const encodeUnsubscribePayload = (c: UnsubscribeClaims): string =>
  toBase64Url(JSON.stringify({ t: c.t, u: c.u, k: c.k, e: c.e }));

/** The token's two parts and its claims; null when it is not a token at all. */
export function splitUnsubscribeToken(
  token: string,
): { payload: string; mac: string; claims: UnsubscribeClaims } | null {
  if (!UnsubscribeToken.safeParse(token).success) return null;
  const [payload = '', mac = ''] = token.split('.');
  let json: unknown;
  try {
    json = JSON.parse(fromBase64Url(payload));
  } catch {
    return null;
  }
  const claims = UnsubscribeClaims.safeParse(json);
  // Re-encoding must give the same text: a payload altered in a way JSON tolerates is refused too.
  if (!claims.success || encodeUnsubscribePayload(claims.data) !== payload) return null;
  return { payload, mac, claims: claims.data };
}

/** The preferences after following the link; null when they already say so (nothing to write). */
export function applyUnsubscribe(
  prefs: NotificationPreferences,
  topic: UnsubscribeTopic,
): NotificationPreferences | null {
  if (topic === 'daily_digest') return prefs.dailyDigest ? { ...prefs, dailyDigest: false } : null;
  if (prefs.unsubscribed.includes(topic)) return null;
  return { ...prefs, unsubscribed: [...prefs.unsubscribed, topic] };
}

/** Whether the preferences already stop `topic` (what the confirmation page says before the click). */
export const isUnsubscribed = (prefs: NotificationPreferences, topic: UnsubscribeTopic): boolean =>
  applyUnsubscribe(prefs, topic) === null;
