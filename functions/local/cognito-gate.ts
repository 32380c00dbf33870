import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createLocalJWKSet, decodeJwt, errors, type JWK, type JWTPayload, jwtVerify } from 'jose';
import type { Forward, ProxiedRequest, ProxyAnswer } from './proxy';
import { type Credentials, verifySigV4 } from './sigv4';

/**
 * What Cognito enforces and cognito-local does not, in front of cognito-local (which listens on a loopback
 * port nobody else is told about). Each rule names the AWS documentation it follows:
 *
 * - IAM-authorized operations (every `Admin*` and pool/client management call) need a valid SigV4
 *   signature by the platform's credentials; only the public user operations go without
 *   (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pools-API-operations.html).
 * - Access tokens given to user operations are verified (signature with the pool's key, issuer, expiry,
 *   `token_use`), and refused once revoked by a global sign-out or AdminDisableUser
 *   (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminDisableUser.html).
 * - UpdateUserAttributes / DeleteUserAttributes write only the app client's WriteAttributes
 *   (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html#user-pool-settings-attribute-permissions-and-scopes);
 *   immutable attributes are refused by cognito-local itself once the schema says `Mutable: false`.
 * - A disabled user cannot sign in nor refresh: NotAuthorizedException "User is disabled."; wrong
 *   password and unknown user are one NotAuthorizedException "Incorrect username or password." when the
 *   client prevents user-existence errors
 *   (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html).
 * - An auth flow must be enabled on the app client (ExplicitAuthFlows)
 *   (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow-methods.html).
 * - New passwords follow the pool's password policy
 *   (https://docs.aws.amazon.com/cognito/latest/developerguide/managing-users-passwords.html).
 * - A refresh token works only with the app client it was issued to
 *   (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html).
 * - GlobalSignOut / AdminUserGlobalSignOut (absent from cognito-local) revoke the user's refresh and
 *   access tokens (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminUserGlobalSignOut.html).
 * - A challenge (NEW_PASSWORD_REQUIRED, SOFTWARE_TOKEN_MFA) is answered only with the session Cognito
 *   issued for it, by the same app client, for the same user, within the client's AuthSessionValidity
 *   (3 minutes by default); otherwise NotAuthorizedException "Invalid session for the user, session is
 *   expired." cognito-local accepts any session string, which would let a TOTP code stand in for the
 *   password (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html,
 *   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserPoolClientType.html).
 * - A wrong code given to VerifySoftwareToken is EnableSoftwareTokenMFAException, not cognito-local's
 *   CodeMismatchException (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_VerifySoftwareToken.html).
 * - AdminCreateUser with MessageAction RESEND (refused by cognito-local) sends a new temporary password
 *   to an existing user who has not yet set one; UserNotFoundException for an unknown user,
 *   UnsupportedUserStateException once the password is set
 *   (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminCreateUser.html).
 * - A temporary password is checked before the NEW_PASSWORD_REQUIRED challenge (cognito-local answers the
 *   challenge to any password), and one Cognito generates meets the pool's password policy (cognito-local
 *   generates 6 characters): the gate generates it and keeps its hash
 *   (https://docs.aws.amazon.com/cognito/latest/developerguide/how-to-create-user-accounts.html).
 * - AdminResetUserPassword (absent from cognito-local): a code is sent as for ForgotPassword and the old
 *   password stops working — signing in with it answers PasswordResetRequiredException until
 *   ConfirmForgotPassword (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminResetUserPassword.html).
 */
export interface CognitoGateOptions {
  /** What clients see as the endpoint: the issuer of tokens is `<publicEndpoint>/<poolId>`. */
  publicEndpoint: string;
  publicJwk: JWK;
  credentials: Credentials;
  /** Where revocations are kept across restarts. */
  stateFile: string;
  forward: Forward;
  /**
   * Delivers a message the gate itself sends (a resent invitation) the way cognito-local delivers its
   * own: a "Confirmation Code Delivery" entry in the cognito log.
   */
  deliver?: (message: { username: string; destination: string; code: string }) => void;
}

