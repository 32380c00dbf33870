import * as z from 'zod';

/**
 * Deployment configuration, one object per environment, validated by a zod schema before any construct
 * is created: a typo in an account id or a certificate in the wrong region fails `cdk synth` with a field
 * path instead of failing a CloudFormation deployment twenty minutes later.
 *
 * The environment is chosen with `-c env=dev|prod` (default `dev`). Values that are not known in the
 * repository (account, custom domain, certificate, e-mail sender, alarm e-mail) come from CDK context:
 * `-c account=123456789012 -c domainName=thidua.example.gov.vn -c certificateArn=arn:aws:acm:us-east-1:…`.
 */

export const envNames = ['dev', 'prod'] as const;
export type EnvName = (typeof envNames)[number];

/** The retention periods CloudWatch Logs accepts (anything else is rejected by the service). */
export const logRetentionValues = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

const awsRegion = z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'not an AWS region (e.g. ap-southeast-1)');
const hostname = z
  .string()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'not a lower-case DNS name');
const httpOrigin = z
  .string()
  .regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/, 'an origin is scheme://host[:port] without a path');

export const EnvConfig = z
  .object({
    envName: z.enum(envNames),
    /** 12-digit account id. Optional: `npm run synth` works without it (the template uses AWS::AccountId). */
    account: z
      .string()
      .regex(/^\d{12}$/, 'an AWS account id has 12 digits')
      .optional(),
    region: awsRegion,
    /**
     * Custom domain of the web app (and of the API, served by the same CloudFront distribution under
     * `/api`). Without it the distribution's `*.cloudfront.net` name is used.
     */
    domain: z
      .object({
        name: hostname,
        /** CloudFront only accepts ACM certificates from us-east-1. */
        certificateArn: z
          .string()
          .regex(
            /^arn:aws:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/,
            'CloudFront needs an ACM certificate in us-east-1',
          ),
      })
      .strict()
      .optional(),
    /**
     * Sender of Cognito's e-mails (invitations, password resets) through SES. Without it Cognito's own
     * sender is used, which is limited to 50 e-mails a day: fine for dev, not for a province.
     */
    emailSender: z
      .object({
        fromEmail: z.email(),
        fromName: z.string().min(1).max(100),
        replyTo: z.email().optional(),
        /** The SES identity of `fromEmail` must be verified in this region (out of the SES sandbox). */
        sesRegion: awsRegion,
      })
      .strict()
      .optional(),
    /**
     * Custom domain of the API's own origin (regional, certificate in the stack's region). With it the
     * execute-api endpoint is disabled and CloudFront reaches the API through this name only; without it the
     * execute-api URL must stay enabled (it is then CloudFront's origin). docs/adr/0012-aws-edge.md.
     */
    apiOriginDomain: z
      .object({
        name: hostname,
        certificateArn: z
          .string()
          .regex(/^arn:aws:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]{36}$/, 'not an ACM certificate ARN'),
      })
      .strict()
      .optional(),
    /** AWS WAF web ACL on the CloudFront distribution (us-east-1, a stack of its own). */
    waf: z
      .object({
        /** Requests per client address in any 5 minutes, every path; above it the address gets 429. */
        requestsPer5Min: z.number().int().min(10).max(2_000_000_000),
        /** POSTs to the public routes (citizens' comments) per client address in any 5 minutes. */
        publicWritesPer5Min: z.number().int().min(10).max(2_000_000_000),
        /** Log the requests WAF blocks or counts (only those) to CloudWatch Logs in us-east-1. */
        logging: z.boolean(),
      })
      .strict(),
    /**
     * GuardDuty Malware Protection for S3 on the attachments bucket, its verdicts routed to the attachments
     * function; passed to every function as `MALWARE_SCANNER=guardduty|none`.
     */
    malwareScanning: z.boolean(),
    /** The audit chain's anchors: an S3 bucket with Object Lock, written once, kept this long. */
    auditAnchors: z
      .object({
        /** COMPLIANCE: nobody, root included, can delete an anchor before it expires. */
        mode: z.enum(['GOVERNANCE', 'COMPLIANCE']),
        retentionDays: z.number().int().min(1).max(36_500),
      })
      .strict(),
    /**
     * The server-side signer of decisions (ADR 0032), for a deployment whose body holds a CA-issued key: an
     * AWS KMS asymmetric SIGN_VERIFY key of this spec, granted to the documents function. Off by default
     * (signers use their own USB token or remote signing); context `serverSigner=ECC_NIST_P256|RSA_2048`.
     */
    serverSigner: z.enum(['ECC_NIST_P256', 'RSA_2048']).optional(),
    /**
     * Ask the signer's OCSP responder (the certificate's AIA URL) when verifying a signed decision whose
     * signature carries no OCSP answer (ADR 0035); needs outbound HTTP from the documents function. Off by
     * default; context `signingOcspOnline=true`.
     */
    signingOcspOnline: z.boolean().optional(),
    /** Where alarms are sent (an SNS e-mail subscription); alarms exist either way. */
    alarmEmail: z.email().optional(),
    /** CloudWatch Logs retention of function logs and API access logs. */
    logRetentionDays: z
      .number()
      .int()
      .refine((d) => (logRetentionValues as readonly number[]).includes(d), {
        message: `one of ${logRetentionValues.join(', ')}`,
      }),
    /** How long S3 server access logs and CloudFront logs are kept in the log bucket. */
    accessLogRetentionDays: z.number().int().min(1).max(3653),
    /** How long overwritten or deleted attachment versions are kept before they expire. */
    noncurrentVersionRetentionDays: z.number().int().min(1).max(3653),
    /** Default-stage throttling of the HTTP API (steady requests per second and burst). */
    api: z
      .object({
        rateLimit: z.number().int().min(1).max(10_000),
        burstLimit: z.number().int().min(1).max(5_000),
      })
      .strict(),
    /**
     * Extra origins allowed to call the API cross-origin (the web app itself calls it same-origin through
     * CloudFront and needs none): in dev, the Vite dev server pointed at the dev stack.
     */
    extraCorsOrigins: z.array(httpOrigin),
    /** Largest attachment accepted by the presigned POST (bytes). */
    maxUploadBytes: z
      .number()
      .int()
      .min(1)
      .max(5 * 1024 ** 3),
    /**
     * Cognito feature plan. `plus` turns on threat protection (compromised-credential and adaptive
     * authentication checks, enforced) at a price per monthly active user; see docs/deploy.md.
     */
    cognitoFeaturePlan: z.enum(['essentials', 'plus']),
    /** CloudFront price class: `all` includes every edge location, `200` most of Asia, `100` NA/EU only. */
    priceClass: z.enum(['100', '200', 'all']),
    /** CloudWatch Contributor Insights on the table's keys: shows the hottest partitions, billed per event. */
    contributorInsights: z.boolean(),
    /** Keep log groups when the stack is deleted (data stores are always kept). */
    retainLogs: z.boolean(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const certRegion = c.apiOriginDomain?.certificateArn.split(':')[3];
    if (certRegion !== undefined && certRegion !== c.region) {
      ctx.addIssue({
        code: 'custom',
        path: ['apiOriginDomain', 'certificateArn'],
        message: `a regional API domain needs its certificate in ${c.region}`,
      });
    }
    if (c.api.burstLimit < c.api.rateLimit / 10) {
      ctx.addIssue({
        code: 'custom',
        path: ['api', 'burstLimit'],
        message: 'burst below a tenth of the rate',
      });
    }
  });
