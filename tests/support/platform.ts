import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { emulatorCredentials } from '@thidua/functions/local/emulators';
import { compileRoutes, matchRoute } from '@thidua/functions/local/gateway-event';
import { type Platform, type PlatformOptions, startPlatform } from '@thidua/functions/local/platform';
import { DEMO_PASSWORD } from '@thidua/functions/local/seed-data';
import { contractMismatch, contractsByOperation, routes } from '@thidua/shared/contracts';
import { inject } from 'vitest';
import { leaseDynamo } from './dynamo-broker';

/**
 * The harness of the integration, end-to-end and benchmark suites: the real local platform (DynamoDB
 * Local in memory, s3rver and cognito-local in a temporary folder, free ports, the real gateway and
 * handlers), sign-in over the Cognito protocol, and a small fetch wrapper for the API. One platform per
 * test file: start it in `beforeAll`, stop it in `afterAll`. Under vitest, its table lives in a DynamoDB
 * Local lent by the run's broker (dynamo-broker.ts), shared with a few other files; s3rver and
 * cognito-local are the file's own.
 */
export { createAppClient } from '@thidua/functions/local/bootstrap';
export { emulatorClients } from '@thidua/functions/local/clients';
export type { Platform, PlatformOptions } from '@thidua/functions/local/platform';
export { startPlatform } from '@thidua/functions/local/platform';
export { createPoolUser, type PoolUser } from '@thidua/functions/local/pool-users';
export {
  DEMO_PASSWORD,
  DEMO_TENANT,
  type DemoUser,
  demoUnits,
  demoUsers,
  PROVINCE_ID,
} from '@thidua/functions/local/seed-data';
export type { WebConfig } from '@thidua/shared/web-config';

export interface TestPlatformOptions extends Partial<PlatformOptions> {
  /**
   * A DynamoDB Local of this platform's own instead of the run's shared one (global-setup.ts), for a test
   * that freezes or kills it (`dynamoPid`).
   */
  ownDynamoDbLocal?: boolean;
}

/** The run's DynamoDB Local broker when the suite's global setup started one. */
const runDynamoBroker = (): string | undefined =>
  process.env.VITEST ? (inject('dynamoBroker') as string | undefined) : undefined;

/** The run's demo user pool when the suite's global setup made one (pool-template.ts). */
const runPoolTemplate = (): string | undefined =>
  process.env.VITEST ? (inject('poolTemplate') as string | undefined) : undefined;

/**
 * A memory-mode platform with the demo world seeded (pass `seed: false` for an empty one). Under vitest
 * its cognito-local starts from a copy of the run's demo user pool (`poolTemplate`, used only to seed).
 */
export async function startTestPlatform(options: TestPlatformOptions = {}): Promise<Platform> {
  const { ownDynamoDbLocal, ...platformOptions } = options;
  const broker =
    ownDynamoDbLocal || (platformOptions.mode ?? 'memory') !== 'memory' ? undefined : runDynamoBroker();
  const leased = broker ? await leaseDynamo(broker) : undefined;
  const pool = runPoolTemplate();
  let platform: Platform;
  try {
    platform = await startPlatform({
      mode: 'memory',
      seed: true,
      ...(leased ? { sharedDynamo: leased.shared } : {}),
      ...(pool ? { poolTemplate: pool } : {}),
      ...platformOptions,
    });
  } catch (error) {
    await leased?.release();
    throw error;
  }
  if (leased) {
    // The JVM is given back once the platform has deleted its table there.
    const stop = platform.stop;
    platform.stop = () => stop().finally(leased.release);
  }
  return platform;
}

export interface Tokens {
  idToken: string;
  accessToken: string;
  refreshToken: string;
}

export interface SignInTarget {
  cognitoEndpoint: string;
  clientId: string;
  region: string;
}

