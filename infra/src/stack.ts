import { CfnOutput, Stack, type StackProps, Tags } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Api } from './api';
import { Auth } from './auth';
import { type EnvConfig, staticWebOrigin } from './config';
import { Data } from './data';
import { Functions } from './functions';
import { Monitoring } from './monitoring';
import { acknowledgeAll, wildcardFindings } from './nag';
import { defaultWebDist } from './paths';
import { AccessLogs, attachmentsEndpoint, Storage } from './storage';
import { Web } from './web';

export interface ThiduaStackProps extends StackProps {
  config: EnvConfig;
  /** Where the web build is read from; defaults to `web/dist` (tests point it elsewhere). */
  webDist?: string;
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

  constructor(scope: Construct, id: string, props: ThiduaStackProps) {
    super(scope, id, {
      ...props,
      env: { account: props.config.account, region: props.config.region },
      description: `Thi đua (${props.config.envName}): forms and approvals for provincial emulation movements`,
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

    new CfnOutput(this, 'WebUrl', { value: this.web.origin, description: 'The web app' });
    new CfnOutput(this, 'DistributionDomainName', {
      value: this.web.distribution.distributionDomainName,
      description: 'Target of the DNS record (CNAME/alias) of the custom domain',
    });
    new CfnOutput(this, 'ApiUrl', { value: `${this.web.origin}/api`, description: 'The API (same origin)' });
    new CfnOutput(this, 'ApiDirectUrl', {
      value: this.api.stage.url,
      description: 'The API, bypassing CloudFront',
    });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.webClient.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    new CfnOutput(this, 'AttachmentsBucket', { value: this.storage.bucket.bucketName });
    new CfnOutput(this, 'AlarmTopic', { value: this.monitoring.topic.topicArn });

    suppressCdkProvidedResources(this);
  }
}

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
