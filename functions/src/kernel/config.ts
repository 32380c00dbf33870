import { randomBytes } from 'node:crypto';
import * as z from 'zod';

/**
 * Handler configuration, read once at module load from the environment (Lambda or the local gateway).
 * A missing or malformed value stops the function at start with one message naming the variables.
 */
const Env = z.object({
  TABLE_NAME: z.string().min(1),
  BUCKET_NAME: z.string().min(1),
  AWS_REGION: z.string().min(1).default('ap-southeast-1'),
  /** Local emulators only: DynamoDB Local and s3rver (path-style). */
  DYNAMODB_ENDPOINT: z.url().optional(),
  S3_ENDPOINT: z.url().optional(),
  MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(5 * 1024 * 1024 * 1024)
    .default(20 * 1024 * 1024),
  PUBLIC_WEB_ORIGIN: z.string().optional(),
  /** Administration of users: without a pool id users are kept in the table only. */
  USER_POOL_ID: z.string().min(1).optional(),
  COGNITO_ENDPOINT: z.url().optional(),
  /**
   * `guardduty` when GuardDuty Malware Protection for S3 scans the evidence prefix (infra config
   * `malwareScanning`): an attachment then counts only once its verdict is clean. Unset: no scanner.
   */
  MALWARE_SCANNER: z.enum(['guardduty', 'none']).default('none'),
  /** KMS HMAC key (GenerateMac/VerifyMac) of the audit chain; unset locally (a local key file instead). */
  AUDIT_MAC_KEY_ID: z.string().min(1).optional(),
  /** Object Lock bucket where audit chain heads are anchored; unset locally (the local S3 instead). */
  AUDIT_ANCHOR_BUCKET: z.string().min(1).optional(),
  /** The tenants whose chain heads the scheduled anchoring writes (comma-separated). */
  AUDIT_TENANTS: z.string().default(''),
  /** Secret salt of the public-comment rate-limit key (Secrets Manager on AWS). */
  RATE_LIMIT_SALT: z.string().min(16).optional(),
  /** The secret CloudFront sends as `x-origin-verify`: only then is `CloudFront-Viewer-Address` trusted. */
  ORIGIN_VERIFY_SECRET: z.string().min(16).optional(),
  /**
   * How long a Lambda instance trusts the user record it read for a caller (active, unit, roles): the
   * bound on how long a moved or deactivated account keeps its old authority. At most 60 s; 0 = no cache.
   */
  ACCOUNT_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(60).default(60),
  /**
   * How long an instance trusts the tenant's MFA policy it read (ADR 0018): a stricter policy applies
   * within this bound; a relaxed one at once (a refusal reads it again). At most 300 s.
   */
  MFA_POLICY_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(300).default(300),
  /**
   * The server-side signer of decisions (ADR 0032), where the deployment holds a CA-issued key: an AWS KMS
   * asymmetric key (SIGN_VERIFY; its algorithm is read from the certificate); its certificate chain is `config/server-signer-chain.pem`.
   */
  SIGNER_KMS_KEY_ID: z.string().min(1).optional(),
  /** Locally: a PEM file with a software key (PKCS#8) and its certificate chain (the local platform's). */
  SIGNER_KEY_FILE: z.string().min(1).optional(),
  /**
   * `on`: a signature whose OCSP answer is not embedded is checked online with the signer's responder (its
   * certificate's AIA URL; ADR 0035); unreachable → reported "could not check", never a pass.
   */
  SIGNING_OCSP_ONLINE: z.enum(['on', 'off']).default('off'),
  /** How long that online check may take (ms). */
  SIGNING_OCSP_TIMEOUT_MS: z.coerce.number().int().min(100).max(10_000).default(3_000),
  /**
   * How long one DynamoDB attempt may take (ms; kernel/data/client.ts). Unset on AWS: 1.5 s. The test
   * runs' shared DynamoDB Local sets more (functions/local/platform.ts).
   */
  DYNAMODB_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(8_000).optional(),
});

export interface Config {
  tableName: string;
  bucketName: string;
  region: string;
  dynamoEndpoint: string | undefined;
  /** One DynamoDB attempt's timeout, when not the production one. */
  dynamoRequestTimeoutMs?: number | undefined;
  s3Endpoint: string | undefined;
  cognitoEndpoint: string | undefined;
  userPoolId: string | undefined;
  maxUploadBytes: number;
  publicWebOrigin: string | undefined;
  malwareScanning: boolean;
  auditMacKeyId: string | undefined;
  auditAnchorBucket: string | undefined;
  auditTenants: string[];
  /** From `RATE_LIMIT_SALT`, else a random salt for this process (local platform: counters reset on restart). */
  rateLimitSalt: string;
  /** Unset locally, where the gateway itself sets `CloudFront-Viewer-Address` from the socket. */
  originVerifySecret: string | undefined;
  accountCacheTtlSeconds: number;
  mfaPolicyCacheTtlSeconds: number;
  /** The deployment's server-side signer of decisions, if it has one (ADR 0032). */
  serverSigner?: { kind: 'kms'; keyId: string } | { kind: 'file'; path: string } | undefined;
  /** Online OCSP checking of signers' certificates, if the deployment enables it (ADR 0035). */
  ocspOnline?: { timeoutMs: number } | undefined;
}

/** One random salt per process when none is configured: never a constant in the source. */
const processSalt = randomBytes(32).toString('base64url');

export class ConfigError extends Error {}

/** Empty strings count as unset (CDK and shells like to pass them). */
const definedOnly = (env: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''),
  );

export const loadConfig = (env: Record<string, string | undefined> = process.env): Config => {
  const r = Env.safeParse(definedOnly(env));
  if (!r.success) {
    const problems = r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid function configuration (${problems})`);
  }
  const e = r.data;
  return {
    tableName: e.TABLE_NAME,
    bucketName: e.BUCKET_NAME,
    region: e.AWS_REGION,
    dynamoEndpoint: e.DYNAMODB_ENDPOINT,
    dynamoRequestTimeoutMs: e.DYNAMODB_REQUEST_TIMEOUT_MS,
    s3Endpoint: e.S3_ENDPOINT,
    cognitoEndpoint: e.COGNITO_ENDPOINT,
    userPoolId: e.USER_POOL_ID,
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    publicWebOrigin: e.PUBLIC_WEB_ORIGIN,
    malwareScanning: e.MALWARE_SCANNER === 'guardduty',
    auditMacKeyId: e.AUDIT_MAC_KEY_ID,
    auditAnchorBucket: e.AUDIT_ANCHOR_BUCKET,
    auditTenants: e.AUDIT_TENANTS.split(',')
      .map((t) => t.trim())
      .filter((t) => t !== ''),
    rateLimitSalt: e.RATE_LIMIT_SALT ?? processSalt,
    originVerifySecret: e.ORIGIN_VERIFY_SECRET,
    accountCacheTtlSeconds: e.ACCOUNT_CACHE_TTL_SECONDS,
    mfaPolicyCacheTtlSeconds: e.MFA_POLICY_CACHE_TTL_SECONDS,
    serverSigner: e.SIGNER_KMS_KEY_ID
      ? { kind: 'kms', keyId: e.SIGNER_KMS_KEY_ID }
      : e.SIGNER_KEY_FILE
        ? { kind: 'file', path: e.SIGNER_KEY_FILE }
        : undefined,
    ocspOnline: e.SIGNING_OCSP_ONLINE === 'on' ? { timeoutMs: e.SIGNING_OCSP_TIMEOUT_MS } : undefined,
  };
};
