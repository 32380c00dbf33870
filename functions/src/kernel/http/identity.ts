import { Identity, Role, type User } from '@thidua/shared/org';
import { defaultTenantSecurity, sessionVerdict, type TenantSecurity } from '@thidua/shared/policy';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod';
import { Forbidden, Unauthorized } from './errors';

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

/**
 * When the person authenticated (`auth_time`, epoch seconds): Cognito keeps it across refreshes, so it
 * dates the sign-in itself. 0 when absent, which no revocation or enrolment date lets through.
 */
export const authTimeFromEvent = (event: APIGatewayProxyEventV2): number => {
  const value = (event as JwtEvent).requestContext?.authorizer?.jwt?.claims?.auth_time;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isInteger(n) && n > 0 ? n : 0;
};

/** The user record an account check reads: the table's `User` (shared/org). */
export type AccountLookup = (tenantId: string, userId: string) => Promise<User | undefined>;

/** The tenant's security settings; undefined when it never chose (the policy's defaults apply). */
export type SecurityLookup = (tenantId: string) => Promise<TenantSecurity | undefined>;

/** What the request's token says about its session, and whether the route serves sessions short of MFA. */
export interface SessionOfRequest {
  authTime: number;
  mfaExempt: boolean;
}

export interface AccountCheck {
  /**
   * The caller as the USER RECORD says now (active, tenant, unit, roles), for the verified token's
   * subject. The token proves who signs in; the record decides what they may do, so a move or a
   * deactivation takes effect within the cache's TTL instead of at the token's expiry (60 min).
   * With `session`, the record's sign-out-everywhere date and the tenant's MFA policy apply too.
   */
  resolve(token: Identity, session?: SessionOfRequest): Promise<Identity>;
}

export interface AccountCheckOptions {
  lookup: AccountLookup;
  /** The tenant's security settings (MFA policy); without it every tenant has the defaults. */
  security?: SecurityLookup;
  /**
   * How long this instance trusts a tenant's settings (≤ 300 s; default `ttlSeconds`). Longer than the
   * record's, so a caller's cold request costs one read (the record), not two.
   */
  securityTtlSeconds?: number;
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

const sessionRevoked = (): Unauthorized =>
  new Unauthorized(
    'Phiên đăng nhập đã được kết thúc trên mọi thiết bị; vui lòng đăng nhập lại',
    'session_revoked',
  );

/**
 * 403, not 401: the session is genuine but the tenant requires a second factor for these roles. The code
 * tells the web app which step to lead the user through.
 */
const mfaRefusal = (kind: 'mfa_enrolment_required' | 'mfa_sign_in_required'): Forbidden =>
  kind === 'mfa_enrolment_required'
    ? new Forbidden('Vai trò của bạn cần xác thực hai lớp (TOTP); hãy đăng ký ứng dụng xác thực', kind)
    : new Forbidden('Phiên này bắt đầu trước khi bật xác thực hai lớp; hãy đăng nhập lại với mã TOTP', kind);

/** A read cached per key for `ttl` ms, the promise itself so simultaneous requests share one read. */
const cachedReads = <T>(
  read: (key: string) => Promise<T>,
  ttl: number,
  maxEntries: number,
  clock: () => number,
) => {
  const cache = new Map<string, { expires: number; value: Promise<T> }>();
  /** `fresh` skips the cache (and refills it): for a decision that must not rest on an old read. */
  return (key: string, fresh = false): Promise<T> => {
    const now = clock();
    const hit = cache.get(key);
    if (hit && hit.expires > now && !fresh) return hit.value;
    const value = read(key);
    if (ttl > 0) {
      cache.delete(key);
      cache.set(key, { expires: now + ttl, value });
      value.catch(() => cache.delete(key));
      for (const oldest of cache.keys()) {
        if (cache.size <= maxEntries) break;
        cache.delete(oldest);
      }
    }
    return value;
  };
};

/** The user record check with a per-instance cache (the Lambda instance's memory, as the Deps). */
export const createAccountCheck = ({
  lookup,
  security,
  ttlSeconds,
  securityTtlSeconds = ttlSeconds,
  maxEntries = 5000,
  clock = Date.now,
}: AccountCheckOptions): AccountCheck => {
  const ttl = Math.min(Math.max(ttlSeconds, 0), 60) * 1000;
  const recordOf = cachedReads(
    (key) => {
      const [tenantId = '', userId = ''] = key.split('\n');
      return lookup(tenantId, userId);
    },
    ttl,
    maxEntries,
    clock,
  );
  const settingsOf = cachedReads(
    async (tenantId) => (await security?.(tenantId)) ?? defaultTenantSecurity,
    Math.min(Math.max(securityTtlSeconds, 0), 300) * 1000,
    maxEntries,
    clock,
  );
  return {
    async resolve(token, session) {
      const key = `${token.tenantId}\n${token.userId}`;
      const user = await recordOf(key);
      // An account with no record in its tenant was made in the user pool by an operator (a province being
      // set up): the pool is then the only authority, as before. Every account the API administers — and
      // so every one that can be moved, given roles or deactivated — has a record, and the record decides.
      if (!user || user.tenantId !== token.tenantId || user.id !== token.userId) return token;
      if (!user.active) throw accountDisabled();
      if (session) {
        const verdictOf = async (record: User, fresh: boolean) =>
          sessionVerdict(
            {
              roles: record.roles,
              authTime: session.authTime,
              mfaEnrolledAt: record.mfaEnrolledAt,
              tokensValidAfter: record.tokensValidAfter,
            },
            await settingsOf(record.tenantId, fresh),
          );
        let verdict = await verdictOf(user, false);
        if (verdict.kind === 'revoked') throw sessionRevoked();
        if (verdict.kind !== 'allowed' && !session.mfaExempt) {
          // A refusal for want of TOTP may rest on a cached record from before the enrolment (or settings
          // from before a relaxed policy): read both again before refusing. Revocation is never undone.
          const current = await recordOf(key, true);
          verdict = current ? await verdictOf(current, true) : verdict;
          if (verdict.kind === 'revoked') throw sessionRevoked();
          if (verdict.kind !== 'allowed') throw mfaRefusal(verdict.kind);
        }
      }
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
