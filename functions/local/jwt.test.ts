import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createJwtAuthorizer, type JwtAuthorizer } from './jwt';

// A real JWKS over HTTP, served from a key pair made for this test, so every rule of the authorizer is
// exercised against signatures that verify (or, for the forged case, do not).
const ISSUER = 'http://localhost:9229/local_pool';
const CLIENT = 'spa-client';
let server: Server;
let authorize: JwtAuthorizer;
let trustedKey: CryptoKey;
let strangerKey: CryptoKey;

const now = (): number => Math.floor(Date.now() / 1000);

const idClaims = (overrides: JWTPayload = {}): JWTPayload => ({
  sub: 'user-1',
  token_use: 'id',
  aud: CLIENT,
  iss: ISSUER,
  iat: now() - 10,
  exp: now() + 3600,
  'custom:tenant_id': 'binh-phuoc',
  'cognito:groups': ['reviewer'],
  ...overrides,
});

async function sign(claims: JWTPayload, key: CryptoKey = trustedKey, kid = 'test-key'): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(key);
}

beforeAll(async () => {
  const trusted = await generateKeyPair('RS256');
  trustedKey = trusted.privateKey;
  strangerKey = (await generateKeyPair('RS256')).privateKey;
  const jwk = { ...(await exportJWK(trusted.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  authorize = createJwtAuthorizer({
    issuer: ISSUER,
    audience: [CLIENT],
    jwksUrl: `http://localhost:${port}/local_pool/.well-known/jwks.json`,
  });
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the JWT authorizer', () => {
  it('accepts a valid ID token, with or without the Bearer prefix', async () => {
    const token = await sign(idClaims());
    for (const header of [`Bearer ${token}`, `bearer ${token}`, token]) {
      const verdict = await authorize(header);
      expect(verdict.ok).toBe(true);
      if (verdict.ok) expect(verdict.payload.sub).toBe('user-1');
    }
  });

  it('refuses a missing or empty header', async () => {
    expect(await authorize(undefined)).toEqual({ ok: false, reason: 'no token' });
    expect(await authorize('  ')).toEqual({ ok: false, reason: 'no token' });
    expect((await authorize('Bearer not-a-jwt')).ok).toBe(false);
  });

  it('refuses a token signed by a key that is not in the JWKS, even under a trusted kid', async () => {
    expect((await authorize(await sign(idClaims(), strangerKey))).ok).toBe(false);
    expect((await authorize(await sign(idClaims(), strangerKey, 'unknown-kid'))).ok).toBe(false);
  });

  it('refuses unsigned and HMAC tokens', async () => {
    const payload = Buffer.from(JSON.stringify(idClaims())).toString('base64url');
    const none = `${Buffer.from('{"alg":"none","kid":"test-key"}').toString('base64url')}.${payload}.`;
    expect((await authorize(none)).ok).toBe(false);
    const hmac = await new SignJWT(idClaims())
      .setProtectedHeader({ alg: 'HS256', kid: 'test-key' })
      .sign(new TextEncoder().encode('a-shared-secret-of-at-least-32-bytes!!'));
    expect((await authorize(hmac)).ok).toBe(false);
  });

  it('checks the issuer', async () => {
    expect((await authorize(await sign(idClaims({ iss: 'http://localhost:9229/other_pool' })))).ok).toBe(
      false,
    );
  });

  it('checks the audience, or client_id when the token has no aud', async () => {
    expect(await authorize(await sign(idClaims({ aud: 'another-client' })))).toEqual({
      ok: false,
      reason: 'the token is for another audience',
    });
    const { aud: _aud, ...withoutAud } = idClaims();
    expect((await authorize(await sign({ ...withoutAud, client_id: CLIENT }))).ok).toBe(true);
    expect((await authorize(await sign({ ...withoutAud, client_id: 'another-client' }))).ok).toBe(false);
    expect((await authorize(await sign(withoutAud))).ok).toBe(false);
  });

  it('requires an ID token: an access token of the right client is refused', async () => {
    const { aud: _aud, ...withoutAud } = idClaims();
    expect(await authorize(await sign({ ...withoutAud, client_id: CLIENT, token_use: 'access' }))).toEqual({
      ok: false,
      reason: 'an ID token is required',
    });
  });

  it('checks exp (required, in the future), nbf and iat (not in the future)', async () => {
    expect(await authorize(await sign(idClaims({ exp: now() - 1 })))).toEqual({
      ok: false,
      reason: 'the token has expired',
    });
    const { exp: _exp, ...withoutExp } = idClaims();
    expect((await authorize(await sign(withoutExp))).ok).toBe(false);
    expect((await authorize(await sign(idClaims({ nbf: now() + 60 })))).ok).toBe(false);
    expect((await authorize(await sign(idClaims({ iat: now() + 60 })))).ok).toBe(false);
  });

  it('verifies a signature once, but a remembered token is still refused from its exp on', async () => {
    const token = await sign(idClaims({ exp: now() + 60 }));
    expect((await authorize(token)).ok).toBe(true);
    expect((await authorize(token)).ok).toBe(true);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 61_000);
      expect(await authorize(token)).toEqual({ ok: false, reason: 'the token has expired' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('a copy of a verified token with another signature is verified on its own, and refused', async () => {
    const token = await sign(idClaims());
    expect((await authorize(token)).ok).toBe(true);
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${(await sign(idClaims(), strangerKey)).split('.')[2]}`;
    expect((await authorize(forged)).ok).toBe(false);
  });
});