export type EnvConfig = z.infer<typeof EnvConfig>;

/** The values committed for each environment. Secrets do not belong here (there are none). */
export const environments: Record<EnvName, z.input<typeof EnvConfig>> = {
  dev: {
    envName: 'dev',
    // Singapore: the AWS region with the lowest latency from Vietnam that offers every service used here.
    region: 'ap-southeast-1',
    logRetentionDays: 14,
    accessLogRetentionDays: 30,
    noncurrentVersionRetentionDays: 7,
    api: { rateLimit: 50, burstLimit: 100 },
    extraCorsOrigins: ['http://localhost:5173'],
    maxUploadBytes: 20 * 1024 * 1024,
    cognitoFeaturePlan: 'essentials',
    priceClass: '200',
    contributorInsights: false,
    retainLogs: false,
    // 2,000 requests in 5 minutes is ~7/s sustained from one address: a whole commune office behind one
    // NAT, working at a deadline, stays under it.
    waf: { requestsPer5Min: 2000, publicWritesPer5Min: 50, logging: true },
    malwareScanning: true,
    auditAnchors: { mode: 'GOVERNANCE', retentionDays: 7 },
  },
  prod: {
    envName: 'prod',
    region: 'ap-southeast-1',
    logRetentionDays: 365,
    accessLogRetentionDays: 365,
    noncurrentVersionRetentionDays: 90,
    // Every province of the country on one stage: ~400 requests/s at a national deadline peak
    // (docs/deploy.md), 2.5x headroom, well inside the account's 10,000/s.
    api: { rateLimit: 1000, burstLimit: 2000 },
    extraCorsOrigins: [],
    maxUploadBytes: 20 * 1024 * 1024,
    cognitoFeaturePlan: 'plus',
    priceClass: 'all',
    contributorInsights: true,
    retainLogs: true,
    // A provincial department behind one address at the national deadline peak (docs/deploy.md).
    waf: { requestsPer5Min: 6000, publicWritesPer5Min: 50, logging: true },
    malwareScanning: true,
    // Emulation and commendation records are kept for at least 10 years; an anchor outlives edits.
    auditAnchors: { mode: 'COMPLIANCE', retentionDays: 3653 },
  },
};

