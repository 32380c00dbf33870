import { Annotations, type App, CfnOutput, Stack, type StackProps, Tags } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Api } from './api';
import { AuditTrail } from './audit';
import { Auth } from './auth';
import { type EnvConfig, staticWebOrigin } from './config';
import { Data } from './data';
import { ThiduaEdgeStack } from './edge';
import { Functions } from './functions';
import { MalwareScanning } from './malware';
import { Monitoring } from './monitoring';
import { acknowledgeAll, wildcardFindings } from './nag';
import { Notifications } from './notifications';
import { OriginSecrets, originVerifyHeader } from './origin';
import { defaultWebDist } from './paths';
import { DecisionSigner } from './signer';
import { AccessLogs, attachmentsEndpoint, Storage } from './storage';
import { Web } from './web';

export interface ThiduaStackProps extends StackProps {
  config: EnvConfig;
  /** Where the web build is read from; defaults to `web/dist` (tests point it elsewhere). */
  webDist?: string;
  /** The WAF web ACL of the distribution (from the us-east-1 edge stack). */
  webAclArn: string;
}

/** The whole platform for one environment: every province of that environment is a tenant in it. */
export class ThiduaStack extends Stack {
  readonly config: EnvConfig;
  readonly data: Data;
  readonly storage: Storage;
  readonly auth: Auth;
  readonly functions: Functions;
  readonly api: Api;
  readonly web: Web;
  readonly monitoring: Monitoring;
  readonly originSecrets: OriginSecrets;
  readonly auditTrail: AuditTrail;
  readonly malwareScanning: MalwareScanning | undefined;
  readonly notifications: Notifications;

  constructor(scope: Construct, id: string, props: ThiduaStackProps) {
    super(scope, id, {
      ...props,
      env: { account: props.config.account, region: props.config.region },
      description: `Thi đua (${props.config.envName}): forms and approvals for provincial emulation movements`,
      // The web ACL's ARN comes from the us-east-1 edge stack.
      crossRegionReferences: true,
    });
    const { config } = props;
    this.config = config;
    Tags.of(this).add('project', 'thidua');
    Tags.of(this).add('environment', config.envName);

    const accessLogs = new AccessLogs(this, 'AccessLogs', { config });
    this.data = new Data(this, 'Data', { config });
    this.storage = new Storage(this, 'Storage', { config, accessLogs: accessLogs.bucket });
    this.auth = new Auth(this, 'Auth', { config });
    this.functions = new Functions(this, 'Functions', {
      config,
      table: this.data.table,
      indexNames: this.data.indexNames,
      bucket: this.storage.bucket,
      userPool: this.auth.userPool,
      webClient: this.auth.webClient,
    });
    this.originSecrets = new OriginSecrets(this, 'OriginSecrets', { config });
    this.originSecrets.passTo(this.functions.get('public'));
    for (const fn of this.functions.byGroup.values())
      fn.addEnvironment('MALWARE_SCANNER', config.malwareScanning ? 'guardduty' : 'none');
    this.malwareScanning = config.malwareScanning
      ? new MalwareScanning(this, 'MalwareScanning', {
          bucket: this.storage.bucket,
          target: this.functions.get('attachments'),
        })
      : undefined;
    if (config.signingOcspOnline) this.functions.get('documents').addEnvironment('SIGNING_OCSP_ONLINE', 'on');
    if (config.serverSigner)
      new DecisionSigner(this, 'DecisionSigner', {
        config,
        spec: config.serverSigner,
        signer: this.functions.get('documents'),
        informed: [this.functions.get('commendations')],
      });
    this.auditTrail = new AuditTrail(this, 'AuditTrail', {
      config,
      table: this.data.table,
      accessLogs: accessLogs.bucket,
      functions: this.functions.byGroup,
    });
    const knownWebOrigin = staticWebOrigin(config);
    this.api = new Api(this, 'Api', {
      config,
      functionFor: (group) => this.functions.get(group),
      issuerUrl: this.auth.issuerUrl,
      audience: this.auth.webClient.userPoolClientId,
      corsOrigins: [...(knownWebOrigin ? [knownWebOrigin] : []), ...config.extraCorsOrigins],
    });
    this.web = new Web(this, 'Web', {
      config,
      accessLogs: accessLogs.bucket,
      apiHost: this.api.endpointHost,
      apiOriginHeaders: { [originVerifyHeader]: OriginSecrets.resolved(this.originSecrets.originVerify) },
      webAclArn: props.webAclArn,
      csp: {
        cognitoEndpoint: this.auth.cognitoEndpoint,
        attachmentsEndpoint: attachmentsEndpoint(config, this.account, this.urlSuffix),
      },
      runtimeConfig: (webOrigin) => ({
        apiUrl: `${webOrigin}/api`,
        region: this.region,
        userPoolId: this.auth.userPool.userPoolId,
        clientId: this.auth.webClient.userPoolClientId,
        cognitoEndpoint: this.auth.cognitoEndpoint,
      }),
      webDist: props.webDist ?? defaultWebDist,
    });
    // Both name the CloudFront origin, which exists only now.
    this.storage.allowBrowserAccessFrom(this.web.origin);
    this.functions.setWebOrigin(this.web.origin);

    this.monitoring = new Monitoring(this, 'Monitoring', {
      config,
      httpApi: this.api.httpApi,
      functions: this.functions.byGroup,
      table: this.data.table,
      indexNames: this.data.indexNames,
    });
    this.notifications = new Notifications(this, 'Notifications', {
      config,
      table: this.data.table,
      fn: this.functions.get('notifications'),
      alarmTopic: this.monitoring.topic,
    });

    new CfnOutput(this, 'WebUrl', { value: this.web.origin, description: 'The web app' });
    new CfnOutput(this, 'DistributionDomainName', {
      value: this.web.distribution.distributionDomainName,
      description: 'Target of the DNS record (CNAME/alias) of the custom domain',
    });
    new CfnOutput(this, 'ApiUrl', { value: `${this.web.origin}/api`, description: 'The API (same origin)' });
    if (this.api.originDnsTarget) {
      new CfnOutput(this, 'ApiOriginDnsTarget', {
        value: this.api.originDnsTarget,
        description: `Target of the CNAME record of ${config.apiOriginDomain?.name} (the API's origin name)`,
      });
    } else {
      new CfnOutput(this, 'ApiDirectUrl', {
        value: this.api.stage.url,
        description: 'The API, bypassing CloudFront (disabled once -c apiDomainName is set)',
      });
    }
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.webClient.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    new CfnOutput(this, 'AttachmentsBucket', { value: this.storage.bucket.bucketName });
    new CfnOutput(this, 'AlarmTopic', { value: this.monitoring.topic.topicArn });
    new CfnOutput(this, 'AuditMacKeyId', { value: this.auditTrail.macKey.keyId });
    new CfnOutput(this, 'AuditAnchorBucket', { value: this.auditTrail.anchors.bucketName });

    suppressCdkProvidedResources(this);
  }
}