const PREFIX = 'AWSCognitoIdentityProviderService.';

/** Operations that take an access token instead of IAM credentials. */
const ACCESS_TOKEN_OPERATIONS = new Set([
  'GetUser',
  'UpdateUserAttributes',
  'DeleteUserAttributes',
  'VerifyUserAttribute',
  'GetUserAttributeVerificationCode',
  'ChangePassword',
  'DeleteUser',
  'GlobalSignOut',
  'SetUserMFAPreference',
  'SetUserSettings',
  'AssociateSoftwareToken',
  'VerifySoftwareToken',
  'ConfirmDevice',
  'ForgetDevice',
  'GetDevice',
  'ListDevices',
  'UpdateDeviceStatus',
]);
/** Operations anyone may call (the sign-in and sign-up protocol). */
const PUBLIC_OPERATIONS = new Set([
  ...ACCESS_TOKEN_OPERATIONS,
  'InitiateAuth',
  'RespondToAuthChallenge',
  'SignUp',
  'ConfirmSignUp',
  'ResendConfirmationCode',
  'ForgotPassword',
  'ConfirmForgotPassword',
  'RevokeToken',
]);

/** The client permission each auth flow needs; with no ExplicitAuthFlows Cognito allows SRP, custom, refresh. */
const FLOW_PERMISSION: Record<string, string> = {
  USER_PASSWORD_AUTH: 'ALLOW_USER_PASSWORD_AUTH',
  USER_SRP_AUTH: 'ALLOW_USER_SRP_AUTH',
  CUSTOM_AUTH: 'ALLOW_CUSTOM_AUTH',
  REFRESH_TOKEN_AUTH: 'ALLOW_REFRESH_TOKEN_AUTH',
  REFRESH_TOKEN: 'ALLOW_REFRESH_TOKEN_AUTH',
  ADMIN_USER_PASSWORD_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  ADMIN_NO_SRP_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
};
const DEFAULT_FLOWS = ['ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];

export function cognitoError(code: string, message: string, status = 400): ProxyAnswer {
  return {
    status,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': code },
    body: Buffer.from(JSON.stringify({ __type: code, message })),
  };
}

const errorTypeOf = (answer: ProxyAnswer): string =>
  String((JSON.parse(answer.body.toString('utf8') || '{}') as Json).__type ?? '');

const notAuthorized = (message: string): ProxyAnswer => cognitoError('NotAuthorizedException', message);
const INCORRECT = 'Incorrect username or password.';
const DISABLED = 'User is disabled.';

type Json = Record<string, unknown>;
type Verified = { ok: true; claims: JWTPayload } | { ok: false; refusal: ProxyAnswer };

interface AppClient {
  UserPoolId: string;
  /** Minutes a challenge session lives; Cognito's default is 3. */
  AuthSessionValidity?: number;
  ExplicitAuthFlows?: string[];
  WriteAttributes?: string[];
  PreventUserExistenceErrors?: string;
}

interface PasswordPolicy {
  MinimumLength?: number;
  RequireLowercase?: boolean;
  RequireUppercase?: boolean;
  RequireNumbers?: boolean;
  RequireSymbols?: boolean;
}

/** Revocation times (epoch seconds) per `<poolId>/<username>`. */
interface GateState {
  signedOut: Record<string, number>;
  accessRevoked: Record<string, number>;
  /** Refresh token id → the app client it was issued to, and its expiry (epoch seconds). */
  refreshClients: Record<string, { clientId: string; exp: number }>;
  /** `<poolId>/<username>` whose password an administrator reset (until ConfirmForgotPassword). */
  resetRequired: Record<string, true>;
  /** `<poolId>/<username>` → SHA-256 of the temporary password it must sign in with. */
  temporaryPasswords: Record<string, string>;
}

const readState = (file: string): GateState => {
  try {
    return {
      refreshClients: {},
      resetRequired: {},
      temporaryPasswords: {},
      ...(JSON.parse(readFileSync(file, 'utf8')) as Partial<GateState>),
    } as GateState;
  } catch {
    return {
      signedOut: {},
      accessRevoked: {},
      refreshClients: {},
      resetRequired: {},
      temporaryPasswords: {},
    };
  }
};

/** A temporary password that meets any pool policy (12+ characters, every character class). */
const temporaryPassword = (): string => `Tt1!${randomBytes(9).toString('base64url')}`;
const hashOf = (password: string): string => createHash('sha256').update(password).digest('hex');

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

const DEFAULT_AUTH_SESSION_MINUTES = 3;
const EXPIRED_SESSION = 'Invalid session for the user, session is expired.';

/** A challenge Cognito is waiting for: who may answer it, to what, until when (epoch ms). */
interface PendingChallenge {
  clientId: string;
  username: string;
  challenge: string;
  expires: number;
}

/** Cognito's message for the first rule of the pool's password policy a password breaks. */
export function passwordProblem(password: string, policy: PasswordPolicy | undefined): string | undefined {
  const rules: [boolean | undefined, boolean, string][] = [
    [true, password.length >= (policy?.MinimumLength ?? 8), 'Password not long enough'],
    [policy?.RequireLowercase, /[a-z]/.test(password), 'Password must have lowercase characters'],
    [policy?.RequireUppercase, /[A-Z]/.test(password), 'Password must have uppercase characters'],
    [policy?.RequireNumbers, /[0-9]/.test(password), 'Password must have numeric characters'],
    [
      policy?.RequireSymbols,
      /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+-]/.test(password),
      'Password must have symbol characters',
    ],
  ];
  const broken = rules.find(([applies, holds]) => applies && !holds);
  return broken ? `Password did not conform with policy: ${broken[2]}` : undefined;
}

