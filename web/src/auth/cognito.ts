/**
 * Cognito's user-pool API spoken directly over its JSON protocol (the same wire format the AWS SDK uses),
 * instead of Amplify (ADR 0018: Amplify Auth v6 measured +37 KB gzipped on the sign-in chunk, 20 times
 * the chunk): sign-in, refresh, the first-login new password, forgot password, the TOTP challenge, and
 * TOTP enrolment with the user's access token. Works unchanged against cognito-local behind the local
 * Cognito gate.
 */
export interface CognitoSettings {
  cognitoEndpoint: string;
  clientId: string;
}

export interface Tokens {
  idToken: string;
  accessToken: string;
  refreshToken: string;
}

export type AuthFailure =
  | 'invalid_credentials'
  | 'user_disabled'
  | 'not_confirmed'
  | 'password_change_required'
  | 'password_policy'
  | 'code_mismatch'
  | 'code_expired'
  | 'challenge_expired'
  | 'totp_mismatch'
  | 'mfa_challenge_expired'
  | 'too_many_attempts'
  | 'network'
  | 'session_expired'
  | 'service_unavailable'
  | 'misconfigured'
  | 'unknown';

export class AuthError extends Error {
  override readonly name = 'AuthError';
  constructor(
    readonly reason: AuthFailure,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Cognito's error types (and cognito-local's, which answers a wrong password with its own
 * `InvalidPasswordException`) as the few failures a person can act on. `type` may carry a namespace
 * (`com.amazonaws…#NotAuthorizedException`); `status` is the HTTP status of the answer.
 */
export function signInFailureOf(type: string, message: string, status = 400): AuthFailure {
  const t = type.split('#').pop() ?? type;
  switch (t) {
    case 'NotAuthorizedException':
      // One type for several causes in Cognito; only the message tells them apart.
      if (/disabled/i.test(message)) return 'user_disabled';
      if (/attempts exceeded/i.test(message)) return 'too_many_attempts';
      return 'invalid_credentials';
    case 'UserNotFoundException':
    case 'InvalidPasswordException':
      return 'invalid_credentials';
    case 'UserNotConfirmedException':
      return 'not_confirmed';
    case 'PasswordResetRequiredException':
      return 'password_change_required';
    case 'TooManyRequestsException':
    case 'TooManyFailedAttemptsException':
    case 'LimitExceededException':
      return 'too_many_attempts';
    case 'ResourceNotFoundException':
    case 'InvalidParameterException':
    case 'InvalidUserPoolConfigurationException':
      return 'misconfigured';
    case 'CodeMismatchException':
      return 'code_mismatch';
    case 'ExpiredCodeException':
      return 'code_expired';
    case 'InternalErrorException':
      return 'service_unavailable';
  }
  return status >= 500 ? 'service_unavailable' : 'unknown';
}

/**
 * Failures of the calls that set a new password (the first-login challenge, confirm forgot password):
 * there `InvalidPasswordException` means the new password breaks the pool's policy, not a wrong password,
 * and a `NotAuthorizedException` on the challenge means its session (3 minutes in Cognito) ran out.
 */
export function newPasswordFailureOf(type: string, message: string, status = 400): AuthFailure {
  const t = type.split('#').pop() ?? type;
  if (t === 'InvalidPasswordException') return 'password_policy';
  if (t === 'NotAuthorizedException' && /session/i.test(message)) return 'challenge_expired';
  return signInFailureOf(type, message, status);
}

/**
 * Failures of a TOTP code (the sign-in challenge, enrolment): Cognito answers a wrong code on the
 * challenge with CodeMismatchException and at enrolment with EnableSoftwareTokenMFAException; an
 * expired challenge session (3 minutes) with NotAuthorizedException naming the session.
 */
export function totpFailureOf(type: string, message: string, status = 400): AuthFailure {
  const t = type.split('#').pop() ?? type;
  if (t === 'CodeMismatchException' || t === 'EnableSoftwareTokenMFAException') return 'totp_mismatch';
  if (t === 'ExpiredCodeException') return 'totp_mismatch';
  if (t === 'NotAuthorizedException' && /session/i.test(message)) return 'mfa_challenge_expired';
  return signInFailureOf(type, message, status);
}

type FailureOf = (type: string, message: string, status?: number) => AuthFailure;

async function cognitoCall(
  settings: CognitoSettings,
  operation: string,
  body: Record<string, unknown>,
  failureOf: FailureOf = signInFailureOf,
): Promise<Record<string, unknown>> {
  let res: Response;
  try {
    res = await fetch(settings.cognitoEndpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
      },
      body: JSON.stringify(body),
    });
  } catch (e) {
    throw new AuthError('network', e instanceof Error ? e.message : String(e));
  }
  let payload: unknown = null;
  try {
    payload = await res.json();
  } catch {
    payload = null;
  }
  const rec = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
  if (!res.ok) {
    const type = typeof rec.__type === 'string' ? rec.__type : `HTTP ${res.status}`;
    const message = typeof rec.message === 'string' ? rec.message : type;
    throw new AuthError(failureOf(type, message, res.status), message);
  }
  return rec;
}

