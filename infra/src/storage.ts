import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  type IBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { EnvConfig } from './config';

/** The bucket every other bucket and the CloudFront distribution write their access logs into. */
export class AccessLogs extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: { config: EnvConfig }) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      // CloudFront standard logging writes with an ACL, so ACLs must stay usable on this bucket only.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      lifecycleRules: [
        {
          id: 'expire-logs',
          expiration: Duration.days(props.config.accessLogRetentionDays),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}

/**
 * Attachments (evidence files, generated DOCX decisions). Browsers upload straight into it with a presigned
 * POST and download with a short-lived presigned GET; nothing in it is ever public.
 */
export class Storage extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: { config: EnvConfig; accessLogs: IBucket }) {
    super(scope, id);
    const { config } = props;
    const stack = Stack.of(this);
    this.bucket = new Bucket(this, 'Attachments', {
      // A fixed name (unique per account and region) so the web app's Content-Security-Policy can name
      // the upload endpoint without a reference cycle between the bucket's CORS rule (which names the
      // CloudFront origin) and the distribution's response headers (which name the bucket).
      bucketName: attachmentsBucketName(config, stack.account),
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // SSE-S3: presigned POST and GET work without KMS permissions or per-request KMS charges.
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      // An overwritten or deleted piece of evidence can be recovered (for the retention period below).
      versioned: true,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'attachments/',
      lifecycleRules: [
        {
          id: 'abort-incomplete-uploads',
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
        {
          id: 'expire-old-versions',
          noncurrentVersionExpiration: Duration.days(config.noncurrentVersionRetentionDays),
          expiredObjectDeleteMarker: true,
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /** CORS for the browser's presigned POST (upload) and GET (download), from the web origin only. */
  allowBrowserAccessFrom(origin: string): void {
    this.bucket.addCorsRule({
      allowedOrigins: [origin],
      allowedMethods: [HttpMethods.POST, HttpMethods.GET, HttpMethods.HEAD],
      // A presigned POST is a multipart form: the browser sends only simple headers.
      allowedHeaders: ['content-type', 'content-length'],
      exposedHeaders: ['ETag', 'Location'],
      maxAge: 3600,
    });
  }
}

/** The attachments bucket's name: fixed per environment, account and region (max 63 characters). */
export const attachmentsBucketName = (config: EnvConfig, account: string): string =>
  `thidua-${config.envName}-attachments-${account}-${config.region}`;

/** The virtual-hosted S3 endpoint the SDK's presigned POST and GET URLs point at. */
export const attachmentsEndpoint = (config: EnvConfig, account: string, urlSuffix: string): string =>
  `https://${attachmentsBucketName(config, account)}.s3.${config.region}.${urlSuffix}`;
