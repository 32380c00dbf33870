import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetsPasswordPolicy, signInFailureMessage } from '../features/auth/failures';
import { translate } from '../i18n';
import { AuthError, newPasswordFailureOf } from './cognito';
import { SessionStore } from './session';

/**
 * The sign-in steps beyond the password: the first-login challenge answered with a new password, and
 * forgot → code → new password, against a stand-in for Cognito's JSON endpoint that answers as Cognito
 * does (the real protocol against the local platform is in tests/integration/sign-in-passwords.test.ts).
 */
const EXP = 1_900_000_000;
const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const idToken = b64url({ alg: 'none' }).concat(
  '.',
  b64url({ sub: 'u9', email: 'moi@x.vn', 'custom:tenant_id': 'binh-phuoc', exp: EXP }),
  '.sig',
);
const TEMPORARY = 'Tam-thoi-1!';
const CHOSEN = 'Mat-khau-moi-2026!';
const CODE = '482913';

type Answer = [status: number, body: Record<string, unknown>];
const fail = (type: string, message: string): Answer => [400, { __type: type, message }];
const tokens: Answer = [
  200,
  { AuthenticationResult: { IdToken: idToken, AccessToken: 'a', RefreshToken: 'r' } },
];

/** Cognito's answer per operation, and what the browser sent. */
const cognito: Record<string, (body: Record<string, unknown>) => Answer> = {
  InitiateAuth: (b) =>
    (b.AuthParameters as Record<string, string>).PASSWORD === TEMPORARY
      ? [
          200,
          {
            ChallengeName: 'NEW_PASSWORD_REQUIRED',
            Session: 'sess-1',
            ChallengeParameters: { USER_ID_FOR_SRP: 'u9' },
          },
        ]
      : fail('NotAuthorizedException', 'Incorrect username or password.'),
  RespondToAuthChallenge: (b) => {
    const r = b.ChallengeResponses as Record<string, string>;
    if (b.Session !== 'sess-1')
      return fail('NotAuthorizedException', 'Invalid session for the user, session is expired.');
    if (r.USERNAME !== 'u9') return fail('InvalidParameterException', 'wrong user');
    return r.NEW_PASSWORD === CHOSEN
      ? tokens
      : fail('InvalidPasswordException', 'Password did not conform with policy');
  },
  ForgotPassword: () => [200, { CodeDeliveryDetails: { DeliveryMedium: 'EMAIL', Destination: 'm***@x.vn' } }],
  ConfirmForgotPassword: (b) => {
    if (b.ConfirmationCode !== CODE)
      return fail('CodeMismatchException', 'Invalid verification code provided.');
    return b.Password === CHOSEN ? [200, {}] : fail('InvalidPasswordException', 'Password not long enough');
  },
};
const sent: { operation: string; body: Record<string, unknown> }[] = [];

let server: Server;
let store: SessionStore;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const operation = String(req.headers['x-amz-target']).split('.').pop() ?? '';
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    sent.push({ operation, body });
    const [status, answer] = cognito[operation]?.(body) ?? fail('UnknownOperationException', operation);
    res.statusCode = status;
    res.end(JSON.stringify(answer));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const map = new Map<string, string>();
  store = new SessionStore(
    { cognitoEndpoint: endpoint, clientId: 'c1' },
    {
      getItem: (k) => map.get(k) ?? null,
      setItem: (k, v) => map.set(k, v),
      removeItem: (k) => map.delete(k),
    },
    () => (EXP - 3600) * 1000,
  );
});
afterAll(async () => {
  store.dispose();
  await new Promise<void>((r) => server.close(() => r()));
});

const reasonOf = (p: Promise<unknown>) =>
  p.then(
    () => 'no failure',
    (e: unknown) => (e instanceof AuthError ? e.reason : String(e)),
  );

describe('first login: the temporary password leads to "Đặt mật khẩu mới"', () => {
  it('returns the challenge instead of a session, and answers it with the named user', async () => {
    const step = await store.beginSignIn(' moi@x.vn ', TEMPORARY);
    expect(step).toEqual({ kind: 'new_password_required', username: 'u9', session: 'sess-1' });
    expect(store.get()).toBeNull();
    if (!('kind' in step)) throw new Error('expected the challenge');

    expect(await reasonOf(store.completeNewPassword(step, 'Ngan-1!'))).toBe('password_policy');
    expect(store.get()).toBeNull();

    const session = await store.completeNewPassword(step, CHOSEN);
    expect(session.claims.sub).toBe('u9');
    expect(store.get()?.tokens.refreshToken).toBe('r');
    expect(sent.at(-1)).toEqual({
      operation: 'RespondToAuthChallenge',
      body: {
        ClientId: 'c1',
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: 'sess-1',
        ChallengeResponses: { USERNAME: 'u9', NEW_PASSWORD: CHOSEN },
      },
    });
    store.signOut();
  });

  it('names an expired challenge, and signIn (no challenge expected) still refuses one', async () => {
    const expired = { kind: 'new_password_required', username: 'u9', session: 'old' } as const;
    expect(await reasonOf(store.completeNewPassword(expired, CHOSEN))).toBe('challenge_expired');
    expect(await reasonOf(store.signIn('moi@x.vn', TEMPORARY))).toBe('password_change_required');
    // A wrong password in the first step stays "wrong email or password".
    expect(await reasonOf(store.beginSignIn('moi@x.vn', 'sai'))).toBe('invalid_credentials');
  });
});

describe('forgot password', () => {
  it('requests a code, refuses a wrong code and a weak password, then accepts the right pair', async () => {
    await store.requestPasswordReset(' moi@x.vn ');
    expect(sent.at(-1)).toEqual({
      operation: 'ForgotPassword',
      body: { ClientId: 'c1', Username: 'moi@x.vn' },
    });
    expect(await reasonOf(store.confirmPasswordReset('moi@x.vn', '000000', CHOSEN))).toBe('code_mismatch');
    expect(await reasonOf(store.confirmPasswordReset('moi@x.vn', CODE, 'ngan'))).toBe('password_policy');
    expect(await reasonOf(store.confirmPasswordReset('moi@x.vn', ` ${CODE} `, CHOSEN))).toBe('no failure');
  });
});

describe('the words a person reads', () => {
  const said = (type: string, message = '') =>
    translate('vi', signInFailureMessage[newPasswordFailureOf(type, message)]);

  it('explains the policy, the code and the expired step in Vietnamese', () => {
    expect(said('InvalidPasswordException', 'Password did not conform with policy')).toMatch(
      /ít nhất 12 ký tự/,
    );
    expect(said('CodeMismatchException')).toBe('Mã xác nhận không đúng. Vui lòng kiểm tra lại thư điện tử.');
    expect(said('ExpiredCodeException')).toMatch(/hết hạn/);
    expect(said('NotAuthorizedException', 'Invalid session for the user, session is expired.')).toMatch(
      /mật khẩu tạm thời/,
    );
    expect(said('LimitExceededException')).toMatch(/quá nhiều lần/);
  });

  it('checks the strictest pool policy before sending', () => {
    expect(meetsPasswordPolicy(CHOSEN)).toBe(true);
    expect(meetsPasswordPolicy('Ngan-1!')).toBe(false);
    expect(meetsPasswordPolicy('khongcochuhoa-2026!')).toBe(false);
    expect(meetsPasswordPolicy('KhongCoKyHieu2026')).toBe(false);
    expect(meetsPasswordPolicy('Khong-Co-Chu-So!')).toBe(false);
  });
});
