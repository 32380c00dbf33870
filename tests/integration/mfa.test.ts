import {
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  type InitiateAuthCommandOutput,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { totp } from '@thidua/functions/local/totp';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Api,
  api,
  apiAs,
  createAppClient,
  emulatorClients,
  type Platform,
  signIn,
  startTestPlatform,
  type Tokens,
} from '../support/platform';
import { createUserWithPassword, expectStatus, logins, units } from './api-world';

/**
 * TOTP MFA and sign-out everywhere against the local platform, over the Cognito protocol the web app
 * speaks, and the API's enforcement of the tenant's MFA policy. The account check caches records for
 * ACCOUNT_CACHE_TTL_SECONDS and the tenant's policy for MFA_POLICY_CACHE_TTL_SECONDS (60 and 300 in
 * production; 1 here so a test can wait the window out).
 */
const TTL_MS = 1000;
const pastTheWindow = () => new Promise((r) => setTimeout(r, TTL_MS + 150));
/** Sign-out and enrolment dates have a one-second resolution (`auth_time`): step into the next second. */
const nextSecond = () => new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 50));
const PASSWORD = 'ThiDua@2026!';

let platform: Platform;
let cognito: CognitoIdentityProviderClient;
let admin: Api;

beforeAll(async () => {
  process.env.ACCOUNT_CACHE_TTL_SECONDS = String(TTL_MS / 1000);
  process.env.MFA_POLICY_CACHE_TTL_SECONDS = String(TTL_MS / 1000);
  platform = await startTestPlatform();
  // Public user operations carry no IAM credentials; an SDK client still wants some to sign with.
  cognito = new CognitoIdentityProviderClient({
    region: platform.region,
    endpoint: platform.cognitoEndpoint,
    credentials: { accessKeyId: 'anonymous', secretAccessKey: 'anonymous' },
  });
  admin = await apiAs(platform, logins.admin);
});

afterAll(async () => {
  cognito?.destroy();
  await platform?.stop();
  delete process.env.ACCOUNT_CACHE_TTL_SECONDS;
  delete process.env.MFA_POLICY_CACHE_TTL_SECONDS;
});

const errorCode = (b: Record<string, unknown>) => (b.error as { code: string }).code;
let userCount = 0;
const userIds = new Map<string, string>();
const newUser = async (roles: ('secretariat' | 'submitter' | 'chair')[]) => {
  userCount += 1;
  const email = `mfa.${userCount}.${Date.now()}@demo.thidua.vn`;
  const id = await createUserWithPassword(
    { platform, as: { admin } },
    { email, name: 'Người dùng hai lớp', unitId: units.province, roles },
    PASSWORD,
  );
  userIds.set(email, id);
  return email;
};

/** A chain as the audit trail shows it to the administrator: it must verify, and its events' verbs. */
const chainActions = async (kind: string, subjectId: string) => {
  const chain = expectStatus(await admin.get(`/audit/chains/${kind}/${subjectId}`), 200) as {
    valid: boolean;
    events: { action: string; summary: string; actorName: string }[];
  };
  expect(chain.valid, JSON.stringify(chain)).toBe(true);
  return chain.events;
};

const initiate = (email: string, clientId = platform.clientId) =>
  cognito.send(
    new InitiateAuthCommand({
      ClientId: clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: PASSWORD },
    }),
  );

const answerTotp = (
  first: Pick<InitiateAuthCommandOutput, 'Session' | 'ChallengeParameters'>,
  email: string,
  code: string,
  clientId = platform.clientId,
) =>
  cognito.send(
    new RespondToAuthChallengeCommand({
      ClientId: clientId,
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: first.Session,
      ChallengeResponses: {
        USERNAME: first.ChallengeParameters?.USER_ID_FOR_SRP ?? email,
        SOFTWARE_TOKEN_MFA_CODE: code,
      },
    }),
  );

/** AssociateSoftwareToken → VerifySoftwareToken → SetUserMFAPreference, as the web app's enrolment runs it. */
async function enrol(tokens: Tokens): Promise<string> {
  const associated = await cognito.send(
    new AssociateSoftwareTokenCommand({ AccessToken: tokens.accessToken }),
  );
  const secret = associated.SecretCode ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  const verified = await cognito.send(
    new VerifySoftwareTokenCommand({ AccessToken: tokens.accessToken, UserCode: totp(secret) }),
  );
  expect(verified.Status).toBe('SUCCESS');
  await cognito.send(
    new SetUserMFAPreferenceCommand({
      AccessToken: tokens.accessToken,
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    }),
  );
  return secret;
}

