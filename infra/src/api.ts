import { type RouteGroup, routeKey, routes } from '@thidua/functions/routes';
import { Annotations, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  ApiMapping,
  CfnRoute,
  type CfnStage,
  CorsHttpMethod,
  DomainName,
  HttpApi,
  HttpAuthorizer,
  HttpAuthorizerType,
  HttpIntegration,
  HttpIntegrationType,
  type HttpStage,
  LogGroupLogDestination,
  PayloadFormatVersion,
  SecurityPolicy,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { EnvConfig } from './config';
import { acknowledge } from './nag';

export interface ApiProps {
  config: EnvConfig;
  functionFor: (group: RouteGroup) => IFunction;
  /** `https://cognito-idp.<region>.amazonaws.com/<userPoolId>` */
  issuerUrl: string;
  /** The SPA's app client id: the only accepted audience (`aud` of the ID token). */
  audience: string;
  /** Origins allowed cross-origin. The web app itself calls the API same-origin, through CloudFront. */
  corsOrigins: readonly string[];
}

/**
 * Route-level throttling of the public routes that write (citizens' comments, no sign-in): a tenth of the
 * stage's rate, so a flood on them cannot use up the budget of the signed-in routes. Per client, WAF's
 * rate rule applies first (edge.ts); HTTP APIs have no per-client throttling of their own.
 */
export const publicWriteThrottle = (config: EnvConfig) => ({
  // CloudFormation property names: RouteSettings is passed to the template as is.
  ThrottlingRateLimit: Math.max(1, Math.floor(config.api.rateLimit / 10)),
  ThrottlingBurstLimit: Math.max(1, Math.floor(config.api.burstLimit / 10)),
});

/** Headers the browser sends to the API beyond the CORS-safelisted ones. */
export const corsAllowHeaders = ['authorization', 'content-type', 'idempotency-key', 'if-match'];

/**
 * The HTTP API: one route per entry of the route table (`functions/src/routes.ts`, the table the local
 * gateway serves), each integrated with its group's function; `user` routes behind the Cognito JWT
 * authorizer, `public` routes without one, `api_key` routes without one too (the function checks the key).
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;
  readonly authorizer: HttpAuthorizer;
  /** CloudFront's origin for `/api/*`: the API's custom domain, else the execute-api host name. */
  readonly endpointHost: string;
  /** With a custom API domain: the regional name its DNS record (CNAME) must point at. */
  readonly originDnsTarget: string | undefined;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const { config } = props;
    const stack = Stack.of(this);

    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: `thidua-${config.envName}`,
      description: 'Thi đua: forms and approvals (routes generated from functions/src/routes.ts)',
      createDefaultStage: false,
      // Only with a domain of its own can the API be reached once execute-api is off (docs/adr/0012).
      disableExecuteApiEndpoint: config.apiOriginDomain !== undefined,
      ...(props.corsOrigins.length > 0
        ? {
            corsPreflight: {
              allowOrigins: [...props.corsOrigins],
              allowMethods: [
                CorsHttpMethod.GET,
                CorsHttpMethod.POST,
                CorsHttpMethod.PUT,
                CorsHttpMethod.PATCH,
                CorsHttpMethod.DELETE,
              ],
              allowHeaders: corsAllowHeaders,
              exposeHeaders: ['etag', 'location', 'retry-after'],
              // The browser caches the preflight for a day instead of asking before every call.
              maxAge: Duration.days(1),
            },
          }
        : {}),
    });

    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: config.logRetentionDays as RetentionDays,
      removalPolicy: config.retainLogs ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    this.stage = this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      // Applies to every route of the stage: a runaway client cannot exhaust the account's Lambda
      // concurrency, which every province shares.
      throttle: { rateLimit: config.api.rateLimit, burstLimit: config.api.burstLimit },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            requestTime: '$context.requestTimeEpoch',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            userId: '$context.authorizer.claims.sub',
            tenantId: '$context.authorizer.claims.custom:tenant_id',
            userAgent: '$context.identity.userAgent',
          }),
        ),
      },
    });

    // The JWT authorizer (what HttpJwtAuthorizer creates, declared directly so that its id, like the
    // integrations' and routes' below, does not depend on which route happens to come first in the table).
    this.authorizer = new HttpAuthorizer(this, 'CognitoIdToken', {
      httpApi: this.httpApi,
      authorizerName: 'cognito-id-token',
      type: HttpAuthorizerType.JWT,
      identitySource: ['$request.header.Authorization'],
      jwtIssuer: props.issuerUrl,
      jwtAudience: [props.audience],
    });

    // One integration and one invoke permission per function, not per route: per-route permissions
    // would grow each function's resource policy towards its 20 KB limit as routes are added.
    const usedGroups = [...new Set(routes.map((r) => r.group))];
    const integrations = new Map<RouteGroup, HttpIntegration>();
    for (const group of usedGroups) {
      const fn = props.functionFor(group);
      integrations.set(
        group,
        new HttpIntegration(this, `Integration-${group}`, {
          httpApi: this.httpApi,
          integrationType: HttpIntegrationType.AWS_PROXY,
          integrationUri: fn.functionArn,
          payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
        }),
      );
      fn.addPermission(`InvokeFromApi-${config.envName}`, {
        principal: new ServicePrincipal('apigateway.amazonaws.com'),
        action: 'lambda:InvokeFunction',
        sourceArn: this.httpApi.arnForExecuteApi(),
      });
    }

    for (const route of routes) {
      const integration = integrations.get(route.group);
      if (!integration) throw new Error(`no integration for ${route.group}`);
      const cfnRoute = new CfnRoute(this, `Route-${route.operationId}`, {
        apiId: this.httpApi.apiId,
        routeKey: routeKey(route),
        target: `integrations/${integration.integrationId}`,
        operationName: route.operationId,
        ...(route.auth === 'user'
          ? { authorizationType: 'JWT', authorizerId: this.authorizer.authorizerId }
          : { authorizationType: 'NONE' }),
      });
      if (route.auth === 'public' && route.method !== 'GET') {
        const stage = this.stage.node.defaultChild as CfnStage;
        stage.routeSettings = {
          ...(stage.routeSettings as Record<string, unknown> | undefined),
          [routeKey(route)]: publicWriteThrottle(config),
        };
        // Route settings name a route key, which must exist before the stage is updated.
        stage.addResourceDependency(cfnRoute);
      }
      if (route.auth === 'public') {
        acknowledge(
          cfnRoute,
          'AwsSolutions-APIG4',
          `${routeKey(route)} is public by design (auth: 'public' in the route table): ${route.summary}.`,
        );
      }
      // A JWT authorizer cannot read X-Api-Key: the function checks the key and its scopes (ADR 0034).
      if (route.auth === 'api_key') {
        acknowledge(
          cfnRoute,
          'AwsSolutions-APIG4',
          `${routeKey(route)} is authorized by the function: X-Api-Key checked against the tenant's hashed keys and their scopes (ADR 0034).`,
        );
      }
    }

    if (config.apiOriginDomain) {
      const domain = new DomainName(this, 'OriginDomain', {
        domainName: config.apiOriginDomain.name,
        certificate: Certificate.fromCertificateArn(
          this,
          'OriginCertificate',
          config.apiOriginDomain.certificateArn,
        ),
        securityPolicy: SecurityPolicy.TLS_1_2,
      });
      new ApiMapping(this, 'OriginMapping', { api: this.httpApi, domainName: domain, stage: this.stage });
      this.endpointHost = config.apiOriginDomain.name;
      this.originDnsTarget = domain.regionalDomainName;
    } else {
      this.endpointHost = `${this.httpApi.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
      this.originDnsTarget = undefined;
      Annotations.of(this).addWarningV2(
        'thidua:execute-api-enabled',
        "No -c apiDomainName/-c apiCertificateArn: the execute-api endpoint stays enabled because it is CloudFront's origin, so the API can be called without passing WAF (docs/adr/0012-aws-edge.md).",
      );
    }
  }
}
