import { UpdateUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createUserRepository } from '@thidua/functions/features/org/repository';
import { decodeJwt, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  createAppClient,
  DEMO_TENANT,
  emulatorClients,
  type Platform,
  signIn,
  startTestPlatform,
  type Tokens,
} from '../support/platform';

/**
 * The smoke test of the foundation, through the real parts only: sign in over the Cognito protocol
 * (cognito-local) → an authenticated route through the local gateway (JWT authorizer) → the real
 * handler → DynamoDB Local. Then every way a token must be refused.
 */
const OFFICER = 'canbo.tanphu@demo.thidua.vn';
const WEB_ORIGIN = 'http://localhost:5173';

let platform: Platform;
let clients: ReturnType<typeof emulatorClients>;
let officer: Tokens;

beforeAll(async () => {
  platform = await startTestPlatform({ webOrigins: [WEB_ORIGIN] });
  clients = emulatorClients(platform);
  officer = await signIn(platform, OFFICER);
});

afterAll(async () => {
  clients?.destroy();
  await platform?.stop();
});

const unauthorized = { status: 401, body: { message: 'Unauthorized' } };

describe('a signed-in user reaches the handler, which reads DynamoDB Local', () => {
  it('GET /me answers with the user and the unit stored in the table', async () => {
    const me = await api(platform, officer.idToken).get('/me');
    expect(me.status).toBe(200);
    // Neither the name nor the unit's name is in the token: they come from the table.
    expect(me.text).toContain('Võ Thị Phương');
    expect(me.text).toContain('Phường Tân Phú');
    expect(me.text).toContain('dong-xoai-tan-phu');
  });

  it('sees a change written straight into DynamoDB Local', async () => {
    const users = createUserRepository({
      table: platform.tableName,
      client: DynamoDBDocumentClient.from(clients.dynamo),
    });
    const sub = decodeJwt(officer.idToken).sub ?? '';
    const stored = await users.get(DEMO_TENANT, sub);
    expect(stored?.unitId).toBe('dong-xoai-tan-phu');
    if (!stored) return;
    await users.save({ ...stored, title: 'Phó Trưởng Công an phường Tân Phú' }, 'replace');
    const me = await api(platform, officer.idToken).get('/me');
    expect(me.status).toBe(200);
    expect(me.text).toContain('Phó Trưởng Công an phường Tân Phú');
  });

  it('serves public routes without a token and answers unknown routes like API Gateway', async () => {
    const health = await api(platform).get('/health');
    expect(health.status).toBe(200);
    expect(await api(platform).get('/no-such-route')).toMatchObject({
      status: 404,
      body: { message: 'Not Found' },
    });
    expect(await api(platform, officer.idToken).delete('/me')).toMatchObject({
      status: 404,
      body: { message: 'Not Found' },
    });
  });

  it('answers CORS for the web origin only', async () => {
    const preflight = await api(platform).request('OPTIONS', '/me', {
      headers: {
        origin: WEB_ORIGIN,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(WEB_ORIGIN);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    const foreign = await api(platform, officer.idToken).get('/me', { origin: 'http://evil.example' });
    expect(foreign.status).toBe(200);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the gateway refuses every token it must refuse with 401', () => {
  it('no token, an empty one, garbage', async () => {
    expect(await api(platform).get('/me')).toMatchObject(unauthorized);
    expect(await api(platform).get('/me', { authorization: 'Bearer ' })).toMatchObject(unauthorized);
    expect(await api(platform, 'not.a.jwt').get('/me')).toMatchObject(unauthorized);
  });

  it('an access token where the ID token is expected (same user, same client)', async () => {
    expect(decodeJwt(officer.accessToken).token_use).toBe('access');
    expect(await api(platform, officer.accessToken).get('/me')).toMatchObject(unauthorized);
  });

  it('an ID token issued to another app client of the same pool', async () => {
    const otherClient = await createAppClient(clients.cognito, platform.userPoolId, 'another-app');
    const other = await signIn(platform, OFFICER, undefined, otherClient);
    expect(decodeJwt(other.idToken).aud).toBe(otherClient);
    expect(await api(platform, other.idToken).get('/me')).toMatchObject(unauthorized);
  });

  it('a token with the right claims signed by a key that is not the pool’s', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    expect((await exportJWK(publicKey)).kty).toBe('RSA');
    const claims = decodeJwt(officer.idToken);
    const forged = await new SignJWT({ ...claims, 'cognito:groups': ['admin'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'CognitoLocal' })
      .sign(privateKey);
    expect(await api(platform, forged).get('/me')).toMatchObject(unauthorized);
  });

  it('an expired ID token', async () => {
    // Real expiry, no test hook: the pool's client is set to issue 3-second ID tokens, a token is
    // obtained, and used once before and once after it expires.
    const shortLived = (IdTokenValidity: number, unit: 'seconds' | 'minutes') =>
      clients.cognito.send(
        new UpdateUserPoolClientCommand({
          UserPoolId: platform.userPoolId,
          ClientId: platform.clientId,
          IdTokenValidity,
          TokenValidityUnits: { IdToken: unit },
        }),
      );
    await shortLived(3, 'seconds');
    try {
      const tokens = await signIn(platform, OFFICER);
      const exp = decodeJwt(tokens.idToken).exp ?? 0;
      expect(exp - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(3);
      expect((await api(platform, tokens.idToken).get('/me')).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, (exp + 1) * 1000 - Date.now())));
      const late = await api(platform, tokens.idToken).get('/me');
      expect(late).toMatchObject(unauthorized);
      expect(late.headers.get('www-authenticate')).toContain('expired');
    } finally {
      await shortLived(60, 'minutes');
    }
  });
});