/** Where each operation carries a new password. */
function newPassword(operation: string, body: Json): string | undefined {
  const responses = (body.ChallengeResponses ?? {}) as Json;
  const candidates: Record<string, unknown> = {
    AdminSetUserPassword: body.Password,
    AdminCreateUser: body.TemporaryPassword,
    SignUp: body.Password,
    ChangePassword: body.ProposedPassword,
    ConfirmForgotPassword: body.Password,
    RespondToAuthChallenge: responses.NEW_PASSWORD,
    AdminRespondToAuthChallenge: responses.NEW_PASSWORD,
  };
  const value = candidates[operation];
  return typeof value === 'string' ? value : undefined;
}

export function createCognitoGate(options: CognitoGateOptions) {
  const { forward } = options;
  const keys = createLocalJWKSet({ keys: [options.publicJwk] });
  const state = readState(options.stateFile);
  const save = (): void => writeFileSync(options.stateFile, `${JSON.stringify(state)}\n`);
  const poolOfClient = new Map<string, string>();
  // Challenge sessions live minutes: kept in memory, as a restart also ends Cognito's auth sessions for us.
  const challenges = new Map<string, PendingChallenge>();

  async function call(operation: string, input: Json): Promise<{ ok: boolean; body: Json }> {
    const answer = await forward({
      method: 'POST',
      rawUrl: '/',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `${PREFIX}${operation}` },
      body: Buffer.from(JSON.stringify(input)),
    });
    return { ok: answer.status === 200, body: JSON.parse(answer.body.toString('utf8') || '{}') as Json };
  }

  async function appClient(clientId: unknown): Promise<AppClient | undefined> {
    if (typeof clientId !== 'string') return undefined;
    if (!poolOfClient.has(clientId)) {
      const pools = await call('ListUserPools', { MaxResults: 60 });
      for (const pool of (pools.body.UserPools ?? []) as { Id: string }[]) {
        const clients = await call('ListUserPoolClients', { UserPoolId: pool.Id, MaxResults: 60 });
        for (const client of (clients.body.UserPoolClients ?? []) as { ClientId: string }[]) {
          poolOfClient.set(client.ClientId, pool.Id);
        }
      }
    }
    const poolId = poolOfClient.get(clientId);
    if (!poolId) return undefined;
    const described = await call('DescribeUserPoolClient', { UserPoolId: poolId, ClientId: clientId });
    return described.ok ? (described.body.UserPoolClient as AppClient) : undefined;
  }

  async function passwordPolicy(poolId: string): Promise<PasswordPolicy | undefined> {
    const described = await call('DescribeUserPool', { UserPoolId: poolId });
    const pool = described.body.UserPool as { Policies?: { PasswordPolicy?: PasswordPolicy } } | undefined;
    return pool?.Policies?.PasswordPolicy;
  }

  /** `undefined` when the user does not exist. */
  async function isEnabled(poolId: string, username: string): Promise<boolean | undefined> {
    const got = await call('AdminGetUser', { UserPoolId: poolId, Username: username });
    return got.ok ? got.body.Enabled !== false : undefined;
  }

  const poolOfIssuer = (iss: unknown): string | undefined =>
    typeof iss === 'string' && iss.startsWith(`${options.publicEndpoint}/`)
      ? iss.slice(options.publicEndpoint.length + 1)
      : undefined;

  /** Verifies a token of this platform's pools; the refusal Cognito gives, or the claims. */
  async function verify(token: unknown, kind: 'Access' | 'Refresh'): Promise<Verified> {
    const refuse = (message: string): Verified => ({ ok: false, refusal: notAuthorized(message) });
    if (typeof token !== 'string') return refuse(`Invalid ${kind} Token`);
    try {
      const { payload } = await jwtVerify(token, keys, { algorithms: ['RS256'], requiredClaims: ['exp'] });
      if (!poolOfIssuer(payload.iss)) return refuse(`Invalid ${kind} Token`);
      if (kind === 'Access' && payload.token_use !== 'access') return refuse('Invalid Access Token');
      return { ok: true, claims: payload };
    } catch (error) {
      return refuse(
        error instanceof errors.JWTExpired ? `${kind} Token has expired` : `Invalid ${kind} Token`,
      );
    }
  }

  /** Refusal for a verified token whose user is disabled or signed out since it was issued. */
  async function revoked(claims: JWTPayload, kind: 'Access' | 'Refresh'): Promise<ProxyAnswer | undefined> {
    const poolId = poolOfIssuer(claims.iss) ?? '';
    const username = String(claims.username ?? claims['cognito:username'] ?? '');
    const issued = claims.iat ?? 0;
    const id = `${poolId}/${username}`;
    const cutoff = Math.max(state.signedOut[id] ?? 0, kind === 'Access' ? (state.accessRevoked[id] ?? 0) : 0);
    if (issued <= cutoff) return notAuthorized(`${kind} Token has been revoked`);
    const enabled = await isEnabled(poolId, username);
    if (enabled === undefined) return notAuthorized(`Invalid ${kind} Token`);
    return enabled ? undefined : notAuthorized(DISABLED);
  }

  function revoke(table: 'signedOut' | 'accessRevoked', poolId: string, username: string): void {
    // Tokens issued in this very second are revoked too: `iat` has a one-second resolution.
    state[table][`${poolId}/${username}`] = nowSeconds();
    save();
  }

  /** Remembers which client received the refresh token in a successful sign-in answer. */
  function recordRefreshToken(answer: ProxyAnswer, clientId: string): void {
    const result = JSON.parse(answer.body.toString('utf8')) as {
      AuthenticationResult?: { RefreshToken?: string };
    };
    const token = result.AuthenticationResult?.RefreshToken;
    if (!token) return;
    const { jti, exp } = decodeJwt(token);
    if (typeof jti !== 'string' || typeof exp !== 'number') return;
    const now = nowSeconds();
    for (const [id, entry] of Object.entries(state.refreshClients)) {
      if (entry.exp < now) delete state.refreshClients[id];
    }
    state.refreshClients[jti] = { clientId, exp };
    save();
  }

  async function initiateAuth(body: Json, request: ProxiedRequest): Promise<ProxyAnswer> {
    const client = await appClient(body.ClientId);
    if (!client) return forward(request);
    const flow = String(body.AuthFlow ?? '');
    const allowed = client.ExplicitAuthFlows?.length ? client.ExplicitAuthFlows : DEFAULT_FLOWS;
    const permission = FLOW_PERMISSION[flow];
    if (permission && !allowed.includes(permission)) {
      return cognitoError('InvalidParameterException', `${flow} flow not enabled for this client`);
    }
    const parameters = (body.AuthParameters ?? {}) as Json;
    if (permission === 'ALLOW_REFRESH_TOKEN_AUTH') {
      const verified = await verify(parameters.REFRESH_TOKEN, 'Refresh');
      if (!verified.ok) return verified.refusal;
      // A refresh token works only with the app client it was issued to.
      const issuedTo = state.refreshClients[String(verified.claims.jti)]?.clientId;
      if (issuedTo !== undefined && issuedTo !== body.ClientId) return notAuthorized('Invalid Refresh Token');
      return (await revoked(verified.claims, 'Refresh')) ?? forward(request);
    }
    const answer = await forward(request);
    if (answer.status !== 200) {
      const type = errorTypeOf(answer);
      const hidesExistence = client.PreventUserExistenceErrors === 'ENABLED';
      if (type === 'InvalidPasswordException') return notAuthorized(INCORRECT);
      if (type === 'UserNotFoundException' || type === 'NotAuthorizedException') {
        return hidesExistence ? notAuthorized(INCORRECT) : answer;
      }
      return answer;
    }
    const result = JSON.parse(answer.body.toString('utf8')) as {
      AuthenticationResult?: { IdToken?: string };
      ChallengeName?: string;
      ChallengeParameters?: Record<string, string>;
    };
    if (result.ChallengeName === 'NEW_PASSWORD_REQUIRED') {
      const expected =
        state.temporaryPasswords[`${client.UserPoolId}/${result.ChallengeParameters?.USER_ID_FOR_SRP ?? ''}`];
      if (expected !== undefined && expected !== hashOf(String(parameters.PASSWORD ?? ''))) {
        return notAuthorized(INCORRECT);
      }
    }
    const idToken = result.AuthenticationResult?.IdToken;
    const username =
      (idToken ? String(decodeJwt(idToken)['cognito:username'] ?? '') : undefined) ??
      result.ChallengeParameters?.USER_ID_FOR_SRP ??
      String(parameters.USERNAME ?? '');
    // Checked after the password, as Cognito does: a wrong password says nothing about the account.
    const enabled = await isEnabled(client.UserPoolId, username);
    if (enabled === false) return notAuthorized(DISABLED);
    if (state.resetRequired[`${client.UserPoolId}/${username}`]) {
      return cognitoError('PasswordResetRequiredException', 'Password reset required for the user');
    }
    recordRefreshToken(answer, String(body.ClientId));
    recordChallenge(answer, client, String(body.ClientId));
    return answer;
  }

  /** Remembers the session of a challenge in an answer, for the one client and user it was issued to. */
  function recordChallenge(answer: ProxyAnswer, client: AppClient, clientId: string): void {
    const result = JSON.parse(answer.body.toString('utf8')) as {
      ChallengeName?: string;
      Session?: string;
      ChallengeParameters?: Record<string, string>;
    };
    if (!result.ChallengeName || !result.Session) return;
    const now = Date.now();
    for (const [session, pending] of challenges) if (pending.expires < now) challenges.delete(session);
    challenges.set(result.Session, {
      clientId,
      username: result.ChallengeParameters?.USER_ID_FOR_SRP ?? '',
      challenge: result.ChallengeName,
      expires: now + (client.AuthSessionValidity ?? DEFAULT_AUTH_SESSION_MINUTES) * 60_000,
    });
  }

  /** RespondToAuthChallenge: only to a session this gate saw issued, still valid, by the same client. */
  async function respondToAuthChallenge(body: Json, request: ProxiedRequest): Promise<ProxyAnswer> {
    const client = await appClient(body.ClientId);
    if (!client) return forward(request);
    const session = typeof body.Session === 'string' ? body.Session : '';
    const pending = challenges.get(session);
    const responses = (body.ChallengeResponses ?? {}) as Json;
    const answeredFor = String(responses.USERNAME ?? '');
    if (
      !pending ||
      pending.expires < Date.now() ||
      pending.clientId !== body.ClientId ||
      pending.challenge !== body.ChallengeName ||
      (pending.username !== '' && answeredFor !== pending.username)
    ) {
      return notAuthorized(EXPIRED_SESSION);
    }
    const answer = await forward(request);
    if (answer.status !== 200) return answer;
    // A session is answered once; a next challenge (if any) comes with a session of its own.
    challenges.delete(session);
    recordRefreshToken(answer, String(body.ClientId));
    recordChallenge(answer, client, String(body.ClientId));
    return answer;
  }

  /** The user as AdminGetUser answers, or the refusal Cognito gives for an unknown one. */
  async function existingUser(
    body: Json,
  ): Promise<{ ok: true; user: Json } | { ok: false; refusal: ProxyAnswer }> {
    const got = await call('AdminGetUser', { UserPoolId: body.UserPoolId, Username: body.Username });
    return got.ok
      ? { ok: true, user: got.body }
      : { ok: false, refusal: cognitoError('UserNotFoundException', 'User does not exist.') };
  }

  const ok = (payload: Json): ProxyAnswer => ({
    status: 200,
    headers: { 'content-type': 'application/x-amz-json-1.1' },
    body: Buffer.from(JSON.stringify(payload)),
  });

  function recordTemporary(poolId: string, username: string, password: string): void {
    state.temporaryPasswords[`${poolId}/${username}`] = hashOf(password);
    save();
  }

  /** AdminCreateUser with a temporary password the gate knows (generated here when none is given). */
  async function createUser(body: Json, request: ProxiedRequest): Promise<ProxyAnswer> {
    const temporary =
      typeof body.TemporaryPassword === 'string' ? body.TemporaryPassword : temporaryPassword();
    const answer = await forward({
      ...request,
      body: Buffer.from(JSON.stringify({ ...body, TemporaryPassword: temporary })),
    });
    if (answer.status !== 200) return answer;
    const created = JSON.parse(answer.body.toString('utf8')) as { User?: { Username?: string } };
    recordTemporary(String(body.UserPoolId), String(created.User?.Username ?? body.Username), temporary);
    return answer;
  }

  async function resendInvitation(body: Json): Promise<ProxyAnswer> {
    const found = await existingUser(body);
    if (!found.ok) return found.refusal;
    const { user } = found;
    if (user.UserStatus !== 'FORCE_CHANGE_PASSWORD') {
      return cognitoError(
        'UnsupportedUserStateException',
        `Resend not possible. ${String(user.Username)} status is ${String(user.UserStatus)}.`,
      );
    }
    const temporary =
      typeof body.TemporaryPassword === 'string' ? body.TemporaryPassword : temporaryPassword();
    const set = await call('AdminSetUserPassword', {
      UserPoolId: body.UserPoolId,
      Username: user.Username,
      Password: temporary,
      Permanent: false,
    });
    if (!set.ok)
      return cognitoError(
        String(set.body.__type ?? 'InternalErrorException'),
        String(set.body.message ?? ''),
      );
    recordTemporary(String(body.UserPoolId), String(user.Username), temporary);
    const attributes = (user.UserAttributes ?? []) as { Name: string; Value: string }[];
    options.deliver?.({
      username: String(user.Username),
      destination: attributes.find((a) => a.Name === 'email')?.Value ?? String(body.Username),
      code: temporary,
    });
    return ok({
      User: {
        Username: user.Username,
        Attributes: attributes,
        Enabled: user.Enabled,
        UserStatus: 'FORCE_CHANGE_PASSWORD',
        UserCreateDate: user.UserCreateDate,
        UserLastModifiedDate: user.UserLastModifiedDate,
      },
    });
  }

  async function resetPassword(body: Json): Promise<ProxyAnswer> {
    const found = await existingUser(body);
    if (!found.ok) return found.refusal;
    const username = String(found.user.Username);
    if (found.user.UserStatus === 'FORCE_CHANGE_PASSWORD') {
      return notAuthorized('User password cannot be reset in the current state.');
    }
    // The code goes out as cognito-local sends a ForgotPassword code (any app client of the pool asks).
    const clients = await call('ListUserPoolClients', { UserPoolId: body.UserPoolId, MaxResults: 1 });
    const clientId = ((clients.body.UserPoolClients ?? []) as { ClientId: string }[])[0]?.ClientId;
    if (!clientId) return cognitoError('InvalidParameterException', 'The user pool has no app client');
    const sent = await call('ForgotPassword', { ClientId: clientId, Username: username });
    if (!sent.ok)
      return cognitoError(
        String(sent.body.__type ?? 'InternalErrorException'),
        String(sent.body.message ?? ''),
      );
    state.resetRequired[`${String(body.UserPoolId)}/${username}`] = true;
    save();
    return ok({});
  }

  /** A new password set by the user or the administrator ends "reset required". */
  async function passwordSet(
    answer: ProxyAnswer,
    body: Json,
    poolId: string | undefined,
  ): Promise<ProxyAnswer> {
    if (answer.status !== 200 || !poolId) return answer;
    const got = await call('AdminGetUser', { UserPoolId: poolId, Username: body.Username });
    const id = `${poolId}/${String(got.body.Username ?? body.Username)}`;
    delete state.resetRequired[id];
    if (body.Permanent !== true && typeof body.Password === 'string')
      state.temporaryPasswords[id] = hashOf(body.Password);
    save();
    return answer;
  }

  /**
   * Cognito's API answers browsers from any origin (`Access-Control-Allow-Origin: *`); cognito-local's
   * answers carry that header, and the gate's own answers (refusals, sign-outs) must too, or a browser
   * sees a network error instead of the refusal.
   */
  return async function handle(request: ProxiedRequest): Promise<ProxyAnswer> {
    const answer = await route(request);
    if (answer.headers['access-control-allow-origin'] === undefined) {
      answer.headers['access-control-allow-origin'] = '*';
    }
    return answer;
  };

  async function route(request: ProxiedRequest): Promise<ProxyAnswer> {
    const target = String(request.headers['x-amz-target'] ?? '');
    if (request.method !== 'POST' || !target.startsWith(PREFIX)) return forward(request);
    const operation = target.slice(PREFIX.length);
    let body: Json;
    try {
      body = JSON.parse(request.body.toString('utf8') || '{}') as Json;
    } catch {
      return cognitoError('SerializationException', 'Could not parse the request body as JSON');
    }

    if (!PUBLIC_OPERATIONS.has(operation)) {
      const verdict = verifySigV4(request, { credentials: options.credentials, service: 'cognito-idp' });
      if (!verdict.ok) {
        return verdict.code === 'AccessDenied' && verdict.anonymous
          ? cognitoError('MissingAuthenticationTokenException', 'Missing Authentication Token', 400)
          : cognitoError(
              verdict.code === 'SignatureDoesNotMatch'
                ? 'InvalidSignatureException'
                : 'UnrecognizedClientException',
              verdict.message,
            );
      }
    }

    const password = newPassword(operation, body);
    if (password !== undefined) {
      const poolId =
        typeof body.UserPoolId === 'string' ? body.UserPoolId : (await appClient(body.ClientId))?.UserPoolId;
      const problem = poolId ? passwordProblem(password, await passwordPolicy(poolId)) : undefined;
      if (problem) return cognitoError('InvalidPasswordException', problem);
    }

    let claims: JWTPayload | undefined;
    if (ACCESS_TOKEN_OPERATIONS.has(operation) && typeof body.AccessToken === 'string') {
      const verified = await verify(body.AccessToken, 'Access');
      if (!verified.ok) return verified.refusal;
      const refusal = await revoked(verified.claims, 'Access');
      if (refusal) return refusal;
      claims = verified.claims;
    }

    switch (operation) {
      case 'InitiateAuth':
      case 'AdminInitiateAuth':
        return initiateAuth(body, request);
      case 'RespondToAuthChallenge':
        return respondToAuthChallenge(body, request);
      case 'AdminRespondToAuthChallenge': {
        const answer = await forward(request);
        if (answer.status === 200) recordRefreshToken(answer, String(body.ClientId));
        return answer;
      }
      case 'VerifySoftwareToken': {
        const answer = await forward(request);
        if (answer.status !== 200 && errorTypeOf(answer) === 'CodeMismatchException') {
          return cognitoError(
            'EnableSoftwareTokenMFAException',
            'Code mismatch and fail enable Software Token MFA',
          );
        }
        return answer;
      }
      case 'AdminCreateUser':
        return body.MessageAction === 'RESEND' ? resendInvitation(body) : createUser(body, request);
      case 'AdminResetUserPassword':
        return resetPassword(body);
      case 'ConfirmForgotPassword':
        return passwordSet(await forward(request), body, (await appClient(body.ClientId))?.UserPoolId);
      case 'AdminSetUserPassword':
        return passwordSet(await forward(request), body, String(body.UserPoolId));
      case 'UpdateUserAttributes':
      case 'DeleteUserAttributes': {
        const client = await appClient(claims?.client_id);
        const writable = client?.WriteAttributes ?? [];
        const names =
          operation === 'UpdateUserAttributes'
            ? ((body.UserAttributes ?? []) as { Name?: string }[]).map((attribute) => attribute.Name ?? '')
            : ((body.UserAttributeNames ?? []) as string[]);
        // An empty WriteAttributes list means every writable attribute, as in Cognito.
        if (writable.length > 0 && names.some((name) => !writable.includes(name))) {
          return notAuthorized('A client attempted to write unauthorized attribute');
        }
        return forward(request);
      }
      case 'GlobalSignOut': {
        if (!claims) return notAuthorized('Invalid Access Token');
        revoke('signedOut', poolOfIssuer(claims.iss) ?? '', String(claims.username ?? ''));
        return {
          status: 200,
          headers: { 'content-type': 'application/x-amz-json-1.1' },
          body: Buffer.from('{}'),
        };
      }
      case 'AdminUserGlobalSignOut':
      case 'AdminDisableUser': {
        // Revocation is keyed by the username tokens carry, which AdminGetUser returns for an alias too.
        const got = await call('AdminGetUser', { UserPoolId: body.UserPoolId, Username: body.Username });
        if (!got.ok) return forward(request);
        const username = String(got.body.Username);
        revoke(
          operation === 'AdminDisableUser' ? 'accessRevoked' : 'signedOut',
          String(body.UserPoolId),
          username,
        );
        if (operation === 'AdminDisableUser') return forward(request);
        return {
          status: 200,
          headers: { 'content-type': 'application/x-amz-json-1.1' },
          body: Buffer.from('{}'),
        };
      }
      default:
        return forward(request);
    }
  }
}
