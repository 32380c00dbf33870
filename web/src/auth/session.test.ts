import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseGroups } from './claims';
import { AuthError } from './cognito';
import { type KeyValueStorage, SessionStore } from './session';

// A tiny stand-in for the Cognito JSON endpoint: it checks the wire format the browser will send.
const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = (claims: Record<string, unknown>) => `${b64url({ alg: 'none' })}.${b64url(claims)}.sig`;

let server: Server;
let endpoint = '';
let calls: { target: string; contentType: string; body: Record<string, unknown> }[] = [];
const nowSeconds = 1_700_000_000;
let refreshAnswer: 'ok' | 'revoked' = 'ok';

function idToken(exp: number) {
  return jwt({
    sub: 'u1',
    email: 'can.bo@tanphu.vn',
    name: 'Nguyễn Văn A',
    'custom:tenant_id': 'binh-phuoc',
    'custom:unit_id': 'dx-tan-phu',
    'cognito:groups': ['submitter', 'not-a-role'],
    token_use: 'id',
    exp,
  });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => {
      raw += c.toString();
    });
    req.on('end', () => {
      const body = JSON.parse(raw) as Record<string, unknown>;
      calls.push({
        target: String(req.headers['x-amz-target']),
        contentType: String(req.headers['content-type']),
        body,
      });
      const params = body.AuthParameters as Record<string, string>;
      res.setHeader('Content-Type', 'application/x-amz-json-1.1');
      if (body.AuthFlow === 'USER_PASSWORD_AUTH') {
        if (params.PASSWORD !== 'Dung-mat-khau-1') {
          res.statusCode = 400;
          res.end(
            JSON.stringify({ __type: 'NotAuthorizedException', message: 'Incorrect username or password.' }),
          );
          return;
        }
        res.end(
          JSON.stringify({
            AuthenticationResult: {
              IdToken: idToken(nowSeconds + 3600),
              AccessToken: 'acc',
              RefreshToken: 'ref-1',
            },
          }),
        );
        return;
      }
      if (refreshAnswer === 'revoked') {
        res.statusCode = 400;
        res.end(
          JSON.stringify({ __type: 'NotAuthorizedException', message: 'Refresh Token has been revoked' }),
        );
        return;
      }
      // cognito-local answers a refresh without a RefreshToken: the old one must be kept.
      res.end(
        JSON.stringify({
          AuthenticationResult: { IdToken: idToken(nowSeconds + 7200), AccessToken: 'acc-2' },
        }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
});

class MemoryStorage implements KeyValueStorage {
  map = new Map<string, string>();
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

beforeEach(() => {
  calls = [];
  refreshAnswer = 'ok';
});

const settings = () => ({ cognitoEndpoint: endpoint, clientId: 'client-1' });

describe('session', () => {
  it('signs in with USER_PASSWORD_AUTH and reads the claims', async () => {
    const storage = new MemoryStorage();
    const store = new SessionStore(settings(), storage, () => nowSeconds * 1000);
    const s = await store.signIn(' can.bo@tanphu.vn ', 'Dung-mat-khau-1');
    expect(calls[0]?.target).toBe('AWSCognitoIdentityProviderService.InitiateAuth');
    expect(calls[0]?.contentType).toBe('application/x-amz-json-1.1');
    expect(calls[0]?.body).toMatchObject({
      ClientId: 'client-1',
      AuthParameters: { USERNAME: 'can.bo@tanphu.vn' },
    });
    expect(s.claims).toMatchObject({ unitId: 'dx-tan-phu', tenantId: 'binh-phuoc', roles: ['submitter'] });
    expect(s.claims.name).toBe('Nguyễn Văn A');
    // A reload finds the session again.
    const again = new SessionStore(settings(), storage, () => nowSeconds * 1000);
    expect(again.get()?.claims.sub).toBe('u1');
    store.dispose();
    again.dispose();
  });

  it('names a wrong password', async () => {
    const store = new SessionStore(settings(), new MemoryStorage(), () => nowSeconds * 1000);
    const err = await store.signIn('x', 'sai').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect((err as AuthError).reason).toBe('invalid_credentials');
    store.dispose();
  });

  it('refreshes once, shortly before expiry, keeping the refresh token', async () => {
    let clock = nowSeconds * 1000;
    const store = new SessionStore(settings(), new MemoryStorage(), () => clock);
    await store.signIn('a', 'Dung-mat-khau-1');
    expect(await store.getIdToken()).toBe(store.get()?.tokens.idToken);
    expect(calls).toHaveLength(1);
    clock += 3600_000 - 60_000; // one minute left
    const [t1, t2] = await Promise.all([store.getIdToken(), store.getIdToken()]);
    expect(t1).toBe(t2);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.body).toMatchObject({
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: 'ref-1' },
    });
    expect(store.get()?.tokens.refreshToken).toBe('ref-1');
    expect(store.get()?.tokens.accessToken).toBe('acc-2');
    store.dispose();
  });

  it('ends the session when the refresh token is refused', async () => {
    let clock = nowSeconds * 1000;
    const store = new SessionStore(settings(), new MemoryStorage(), () => clock);
    await store.signIn('a', 'Dung-mat-khau-1');
    refreshAnswer = 'revoked';
    clock += 3600_000;
    expect(await store.getIdToken()).toBeNull();
    expect(store.get()).toBeNull();
    store.dispose();
  });
});

describe('groups claim', () => {
  it('accepts the array and the API Gateway string form', () => {
    expect(parseGroups(['reviewer', 'x'])).toEqual(['reviewer']);
    expect(parseGroups('[reviewer secretariat]')).toEqual(['reviewer', 'secretariat']);
  });
});
