import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Id } from '@thidua/shared/common';

/**
 * The key a system sends in `X-Api-Key`: `tdk.<tenant>.<key id>.<secret>`. The tenant and id say which
 * item to read (one GetItem, no index over hashes); the secret — 32 random bytes, base64url — is compared
 * by its SHA-256, in constant time.
 */
const PREFIX = 'tdk';

export const newSecret = (): string => randomBytes(32).toString('base64url');

export const hashSecret = (secret: string): string =>
  createHash('sha256').update(secret, 'utf8').digest('hex');

export const formatApiKey = (tenantId: string, keyId: string, secret: string): string =>
  `${PREFIX}.${tenantId}.${keyId}.${secret}`;

/** What the administrator sees of a key once it is shown: enough to recognise it, nothing to use. */
export const keyPrefix = (tenantId: string, keyId: string): string => `${PREFIX}.${tenantId}.${keyId}`;

export interface ParsedApiKey {
  tenantId: string;
  keyId: string;
  secret: string;
}

export const parseApiKey = (raw: string | undefined): ParsedApiKey | null => {
  const parts = raw?.trim().split('.') ?? [];
  if (parts.length !== 4) return null;
  const [prefix, tenantId, keyId, secret] = parts;
  if (prefix !== PREFIX || !tenantId || !keyId || !secret) return null;
  if (!Id.safeParse(tenantId).success || !Id.safeParse(keyId).success) return null;
  if (!/^[A-Za-z0-9_-]{43}$/.test(secret)) return null;
  return { tenantId, keyId, secret };
};

/** Whether `secret` is the one whose hash is stored (constant time over the hash). */
export const secretMatches = (secret: string, storedHash: string): boolean => {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
};