/**
 * The two stacks of an environment: `Thidua-<env>-edge` in us-east-1 (the WAF web ACL CloudFront needs
 * there) and `Thidua-<env>` in the configured region; `cdk deploy --all` deploys the edge stack first.
 */
export const createStacks = (
  app: App,
  config: EnvConfig,
  options: { webDist?: string } = {},
): { edge: ThiduaEdgeStack; main: ThiduaStack } => {
  const edge = new ThiduaEdgeStack(app, `Thidua-${config.envName}-edge`, { config });
  const main = new ThiduaStack(app, `Thidua-${config.envName}`, {
    config,
    webAclArn: edge.webAcl.attrArn,
    ...(options.webDist ? { webDist: options.webDist } : {}),
  });
  Annotations.of(main).acknowledgeWarning(
    '@aws-cdk/core:crossStackReferencesDefaultStrong',
    'Strong on purpose: the edge stack must not replace or delete the web ACL while the distribution uses it.',
  );
  return { edge, main };
};

/**
 * Findings on resources the CDK itself adds (the BucketDeployment handler and its role), which we
 * cannot configure; each reason says why they are acceptable.
 */
const suppressCdkProvidedResources = (stack: Stack): void => {
  for (const child of stack.node.children) {
    if (!child.node.id.startsWith('Custom::CDKBucketDeployment')) continue;
    acknowledgeAll(child, [
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          'CDK BucketDeployment handler (deploy time only, copies the web build): it uses AWSLambdaBasicExecutionRole for its own logs.',
      },
      {
        id: 'AwsSolutions-L1',
        reason:
          'CDK BucketDeployment handler: its runtime is chosen by aws-cdk-lib and moves with CDK upgrades.',
      },
      ...wildcardFindings(child).map((id) => ({
        id,
        reason:
          'CDK BucketDeployment handler: reads the CDK asset bucket, replaces the objects of the web bucket, and creates CloudFront invalidations (an action without resource-level permissions). Deploy time only.',
      })),
    ]);
  }
};