const initiateAuth = (settings: CognitoSettings, body: Record<string, unknown>) =>
  cognitoCall(settings, 'InitiateAuth', { ClientId: settings.clientId, ...body });

function tokensFrom(out: Record<string, unknown>, previousRefresh?: string): Tokens {
  if (typeof out.ChallengeName === 'string') {
    // The challenges a sign-in can meet are answered by signInWithPassword's steps, never here.
    throw new AuthError('password_change_required', out.ChallengeName);
  }
  const r = out.AuthenticationResult;
  if (typeof r !== 'object' || r === null) throw new AuthError('unknown', 'No AuthenticationResult');
  const a = r as Record<string, unknown>;
  const refresh = typeof a.RefreshToken === 'string' ? a.RefreshToken : previousRefresh;
  if (typeof a.IdToken !== 'string' || typeof a.AccessToken !== 'string' || !refresh) {
    throw new AuthError('unknown', 'Incomplete AuthenticationResult');
  }
  return { idToken: a.IdToken, accessToken: a.AccessToken, refreshToken: refresh };
}

/** A user created by an administrator signs in first with a temporary password and must choose a new one. */
export interface NewPasswordChallenge {
  kind: 'new_password_required';
  /** The username Cognito names in the challenge (the sub for an e-mail alias), answered back as is. */
  username: string;
  /** Cognito's opaque challenge session, valid for 3 minutes. */
  session: string;
}

/** A user with TOTP enabled answers the sign-in with the code of their authenticator app. */
export interface SoftwareTokenChallenge {
  kind: 'software_token_mfa';
  username: string;
  session: string;
}

export type SignInChallenge = NewPasswordChallenge | SoftwareTokenChallenge;
export type SignInStep = { kind: 'signed_in'; tokens: Tokens } | SignInChallenge;

/** The challenge of an InitiateAuth or RespondToAuthChallenge answer, when it is one the app answers. */
function challengeOf(out: Record<string, unknown>, username: string): SignInChallenge | undefined {
  if (typeof out.Session !== 'string') return undefined;
  const parameters = (out.ChallengeParameters ?? {}) as Record<string, unknown>;
  const named = parameters.USER_ID_FOR_SRP;
  const answeredAs = typeof named === 'string' && named ? named : username;
  if (out.ChallengeName === 'NEW_PASSWORD_REQUIRED') {
    return { kind: 'new_password_required', username: answeredAs, session: out.Session };
  }
  if (out.ChallengeName === 'SOFTWARE_TOKEN_MFA') {
    return { kind: 'software_token_mfa', username: answeredAs, session: out.Session };
  }
  return undefined;
}

const stepFrom = (out: Record<string, unknown>, username: string): SignInStep =>
  challengeOf(out, username) ?? { kind: 'signed_in', tokens: tokensFrom(out) };

