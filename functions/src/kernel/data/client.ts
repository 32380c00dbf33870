import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../config';
import { dynamoCallCounter } from './call-counter';

/**
 * Emulators accept any signature but the SDK insists on credentials; in Lambda the role's credentials
 * come from the environment as usual. s3rver checks the access key, and `S3RVER` is its default.
 */
const localCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const hasEnvCredentials = (): boolean => Boolean(process.env.AWS_ACCESS_KEY_ID);

/**
 * S3 and Cognito are created on first use, by a dynamic `import()`: with the runtime's SDK, importing a
 * client package is most of a cold start, and most groups never touch S3 or Cognito (ADR 0005).
 * DynamoDB is eager: every group reads the table.
 */
export interface AwsClients {
  /** The DocumentClient every repository uses (plain JS values in and out). */
  doc: DynamoDBDocumentClient;
  /** The S3 client, created (and its package imported) on the first call; the same one afterwards. */
  s3: () => Promise<S3Client>;
  /** Only when a user pool is configured; created on the first call like `s3`. */
  cognito: (() => Promise<CognitoIdentityProviderClient>) | undefined;
}

/**
 * A frozen or unreachable table must fail well within API Gateway's 29 s, as a 503 the client can retry
 * (http/route.ts): three attempts of at most 1.5 s each (DynamoDB answers in milliseconds; the SDK's
 * backoff adds at most a few hundred ms) end a request against a frozen table in about 5 s.
 */
export const DYNAMO_TIMEOUTS = { connectionMs: 1_000, requestMs: 1_500, maxAttempts: 3 } as const;

/** Network errors that say "the service could not be reached or did not answer". */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
]);
/**
 * AWS errors that mean "busy, try again later" and come with a 4xx (a 5xx is taken as such by its
 * status): the SDK's own timeout and DynamoDB's throttling.
 */
const UNAVAILABLE_NAMES = new Set([
  'TimeoutError',
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
]);

/**
 * True when an error says an AWS dependency (the table, the bucket) is unreachable, timing out or
 * overloaded — a condition that passes — rather than a bug or a refusal.
 */
export const isDependencyUnavailable = (err: unknown): boolean => {
  for (let e: unknown = err, depth = 0; typeof e === 'object' && e !== null && depth < 4; depth++) {
    const r = e as {
      name?: unknown;
      code?: unknown;
      $metadata?: { httpStatusCode?: unknown };
      cause?: unknown;
    };
    if (typeof r.name === 'string' && UNAVAILABLE_NAMES.has(r.name)) return true;
    if (typeof r.code === 'string' && UNREACHABLE_CODES.has(r.code)) return true;
    const status = r.$metadata?.httpStatusCode;
    if (typeof status === 'number' && status >= 500) return true;
    e = r.cause;
  }
  return false;
};

/** One shared promise; a failed import or construction is not cached, the next call tries again. */
export const lazy = <T>(make: () => Promise<T>): (() => Promise<T>) => {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= make().catch((err: unknown) => {
      pending = undefined;
      throw err;
    });
    return pending;
  };
};

export const createAwsClients = (config: Config): AwsClients => {
  const local = Boolean(config.dynamoEndpoint || config.s3Endpoint || config.cognitoEndpoint);
  const credentials = local && !hasEnvCredentials() ? { credentials: localCredentials } : {};
  const base = { region: config.region, ...credentials };

  const dynamo = new DynamoDBClient({
    ...base,
    ...(config.dynamoEndpoint ? { endpoint: config.dynamoEndpoint } : {}),
    maxAttempts: DYNAMO_TIMEOUTS.maxAttempts,
    requestHandler: {
      connectionTimeout: DYNAMO_TIMEOUTS.connectionMs,
      requestTimeout: config.dynamoRequestTimeoutMs ?? DYNAMO_TIMEOUTS.requestMs,
      throwOnRequestTimeout: true,
    },
  });
  // Counts calls per operation (reads/writes); the tests, the benchmark and the request log read it.
  dynamo.middlewareStack.add(dynamoCallCounter.middleware(), {
    step: 'initialize',
    name: 'thiduaCallCounter',
  });
  // Per attempt (after the retry middleware): which writes may have reached the table.
  dynamo.middlewareStack.add(dynamoCallCounter.attemptMiddleware(), {
    step: 'finalizeRequest',
    priority: 'low',
    name: 'thiduaWriteRisk',
  });
  const doc = DynamoDBDocumentClient.from(dynamo, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });

  const s3 = lazy(async () => {
    const { S3Client } = await import('@aws-sdk/client-s3');
    return new S3Client({
      ...base,
      ...(config.s3Endpoint
        ? {
            endpoint: config.s3Endpoint,
            forcePathStyle: true,
            // s3rver does not understand the SDK's default trailing CRC32 checksums.
            requestChecksumCalculation: 'WHEN_REQUIRED' as const,
            responseChecksumValidation: 'WHEN_REQUIRED' as const,
          }
        : {}),
    });
  });

  const cognito = config.userPoolId
    ? lazy(async () => {
        const { CognitoIdentityProviderClient } = await import('@aws-sdk/client-cognito-identity-provider');
        return new CognitoIdentityProviderClient({
          ...base,
          ...(config.cognitoEndpoint ? { endpoint: config.cognitoEndpoint } : {}),
        });
      })
    : undefined;

  return { doc, s3, cognito };
};
