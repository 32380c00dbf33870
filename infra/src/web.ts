import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { WebConfig } from '@thidua/shared/web-config';
import { Annotations, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Function as CloudFrontFunction,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type IBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, type ISource, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { EnvConfig } from './config';
import { acknowledgeAll } from './nag';

/** The path prefix under which CloudFront forwards to the HTTP API (stripped before it reaches it). */
export const apiPathPrefix = '/api';

/**
 * CloudFront Function (viewer request, default behaviour): a path whose last segment has no dot is a
 * route of the single-page app (`/submissions/abc`), so the shell is served; files (`/assets/x.js`,
 * `/config.json`) pass through. Done here rather than with 403/404 error responses, because those apply
 * to the whole distribution and would turn the API's own 403 and 404 answers into index.html.
 */
export const spaRoutingCode = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  var last = uri.substring(uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) {
    request.uri = '/index.html';
  }
  return request;
}`;

/** CloudFront Function (viewer request, `/api/*`): `/api/me` reaches the API's `$default` stage as `/me`. */
export const stripApiPrefixCode = `function handler(event) {
  var request = event.request;
  var rest = request.uri.substring(${apiPathPrefix.length});
  request.uri = rest === '' ? '/' : rest;
  return request;
}`;

export interface ContentSecurityPolicyInput {
  /** `https://cognito-idp.<region>.amazonaws.com` */
  cognitoEndpoint: string;
  /** `https://<bucket>.s3.<region>.amazonaws.com` (presigned POST uploads, presigned GET downloads) */
  attachmentsEndpoint: string;
}

/**
 * The web app's Content-Security-Policy: scripts, styles and fonts from the app's own origin only (no
 * inline script, no eval, no CDN); network calls only to the app's origin (which also serves the API under
 * /api), Cognito, and the attachments bucket; no framing, no plugins.
 */