/** CDK context keys read by `loadConfig` (documented in docs/deploy.md). */
export const contextKeys = [
  'env',
  'account',
  'domainName',
  'certificateArn',
  'emailSender',
  'emailSenderName',
  'alarmEmail',
  'apiDomainName',
  'apiCertificateArn',
  'serverSigner',
  'signingOcspOnline',
] as const;
export type ContextValues = Partial<Record<(typeof contextKeys)[number], unknown>>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;

/**
 * The validated configuration for the environment named by context `env` (default `dev`), with the
 * context overrides applied. `defaultAccount` (the CLI's `CDK_DEFAULT_ACCOUNT`) is used for dev only:
 * prod must name its account explicitly so that it is never deployed into whatever account the caller's
 * credentials happen to point at.
 */
export const loadConfig = (context: ContextValues, defaultAccount?: string): EnvConfig => {
  const envName = str(context.env) ?? 'dev';
  const parsedName = z.enum(envNames).safeParse(envName);
  if (!parsedName.success) {
    throw new ConfigError(`-c env=${envName}: unknown environment (expected ${envNames.join(' or ')})`);
  }
  const base = environments[parsedName.data];
  const domainName = str(context.domainName);
  const certificateArn = str(context.certificateArn);
  if ((domainName === undefined) !== (certificateArn === undefined)) {
    throw new ConfigError('-c domainName and -c certificateArn go together: set both or neither');
  }
  const apiDomainName = str(context.apiDomainName);
  const apiCertificateArn = str(context.apiCertificateArn);
  if ((apiDomainName === undefined) !== (apiCertificateArn === undefined)) {
    throw new ConfigError('-c apiDomainName and -c apiCertificateArn go together: set both or neither');
  }
  const emailSender = str(context.emailSender);
  const candidate = {
    ...base,
    account: str(context.account) ?? base.account ?? (parsedName.data === 'dev' ? defaultAccount : undefined),
    domain: domainName && certificateArn ? { name: domainName, certificateArn } : base.domain,
    emailSender: emailSender
      ? {
          fromEmail: emailSender,
          fromName: str(context.emailSenderName) ?? 'Thi đua',
          sesRegion: base.region,
        }
      : base.emailSender,
    alarmEmail: str(context.alarmEmail) ?? base.alarmEmail,
    serverSigner: str(context.serverSigner) ?? base.serverSigner,
    // `-c signingOcspOnline=true` arrives as a string, cdk.json's context as a boolean.
    signingOcspOnline:
      context.signingOcspOnline === undefined || context.signingOcspOnline === ''
        ? base.signingOcspOnline
        : context.signingOcspOnline === true || str(context.signingOcspOnline) === 'true',
    apiOriginDomain:
      apiDomainName && apiCertificateArn
        ? { name: apiDomainName, certificateArn: apiCertificateArn }
        : base.apiOriginDomain,
  };
  const result = EnvConfig.safeParse(candidate);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigError(`invalid configuration for env=${parsedName.data}:\n${lines.join('\n')}`);
  }
  return result.data;
};

/** The origin the web app is served from: the custom domain, else the distribution's own name. */
export const staticWebOrigin = (config: EnvConfig): string | undefined =>
  config.domain ? `https://${config.domain.name}` : undefined;