export async function signInWithPassword(
  settings: CognitoSettings,
  username: string,
  password: string,
): Promise<SignInStep> {
  const out = await initiateAuth(settings, {
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: username, PASSWORD: password },
  });
  return stepFrom(out, username);
}

/**
 * Answers the first-login challenge with the new password. Cognito signs the user in with it, or — for a
 * user who already has TOTP — asks for the code next.
 */
export async function respondNewPassword(
  settings: CognitoSettings,
  challenge: NewPasswordChallenge,
  newPassword: string,
): Promise<SignInStep> {
  const out = await cognitoCall(
    settings,
    'RespondToAuthChallenge',
    {
      ClientId: settings.clientId,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: challenge.session,
      ChallengeResponses: { USERNAME: challenge.username, NEW_PASSWORD: newPassword },
    },
    newPasswordFailureOf,
  );
  return stepFrom(out, challenge.username);
}

/** Answers the TOTP challenge with the 6-digit code of the user's authenticator app. */
export async function respondSoftwareToken(
  settings: CognitoSettings,
  challenge: SoftwareTokenChallenge,
  code: string,
): Promise<Tokens> {
  const out = await cognitoCall(
    settings,
    'RespondToAuthChallenge',
    {
      ClientId: settings.clientId,
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: challenge.session,
      ChallengeResponses: { USERNAME: challenge.username, SOFTWARE_TOKEN_MFA_CODE: code },
    },
    totpFailureOf,
  );
  return tokensFrom(out);
}

/** Begins TOTP enrolment: Cognito makes the user a new secret (base32), shown as a QR code and as text. */
export async function associateSoftwareToken(
  settings: CognitoSettings,
  accessToken: string,
): Promise<string> {
  const out = await cognitoCall(settings, 'AssociateSoftwareToken', { AccessToken: accessToken });
  if (typeof out.SecretCode !== 'string') throw new AuthError('unknown', 'No SecretCode');
  return out.SecretCode;
}

/**
 * Completes enrolment: the first code proves the app holds the secret (VerifySoftwareToken), then TOTP is
 * enabled and preferred (SetUserMFAPreference), so every later sign-in is challenged for a code.
 */
export async function enableSoftwareToken(
  settings: CognitoSettings,
  accessToken: string,
  code: string,
): Promise<void> {
  await cognitoCall(
    settings,
    'VerifySoftwareToken',
    { AccessToken: accessToken, UserCode: code, FriendlyDeviceName: 'Thi đua' },
    totpFailureOf,
  );
  await cognitoCall(settings, 'SetUserMFAPreference', {
    AccessToken: accessToken,
    SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
  });
}

/** The otpauth:// URI authenticator apps read from the QR code (Key Uri Format, issuer and account). */
export function otpauthUri(secret: string, account: string, issuer = 'Thi đua - Khen thưởng'): string {
  const label = encodeURIComponent(`${issuer}:${account}`);
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`;
}

/** Sends a reset code to the user's verified e-mail (locally: printed in cognito-local's log). */
export async function forgotPassword(settings: CognitoSettings, username: string): Promise<void> {
  await cognitoCall(settings, 'ForgotPassword', { ClientId: settings.clientId, Username: username });
}

export async function confirmForgotPassword(
  settings: CognitoSettings,
  username: string,
  code: string,
  newPassword: string,
): Promise<void> {
  await cognitoCall(
    settings,
    'ConfirmForgotPassword',
    { ClientId: settings.clientId, Username: username, ConfirmationCode: code, Password: newPassword },
    newPasswordFailureOf,
  );
}

/** A refresh answers new ID and access tokens; the refresh token itself is kept. */
export async function refreshSession(settings: CognitoSettings, refreshToken: string): Promise<Tokens> {
  try {
    const out = await initiateAuth(settings, {
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: refreshToken },
    });
    return tokensFrom(out, refreshToken);
  } catch (e) {
    if (e instanceof AuthError && e.reason === 'invalid_credentials') {
      throw new AuthError('session_expired', e.message);
    }
    throw e;
  }
}