/** Signs in answering the TOTP challenge with the next window's code (the current one may be used). */
async function signInWithTotp(email: string, secret: string): Promise<Tokens> {
  const first = await initiate(email);
  expect(first.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
  expect(first.AuthenticationResult).toBeUndefined();
  const answered = await answerTotp(first, email, totp(secret, Date.now(), 1));
  const r = answered.AuthenticationResult;
  if (!r?.IdToken || !r.AccessToken || !r.RefreshToken) throw new Error('no tokens after the TOTP challenge');
  return { idToken: r.IdToken, accessToken: r.AccessToken, refreshToken: r.RefreshToken };
}

describe('Cognito: TOTP enrolment and challenge (parity)', () => {
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_VerifySoftwareToken.html
  // A wrong code fails with EnableSoftwareTokenMFAException (cognito-local says CodeMismatchException).
  it('refuses a wrong code at enrolment with EnableSoftwareTokenMFAException; the right one verifies', async () => {
    const email = await newUser(['submitter']);
    const tokens = await signIn(platform, email, PASSWORD);
    const { SecretCode } = await cognito.send(
      new AssociateSoftwareTokenCommand({ AccessToken: tokens.accessToken }),
    );
    const secret = SecretCode ?? '';
    const wrong = totp('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    await expect(
      cognito.send(new VerifySoftwareTokenCommand({ AccessToken: tokens.accessToken, UserCode: wrong })),
    ).rejects.toMatchObject({ name: 'EnableSoftwareTokenMFAException' });
    const ok = await cognito.send(
      new VerifySoftwareTokenCommand({ AccessToken: tokens.accessToken, UserCode: totp(secret) }),
    );
    expect(ok.Status).toBe('SUCCESS');
  });

  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AssociateSoftwareToken.html
  // "After you set up software token MFA for your user, Amazon Cognito generates a SOFTWARE_TOKEN_MFA
  // challenge when they authenticate." The code is RFC 6238 TOTP: a code of another secret, or of a time
  // far from now, is CodeMismatchException.
  it('challenges an enrolled user for a code, refuses wrong codes, and signs in with the right one', async () => {
    const email = await newUser(['submitter']);
    const secret = await enrol(await signIn(platform, email, PASSWORD));
    const first = await initiate(email);
    expect(first.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    expect(first.AuthenticationResult).toBeUndefined();
    for (const wrong of [totp('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'), totp(secret, Date.now() - 10 * 60_000)]) {
      await expect(answerTotp(first, email, wrong)).rejects.toMatchObject({ name: 'CodeMismatchException' });
    }
    const answered = await answerTotp(first, email, totp(secret));
    const idToken = answered.AuthenticationResult?.IdToken ?? '';
    expect(decodeJwt(idToken).email).toBe(email);
    expect(typeof decodeJwt(idToken).auth_time).toBe('number');
  });

  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html
  // The Session is the one Cognito returned with the challenge, for that app client, valid for the
  // client's AuthSessionValidity; anything else is NotAuthorizedException ("Invalid session for the user,
  // session is expired."). cognito-local alone accepts any string, so a code would stand in for the password.
  it('answers a challenge only with the session it issued, to the client it issued it to, once', async () => {
    const email = await newUser(['submitter']);
    const secret = await enrol(await signIn(platform, email, PASSWORD));
    const forged = { Session: 'x'.repeat(40), ChallengeParameters: { USER_ID_FOR_SRP: email } };
    await expect(answerTotp(forged, email, totp(secret))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
    });
    const first = await initiate(email);
    const otherClient = await createAppClient(
      emulatorClients(platform).cognito,
      platform.userPoolId,
      'other',
    );
    await expect(answerTotp(first, email, totp(secret), otherClient)).rejects.toMatchObject({
      name: 'NotAuthorizedException',
    });
    await answerTotp(first, email, totp(secret));
    await expect(answerTotp(first, email, totp(secret, Date.now(), 1))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
    });
  });
});

