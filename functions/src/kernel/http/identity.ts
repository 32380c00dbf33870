import { Identity, Role, type User } from '@thidua/shared/org';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod';
import { Unauthorized } from './errors';

/**
 * API Gateway HTTP APIs hand JWT claims over as strings; an array claim such as `cognito:groups` arrives
 * as `"[admin reviewer]"`. Locally the gateway builds claims the same way, but arrays and JSON strings are
 * accepted too so the parser does not depend on which of them produced the event.
 */
export const parseGroups = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value !== 'string') return [];
  const s = value.trim();
  if (s.startsWith('[') && s.endsWith(']')) {
    const inner = s.slice(1, -1).trim();
    if (inner.startsWith('"')) {
      try {
        return z.array(z.string()).parse(JSON.parse(s));
      } catch {
        return [];
      }
    }
    return inner.split(/[\s,]+/).filter((g) => g.length > 0);
  }
  return s.split(/[\s,]+/).filter((g) => g.length > 0);
};

const Claims = z.object({
  sub: z.string().min(1),
  token_use: z.literal('id'),
  email: z.string().default(''),
  name: z.string().default(''),
  'custom:tenant_id': z.string(),
  'custom:unit_id': z.string(),
  'cognito:groups': z.unknown().optional(),
});

type JwtEvent = APIGatewayProxyEventV2 & {
  requestContext: { authorizer?: { jwt?: { claims?: Record<string, unknown> } } };
};

/** The caller, from the verified ID token's claims; 401 when they are missing or not an ID token's. */
export const identityFromEvent = (event: APIGatewayProxyEventV2): Identity => {
  const claims = (event as JwtEvent).requestContext?.authorizer?.jwt?.claims;
  const parsed = Claims.safeParse(claims ?? {});
  if (!parsed.success) throw new Unauthorized('Phiên đăng nhập không hợp lệ, vui lòng đăng nhập lại');
  const c = parsed.data;
  // Groups that are not roles (e.g. Cognito's own) are ignored rather than refused.
  const roles = parseGroups(c['cognito:groups']).flatMap((g) => {
    const r = Role.safeParse(g);
    return r.success ? [r.data] : [];
  });
  const identity = Identity.safeParse({
    userId: c.sub,
    email: c.email,
    name: c.name,
    tenantId: c['custom:tenant_id'],
    unitId: c['custom:unit_id'],
    roles: [...new Set(roles)],
  });
  if (!identity.success) throw new Unauthorized('Phiên đăng nhập không hợp lệ, vui lòng đăng nhập lại');
  return identity.data;
};

/** The user record an account check reads: the table's `User` (shared/org). */
export type AccountLookup = (tenantId: string, userId: string) => Promise<User | undefined>;

export interface AccountCheck {
  /**
   * The caller as the USER RECORD says now (active, tenant, unit, roles), for the verified token's
   * subject. The token proves who signs in; the record decides what they may do, so a move or a
   * deactivation takes effect within the cache's TTL instead of at the token's expiry (60 min).
   */
  resolve(token: Identity): Promise<Identity>;
}

export interface AccountCheckOptions {
  lookup: AccountLookup;
  /** How long this instance trusts a record it read (≤ 60 s; 0 reads on every request). */
  ttlSeconds: number;
  /** Bound on cached callers per instance (the oldest is dropped). */
  maxEntries?: number;
  clock?: () => number;
}

/**
 * A deactivated account is 401, not 403: the session itself is no longer valid (the client signs the user out and
 * the identity provider refuses a new sign-in), which 403 — "valid session, not allowed" — would hide.
 */
const accountDisabled = (): Unauthorized =>
  new Unauthorized('Tài khoản đã bị khóa; liên hệ quản trị viên nếu cần mở lại', 'account_disabled');

/** The user record check with a per-instance cache (the Lambda instance's memory, as the Deps). */
export const createAccountCheck = ({
  lookup,
  ttlSeconds,
  maxEntries = 5000,
  clock = Date.now,
}: AccountCheckOptions): AccountCheck => {
  const ttl = Math.min(Math.max(ttlSeconds, 0), 60) * 1000;
  // The promise is cached, so simultaneous requests of one caller share one read.
  const cache = new Map<string, { expires: number; record: Promise<User | undefined> }>();
  const recordOf = (tenantId: string, userId: string): Promise<User | undefined> => {
    const key = `${tenantId}#${userId}`;
    const now = clock();
    const hit = cache.get(key);
    if (hit && hit.expires > now) return hit.record;
    const record = lookup(tenantId, userId);
    if (ttl > 0) {
      cache.delete(key);
      cache.set(key, { expires: now + ttl, record });
      record.catch(() => cache.delete(key));
      for (const oldest of cache.keys()) {
        if (cache.size <= maxEntries) break;
        cache.delete(oldest);
      }
    }
    return record;
  };
  return {
    async resolve(token) {
      const user = await recordOf(token.tenantId, token.userId);
      // An account with no record in its tenant was made in the user pool by an operator (a province being
      // set up): the pool is then the only authority, as before. Every account the API administers — and
      // so every one that can be moved, given roles or deactivated — has a record, and the record decides.
      if (!user || user.tenantId !== token.tenantId || user.id !== token.userId) return token;
      if (!user.active) throw accountDisabled();
      return {
        userId: user.id,
        email: user.email,
        name: user.name,
        tenantId: user.tenantId,
        unitId: user.unitId,
        roles: [...new Set(user.roles)],
      };
    },
  };
};