export const contentSecurityPolicy = (input: ContentSecurityPolicyInput): string =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: blob: ${input.attachmentsEndpoint}`,
    "font-src 'self'",
    `connect-src 'self' ${input.cognitoEndpoint} ${input.attachmentsEndpoint}`,
    "manifest-src 'self'",
    "worker-src 'self'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    'upgrade-insecure-requests',
  ].join('; ');

export interface WebProps {
  config: EnvConfig;
  accessLogs: IBucket;
  /** Host name of the HTTP API's origin (its custom domain, or the execute-api endpoint). */
  apiHost: string;
  /** Headers CloudFront adds to every request to the API (the origin secret). */
  apiOriginHeaders: Record<string, string>;
  /** ARN of the WAF web ACL (us-east-1) in front of the whole distribution. */
  webAclArn: string;
  csp: ContentSecurityPolicyInput;
  /** `/config.json`, fetched by the SPA at start (the same shape the local platform serves). */
  runtimeConfig: (webOrigin: string) => WebConfig;
  /** The web app's production build (`web/dist`); may be absent at synth time. */
  webDist: string;
}

/**
 * The web app: a private bucket behind CloudFront (origin access control), the API under `/api` on the
 * same distribution, SPA routing, security headers, and `config.json` written at deploy time.
 */
export class Web extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** `https://<custom domain>` or `https://<id>.cloudfront.net`. */
  readonly origin: string;
  /** False when `web/dist` was missing at synth: only config.json is deployed. */
  readonly includesApp: boolean;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    const { config } = props;

    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'web/',
      // Rebuilt from the repository on every deploy; kept on stack deletion only because S3 refuses to
      // delete a non-empty bucket.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: `thidua ${config.envName}: CSP and security headers`,
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(props.csp), override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
      },
      customHeadersBehavior: {
        customHeaders: [
          {
            header: 'Permissions-Policy',
            value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
            override: true,
          },
          { header: 'Cross-Origin-Opener-Policy', value: 'same-origin', override: true },
        ],
      },
    });

    const spaRouting = new CloudFrontFunction(this, 'SpaRouting', {
      comment: 'Client-side routes of the SPA get index.html',
      code: FunctionCode.fromInline(spaRoutingCode),
      runtime: FunctionRuntime.JS_2_0,
    });
    const stripApiPrefix = new CloudFrontFunction(this, 'StripApiPrefix', {
      comment: `${apiPathPrefix}/x reaches the HTTP API as /x`,
      code: FunctionCode.fromInline(stripApiPrefixCode),
      runtime: FunctionRuntime.JS_2_0,
    });

    const priceClass = {
      '100': PriceClass.PRICE_CLASS_100,
      '200': PriceClass.PRICE_CLASS_200,
      all: PriceClass.PRICE_CLASS_ALL,
    }[config.priceClass];

    this.distribution = new Distribution(this, 'Distribution', {
      comment: `thidua ${config.envName}`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: securityHeaders,
        compress: true,
        functionAssociations: [{ function: spaRouting, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        // The API on the same origin: no CORS preflight before every authenticated call (a round trip
        // saved on slow mobile links), and the CSP can say connect-src 'self'.
        [`${apiPathPrefix}/*`]: {
          origin: new HttpOrigin(props.apiHost, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [OriginSslPolicy.TLS_V1_2],
            // Overwrites a viewer header of the same name, so only CloudFront can present the secret.
            customHeaders: props.apiOriginHeaders,
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          // Never cache API answers; forward everything (Authorization included, which CloudFront
          // allows with caching disabled) except Host, which must be the API's own name. The managed
          // policy also adds CloudFront's headers, CloudFront-Viewer-Address among them: the viewer's
          // address, which the public-comment limit counts (the TCP peer is an edge server).
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: securityHeaders,
          compress: true,
          functionAssociations: [{ function: stripApiPrefix, eventType: FunctionEventType.VIEWER_REQUEST }],
        },
      },
      ...(config.domain
        ? {
            domainNames: [config.domain.name],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', config.domain.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      webAclId: props.webAclArn,
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass,
      enableIpv6: true,
      enableLogging: true,
      logBucket: props.accessLogs,
      logFilePrefix: 'cloudfront/',
    });

    this.origin = config.domain
      ? `https://${config.domain.name}`
      : `https://${this.distribution.distributionDomainName}`;

    const runtimeConfig = Source.jsonData('config.json', props.runtimeConfig(this.origin), { escape: true });
    this.includesApp = existsSync(join(props.webDist, 'index.html'));
    const shellSources: ISource[] = [];
    let assets: BucketDeployment | undefined;
    if (this.includesApp) {
      const assetsDir = join(props.webDist, 'assets');
      if (existsSync(assetsDir)) {
        // Content-hashed file names: cached for a year. Old files are kept (prune: false) so that a
        // browser still holding the previous index.html can load the chunks it refers to.
        assets = new BucketDeployment(this, 'DeployAssets', {
          sources: [Source.asset(assetsDir)],
          destinationBucket: this.bucket,
          destinationKeyPrefix: 'assets/',
          cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
          prune: false,
          memoryLimit: 512,
        });
      }
      shellSources.push(Source.asset(props.webDist, { exclude: ['assets', 'assets/**', 'config.json'] }));
    } else {
      Annotations.of(this).addWarningV2(
        'thidua:web-dist-missing',
        `${props.webDist} has no index.html: only config.json is deployed. Run \`npm run build -w web\` first (\`npm run deploy\` does).`,
      );
    }
    // index.html and config.json: always revalidated, and invalidated on every deploy.
    const shell = new BucketDeployment(this, 'DeployShell', {
      sources: [...shellSources, runtimeConfig],
      destinationBucket: this.bucket,
      cacheControl: [CacheControl.noCache()],
      prune: false,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
    if (assets) shell.node.addDependency(assets);

    acknowledgeAll(this.distribution, [
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'No geo restriction: officials travel and the public disclosure pages are open to anyone; abuse is handled by API throttling.',
      },
      ...(config.domain
        ? []
        : [
            {
              id: 'AwsSolutions-CFR4',
              reason:
                'Without a custom domain the distribution uses the default *.cloudfront.net certificate, whose minimum protocol cannot be raised; with -c domainName/-c certificateArn it is TLS 1.2 (2021 policy).',
            },
          ]),
    ]);
  }
}