/** Signs in like the SPA does: InitiateAuth USER_PASSWORD_AUTH against cognito-local. */
export async function signIn(
  target: SignInTarget,
  email: string,
  password: string = DEMO_PASSWORD,
  clientId: string = target.clientId,
): Promise<Tokens> {
  const cognito = new CognitoIdentityProviderClient({
    region: target.region,
    endpoint: target.cognitoEndpoint,
    credentials: emulatorCredentials,
  });
  try {
    const answer = await cognito.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: email, PASSWORD: password },
      }),
    );
    const result = answer.AuthenticationResult;
    if (!result?.IdToken || !result.AccessToken || !result.RefreshToken) {
      throw new Error(`signIn(${email}): no tokens (challenge ${answer.ChallengeName ?? 'none'})`);
    }
    return { idToken: result.IdToken, accessToken: result.AccessToken, refreshToken: result.RefreshToken };
  } finally {
    cognito.destroy();
  }
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON when the answer is JSON, else the text. */
  body: unknown;
  text: string;
  /** The body's bytes as received (a PDF, a file). */
  bytes: Uint8Array;
}

export interface ApiRequestInit {
  /** Serialized as JSON unless it is a string, a Buffer or a Uint8Array. */
  body?: unknown;
  headers?: Record<string, string>;
  /** `manual` to see a 303 and its Location instead of following it. */
  redirect?: RequestRedirect;
}

export interface Api {
  request(method: string, path: string, init?: ApiRequestInit): Promise<ApiResponse>;
  get(path: string, headers?: Record<string, string>): Promise<ApiResponse>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse>;
  put(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse>;
  patch(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse>;
  delete(path: string, headers?: Record<string, string>): Promise<ApiResponse>;
}

const compiledRoutes = compileRoutes(routes);

/**
 * Every answer of the suites is checked against its route's contract (found by method and path template,
 * as the gateway finds it): a status the contract does not document, or a body its schema refuses, fails
 * the test that made the request. Paths no route matches (the gateway's own 404) are not checked.
 */
export function expectContractKept(method: string, path: string, answer: ApiResponse): void {
  // `path` is the raw path, without the query string.
  const match = matchRoute(compiledRoutes, method, path);
  const contract = match && contractsByOperation[match.route.operationId];
  if (!contract) return;
  const problem = contractMismatch(contract, {
    status: answer.status,
    body: answer.body,
    contentType: answer.headers.get('content-type') ?? '',
  });
  if (problem)
    throw new Error(`Contract broken: ${problem}
${answer.text.slice(0, 500)}`);
}

/** Calls the API through the local gateway, with `Authorization: Bearer <token>` when a token is given. */
export function api(target: { apiUrl: string }, token?: string): Api {
  const request = async (method: string, path: string, init: ApiRequestInit = {}): Promise<ApiResponse> => {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | Uint8Array<ArrayBuffer> | undefined;
    if (typeof init.body === 'string') {
      body = init.body;
    } else if (init.body instanceof Uint8Array) {
      body = new Uint8Array(init.body);
    } else if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${target.apiUrl}${path}`, {
      method,
      headers,
      ...(body ? { body } : {}),
      ...(init.redirect ? { redirect: init.redirect } : {}),
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text !== '') {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    const answer = { status: response.status, headers: response.headers, body: parsed, text, bytes };
    // The path as the gateway saw it: fetch resolves `.` and `..` segments before sending.
    const sent = new URL(response.url).pathname.slice(
      new URL(target.apiUrl).pathname.replace(/\/$/, '').length,
    );
    if (!response.redirected) expectContractKept(method, sent, answer);
    return answer;
  };
  return {
    request,
    get: (path, headers) => request('GET', path, headers ? { headers } : {}),
    post: (path, body, headers) => request('POST', path, { body, ...(headers ? { headers } : {}) }),
    put: (path, body, headers) => request('PUT', path, { body, ...(headers ? { headers } : {}) }),
    patch: (path, body, headers) => request('PATCH', path, { body, ...(headers ? { headers } : {}) }),
    delete: (path, headers) => request('DELETE', path, headers ? { headers } : {}),
  };
}

/** Signs in as `email` and returns an API client carrying that user's ID token. */
export async function apiAs(
  platform: Platform,
  email: string,
  password: string = DEMO_PASSWORD,
): Promise<Api> {
  const tokens = await signIn(platform, email, password);
  return api(platform, tokens.idToken);
}
