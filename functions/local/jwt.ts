import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from 'jose';

/**
 * The local twin of API Gateway's JWT authorizer (HTTP APIs), configured like the CDK stack configures it:
 * issuer = the user pool, audience = the SPA's app client. Following API Gateway's documented checks:
 * the `kid` must name a key of the issuer's JWKS (fetched over HTTP and cached, refetched for an unknown
 * kid), the signature must verify with an RSA algorithm, `iss` must equal the issuer, `aud` — or, when the
 * token has no `aud`, `client_id` — must be one of the audiences, `exp` must be present and in the future,
 * `nbf` and `iat`, when present, in the past. On top, as the design fixes it (ADR: ID token as bearer),
 * `token_use` must be `id`. There is no clock skew allowance and no way to switch any of this off.
 */
export interface JwtAuthorizerConfig {
  issuer: string;
  audience: readonly string[];
  jwksUrl: string;
}

export type AuthorizerResult = { ok: true; payload: JWTPayload } | { ok: false; reason: string };

export type JwtAuthorizer = (authorizationHeader: string | undefined) => Promise<AuthorizerResult>;

const RSA_ALGORITHMS = ['RS256', 'RS384', 'RS512'];

/** As long as the JWKS is cached: a key dropped from it stops verifying by then at the latest. */
const JWKS_MAX_AGE_MS = 2 * 60 * 60 * 1000;
const MAX_VERIFIED_TOKENS = 10_000;

/**
 * Tokens whose signature and issuer were verified, until their `exp` (and no longer than the JWKS is
 * cached). The same bytes under the same keys verify the same way, so a token is verified once — an RSA
 * verification costs about 0.2 ms of CPU, which in AWS API Gateway spends outside the function — while
 * every use still checks `exp` against the clock and the claims below (docs/adr/0026).
 */
const verifiedTokens = () => {
  const entries = new Map<string, { payload: JWTPayload; until: number }>();
  return {
    get(token: string, nowMs: number): JWTPayload | undefined {
      const hit = entries.get(token);
      if (hit && hit.until > nowMs) return hit.payload;
      if (hit) entries.delete(token);
      return undefined;
    },
    remember(token: string, payload: JWTPayload, nowMs: number): void {
      if (typeof payload.exp !== 'number') return;
      entries.set(token, { payload, until: Math.min(payload.exp * 1000, nowMs + JWKS_MAX_AGE_MS) });
      for (const oldest of entries.keys()) {
        if (entries.size <= MAX_VERIFIED_TOKENS) break;
        entries.delete(oldest);
      }
    },
  };
};

export function createJwtAuthorizer(config: JwtAuthorizerConfig): JwtAuthorizer {
  const keys = createRemoteJWKSet(new URL(config.jwksUrl), {
    cacheMaxAge: JWKS_MAX_AGE_MS,
    cooldownDuration: 5_000,
  });
  const audiences = new Set(config.audience);
  const verified = verifiedTokens();

  return async (authorizationHeader) => {
    if (!authorizationHeader || authorizationHeader.trim() === '') {
      return { ok: false, reason: 'no token' };
    }
    // The identity source is the Authorization header; a "Bearer " prefix is optional.
    const token = authorizationHeader.trim().replace(/^bearer\s+/i, '');
    const nowMs = Date.now();
    // jose refuses a token whose exp <= now (seconds): a remembered one is valid while now < exp.
    let payload = verified.get(token, Math.floor(nowMs / 1000) * 1000);
    if (!payload) {
      try {
        ({ payload } = await jwtVerify(token, keys, {
          issuer: config.issuer,
          algorithms: RSA_ALGORITHMS,
          requiredClaims: ['exp'],
          clockTolerance: 0,
        }));
      } catch (error) {
        if (error instanceof errors.JWTExpired) return { ok: false, reason: 'the token has expired' };
        if (error instanceof errors.JOSEError) return { ok: false, reason: `invalid token (${error.code})` };
        throw error;
      }
      verified.remember(token, payload, nowMs);
    }
    const now = Math.floor(nowMs / 1000);
    if (typeof payload.iat === 'number' && payload.iat > now) {
      return { ok: false, reason: 'the token was issued in the future' };
    }
    const audience = payload.aud === undefined ? payload.client_id : payload.aud;
    const candidates = Array.isArray(audience) ? audience : [audience];
    if (!candidates.some((value) => typeof value === 'string' && audiences.has(value))) {
      return { ok: false, reason: 'the token is for another audience' };
    }
    if (payload.token_use !== 'id') {
      return { ok: false, reason: 'an ID token is required' };
    }
    return { ok: true, payload };
  };
}
