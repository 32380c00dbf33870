/**
 * Cognito's user-pool API spoken directly over its JSON protocol (the same wire format the AWS SDK uses),
 * instead of Amplify: two calls are all the app needs, and Amplify would add far more than our whole
 * initial bundle. Works unchanged against cognito-local.
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
    case 'InternalErrorException':
      return 'service_unavailable';
  }
  return status >= 500 ? 'service_unavailable' : 'unknown';
}

async function initiateAuth(
  settings: CognitoSettings,
  body: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  let res: Response;
  try {
    res = await fetch(settings.cognitoEndpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth',
      },
      body: JSON.stringify({ ClientId: settings.clientId, ...body }),
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
    throw new AuthError(signInFailureOf(type, message, res.status), message);
  }
  return rec;
}

function tokensFrom(out: Record<string, unknown>, previousRefresh?: string): Tokens {
  if (typeof out.ChallengeName === 'string') {
    // Demo and provisioned users get a permanent password; a first-login challenge is handled by an admin.
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

export async function signInWithPassword(
  settings: CognitoSettings,
  username: string,
  password: string,
): Promise<Tokens> {
  const out = await initiateAuth(settings, {
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: username, PASSWORD: password },
  });
  return tokensFrom(out);
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