describe('the tenant’s MFA policy, enforced by the API', () => {
  it('leads a secretariat without TOTP to enrolment, then to a sign-in with a code, then lets them in', async () => {
    const email = await newUser(['secretariat']);
    const before = await signIn(platform, email, PASSWORD);
    // The demo tenant starts with nobody required (README); the administrator requires the secretariat.
    expect(expectStatus(await admin.get('/tenant/security'), 200)).toEqual({ mfaRequiredRoles: [] });
    expectStatus(await admin.put('/tenant/security', { mfaRequiredRoles: ['secretariat', 'chair'] }), 200);
    expect(expectStatus(await admin.get('/tenant/security'), 200).mfaRequiredRoles).toEqual([
      'secretariat',
      'chair',
    ]);
    await pastTheWindow();

    const session = api(platform, before.idToken);
    expect(errorCode(expectStatus(await session.get('/units'), 403))).toBe('mfa_enrolment_required');
    expect(expectStatus(await session.get('/me/security'), 200)).toEqual({
      mfaRequired: true,
      mfaEnrolled: false,
      session: 'mfa_enrolment_required',
    });
    // The API does not take the browser's word: Cognito must say TOTP is on for this very account.
    expect(
      errorCode(expectStatus(await session.post('/me/mfa', { accessToken: before.accessToken }), 422)),
    ).toBe('mfa_not_enabled');
    const stranger = await signIn(platform, logins.communeSubmitter);
    expect(
      errorCode(expectStatus(await session.post('/me/mfa', { accessToken: stranger.accessToken }), 422)),
    ).toBe('mfa_not_enabled');

    const secret = await enrol(before);
    await nextSecond();
    expect(
      expectStatus(await session.post('/me/mfa', { accessToken: before.accessToken }), 200),
    ).toMatchObject({
      mfaEnrolled: true,
      session: 'mfa_sign_in_required',
    });
    await pastTheWindow();
    // The session that began before the enrolment was not asked for a code.
    expect(errorCode(expectStatus(await session.get('/units'), 403))).toBe('mfa_sign_in_required');

    const after = await signInWithTotp(email, secret);
    const signedIn = api(platform, after.idToken);
    expect(expectStatus(await signedIn.get('/units'), 200).items).toEqual(expect.any(Array));
    expect(expectStatus(await signedIn.get('/me/security'), 200).session).toBe('allowed');

    // Roles the tenant does not name are not asked; the setting is the administrator's alone.
    const officer = await apiAs(platform, logins.communeSubmitter);
    expectStatus(await officer.get('/units'), 200);
    expect(
      errorCode(expectStatus(await officer.put('/tenant/security', { mfaRequiredRoles: [] }), 403)),
    ).toBe('forbidden');
    expectStatus(await signedIn.put('/tenant/security', { mfaRequiredRoles: ['secretariat'] }), 403);
    expectStatus(await admin.put('/tenant/security', { mfaRequiredRoles: [] }), 200);

    // Both the policy's changes and the enrolment are in the audit trail, and the user's record still
    // verifies against its chain after the enrolment changed it.
    const policy = await chainActions('tenant_security', 'security');
    // The seed creates the policy (nobody required); the administrator changed it twice.
    expect(policy.map((e) => e.action)).toEqual(['created', 'updated', 'updated']);
    expect(policy[1]?.summary).toContain('Cơ quan thường trực');
    expect(policy[1]?.actorName).toBe('Nguyễn Văn An');
    expect(policy[2]?.summary).toContain('không vai trò nào');
    const account = await chainActions('user', userIds.get(email) ?? '');
    expect(account.map((e) => e.action)).toEqual(['created', 'mfa_enrolled']);
    expect(account[1]?.actorName).toBe('Người dùng hai lớp');
  });
});

describe('sign out everywhere', () => {
  it('revokes every refresh token and the API refuses every older ID token within the cache window', async () => {
    const email = await newUser(['submitter']);
    const phone = await signIn(platform, email, PASSWORD);
    const laptop = await signIn(platform, email, PASSWORD);
    expectStatus(await api(platform, laptop.idToken).get('/me'), 200);

    expectStatus(await api(platform, phone.idToken).post('/me/sign-out-everywhere'), 200);
    await pastTheWindow();
    for (const tokens of [phone, laptop]) {
      expect(errorCode(expectStatus(await api(platform, tokens.idToken).get('/me'), 401))).toBe(
        'session_revoked',
      );
      await expect(
        cognito.send(
          new InitiateAuthCommand({
            ClientId: platform.clientId,
            AuthFlow: 'REFRESH_TOKEN_AUTH',
            AuthParameters: { REFRESH_TOKEN: tokens.refreshToken },
          }),
        ),
      ).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    }

    await nextSecond();
    const again = await signIn(platform, email, PASSWORD);
    expectStatus(await api(platform, again.idToken).get('/me'), 200);
    const account = await chainActions('user', userIds.get(email) ?? '');
    expect(account.map((e) => e.action)).toEqual(['created', 'signed_out_everywhere']);
  });
});
