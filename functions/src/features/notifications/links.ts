import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postUnsubscribe } from '@thidua/shared/contracts';
import {
  encodeUnsubscribePayload,
  splitUnsubscribeToken,
  type UnsubscribeClaims,
  type UnsubscribeTopic,
  unsubscribeMacInput,
} from '@thidua/shared/notifications';
import { type ChainKey, fileKey, kmsKey } from '../../kernel/data/chain-key';
import type { NotifyConfig } from './config';

/**
 * The signed links of e-mails: a person stops a kind of mail (or the digest) from the e-mail itself,
 * without signing in (RFC 8058 one-click), so the link must prove who it is for. It carries
 * (tenant, user, topic, expiry) and an HMAC-SHA-256 by the deployment's link key — the audit chain's
 * mechanism (kernel/data/chain-key.ts) with a key of its own: a KMS HMAC key on AWS
 * (`NOTIFY_LINK_KEY_ID`, GenerateMac/VerifyMac, the material never leaves KMS), a key file locally
 * (`NOTIFY_LINK_KEY_FILE`, the platform's data directory). A key apart from the chain's: it can be
 * rotated (every link then stops working, nothing else) and only the notifications function holds it.
 */
export const linkKeyFromEnv = (env: Record<string, string | undefined> = process.env): ChainKey => {
  if (env.NOTIFY_LINK_KEY_ID) return kmsKey(env.NOTIFY_LINK_KEY_ID, env.AWS_REGION ?? 'ap-southeast-1');
  if (env.NOTIFY_LINK_KEY_FILE) return fileKey(env.NOTIFY_LINK_KEY_FILE);
  // Inside Lambda a missing key is a deployment error: never invent one there.
  if (env.AWS_LAMBDA_FUNCTION_NAME)
    throw new Error('NOTIFY_LINK_KEY_ID is not set: e-mail links cannot be signed');
  return fileKey(join(tmpdir(), 'thidua-notify-link-dev.key'));
};

export type LinkVerdict =
  | { ok: true; claims: UnsubscribeClaims }
  | { ok: false; reason: 'malformed' | 'forged' | 'expired'; claims?: UnsubscribeClaims };

export interface UnsubscribeLinks {
  /** For one person and topic: the one-click target (the API) and the confirmation page (the web app). */
  forRecipient(
    tenantId: string,
    userId: string,
    topic: UnsubscribeTopic,
    now?: Date,
  ): Promise<{ oneClick: string; page: string }>;
  /** Checks the MAC (constant time, or KMS VerifyMac) before the expiry: a forged link learns nothing. */
  verify(token: string, now: Date): Promise<LinkVerdict>;
}

const DAY_S = 86_400;
const toB64Url = (b64: string) => b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromB64Url = (s: string) => s.replace(/-/g, '+').replace(/_/g, '/');

export const unsubscribeLinks = (
  key: () => ChainKey,
  config: Pick<NotifyConfig, 'appUrl' | 'apiUrl' | 'unsubscribeLinkDays'>,
): UnsubscribeLinks => ({
  async forRecipient(tenantId, userId, topic, now = new Date()) {
    const claims: UnsubscribeClaims = {
      t: tenantId,
      u: userId,
      k: topic,
      e: Math.floor(now.getTime() / 1000) + config.unsubscribeLinkDays * DAY_S,
    };
    const payload = encodeUnsubscribePayload(claims);
    const mac = toB64Url(await key().mac(Buffer.from(unsubscribeMacInput(payload), 'utf8')));
    const query = `?unsubscribe=${topic}&token=${payload}.${mac}`;
    return {
      oneClick: `${config.apiUrl}${postUnsubscribe.path}${query}`,
      page: `${config.appUrl.replace(/\/$/, '')}${postUnsubscribe.path}${query}`,
    };
  },

  async verify(token, now) {
    const parts = splitUnsubscribeToken(token);
    if (!parts) return { ok: false, reason: 'malformed' };
    const genuine = await key().verify(
      Buffer.from(unsubscribeMacInput(parts.payload), 'utf8'),
      fromB64Url(parts.mac),
    );
    if (!genuine) return { ok: false, reason: 'forged' };
    if (parts.claims.e * 1000 <= now.getTime()) return { ok: false, reason: 'expired', claims: parts.claims };
    return { ok: true, claims: parts.claims };
  },
});
