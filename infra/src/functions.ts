import { METRIC_NAMESPACE, serviceNameFor } from '@thidua/functions/kernel/observability/names';
import { handlerEntry, type RouteDef, type RouteGroup, routeGroups, routes } from '@thidua/functions/routes';
import { type CfnElement, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  ApplicationLogLevel,
  Architecture,
  LoggingFormat,
  Runtime,
  SystemLogLevel,
} from 'aws-cdk-lib/aws-lambda';
import {
  type BundlingOptions,
  Charset,
  LogLevel,
  NodejsFunction,
  OutputFormat,
  SourceMapMode,
} from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct, type IConstruct } from 'constructs';
import type { EnvConfig } from './config';
import { acknowledge, acknowledgeAll } from './nag';
import { repoPath, repoRoot } from './paths';

/**
 * What each route group's function may touch. Least privilege, decided here in one table that the tests
 * read back from the synthesized policies:
 * - table: `read` for groups whose routes are all GET; `readWrite` as soon as a group has a route that
 *   changes something (POST/PUT/PATCH/DELETE) in the route table — derived, so a new write route cannot
 *   ship without its grant and a read-only group never gets one. No group may Scan.
 * - bucket: object put/get for the groups that presign uploads and downloads or write generated
 *   documents (attachments, commendations, documents — which also serves the public pages' downloads,
 *   since it makes the files on first request); `exists` (ListBucket on the bucket, i.e. HeadBucket)
 *   for the health check; nothing for the others.
 * - cognitoAdmin: the user-administration actions on this one user pool, for `admin` only.
 */
export interface GroupAccess {
  table: 'read' | 'readWrite';
  bucket: 'none' | 'exists' | 'readWrite';
  cognitoAdmin: boolean;
}

const mutatingMethods: ReadonlySet<RouteDef['method']> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const bucketAccess: Record<RouteGroup, GroupAccess['bucket']> = {
  system: 'exists',
  reference: 'none',
  org: 'none',
  campaigns: 'none',
  submissions: 'none',
  review: 'none',
  inbox: 'none',
  attachments: 'readWrite',
  builder: 'none',
  audit: 'none',
  admin: 'none',
  commendations: 'readWrite',
  documents: 'readWrite',
  public: 'none',
  notifications: 'none',
};

export const groupAccess = (group: RouteGroup, table: readonly RouteDef[] = routes): GroupAccess => ({
  table: table.some((r) => r.group === group && mutatingMethods.has(r.method)) ? 'readWrite' : 'read',
  bucket: bucketAccess[group],
  cognitoAdmin: group === 'admin',
});

/** Item-level reads. Transactional reads are authorized as GetItem, conditions as ConditionCheckItem. */
export const tableReadActions = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
] as const;
/** TransactWriteItems is authorized per item as PutItem/UpdateItem/DeleteItem/ConditionCheckItem. */
export const tableWriteActions = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
] as const;
/** Administration of accounts; deliberately no AdminDeleteUser (disable instead, keep the audit trail) and no AdminSetUserPassword. */
export const cognitoAdminActions = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminGetUser',
  'cognito-idp:AdminUpdateUserAttributes',
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminRemoveUserFromGroup',
  'cognito-idp:AdminListGroupsForUser',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminEnableUser',
  'cognito-idp:AdminResetUserPassword',
  'cognito-idp:AdminUserGlobalSignOut',
  'cognito-idp:ListUsers',
  'cognito-idp:ListUsersInGroup',
] as const;

/** The CloudFormation logical id of a construct's resource, as cdk-nag prints it in findings. */
const logicalIdOf = (construct: IConstruct): string => {
  const resource = construct.node.defaultChild as CfnElement | undefined;
  if (!resource) throw new Error(`${construct.node.path} has no CloudFormation resource`);
  return Stack.of(construct).getLogicalId(resource);
};

/** Memory and timeout per group: document generation and CSV export need more than a JSON round trip. */
const sizing: Partial<Record<RouteGroup, { memorySize: number; timeout: Duration }>> = {
  commendations: { memorySize: 1024, timeout: Duration.seconds(29) },
  audit: { memorySize: 1024, timeout: Duration.seconds(29) },
  documents: { memorySize: 1024, timeout: Duration.seconds(29) },
  // Its scheduled jobs walk a province's people (the daily digest) or units (reminders); its routes still
  // answer within API Gateway's 29 s.
  notifications: { memorySize: 512, timeout: Duration.seconds(60) },
};
const defaultSizing = { memorySize: 512, timeout: Duration.seconds(10) };

/**
 * Modules the Lambda Node.js runtime provides and the bundles import from it at run time. The stack
 * test checks that a bundle imports nothing else (a package left outside by mistake would fail to load).
 */
export const runtimeProvidedModules = ['@aws-sdk/*'] as const;

/** esbuild settings shared by every function: one ESM file per group, minified, with a source map. */
export const bundlingOptions: BundlingOptions = {
  format: OutputFormat.ESM,
  target: 'node22',
  mainFields: ['module', 'main'],
  // Some CommonJS dependencies call require() for Node built-ins; ESM has no require, so give it one.
  banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  minify: true,
  sourceMap: true,
  sourceMapMode: SourceMapMode.DEFAULT,
  sourcesContent: false,
  // The Node.js 22 runtime ships AWS SDK v3: importing it from there instead of bundling it takes
  // ~1 MB off every function and its start-up (docs/adr/0005-lambda-bundles.md). Only `@aws-sdk/*` is
  // left outside — the packages our code imports by name; their `@smithy/*` internals come with them.
  bundleAwsSDK: false,
  externalModules: [...runtimeProvidedModules],
  // Vietnamese strings stay UTF-8 instead of \u escapes (smaller bundles, readable stack traces).
  charset: Charset.UTF8,
  logLevel: LogLevel.WARNING,
  // Third-party license notices go beside the bundle (index.mjs.LEGAL.txt in the asset), not into it.
  esbuildArgs: { '--legal-comments': 'external' },
  tsconfig: repoPath('tsconfig.json'),
  // No Docker anywhere: the repository's own esbuild bundles (fails loudly if it is missing).
  forceDockerBundling: false,
};

export interface FunctionsProps {
  config: EnvConfig;
  table: ITableV2;
  indexNames: readonly string[];
  bucket: IBucket;
  userPool: IUserPool;
  webClient: IUserPoolClient;
}

/** One Lambda function per route group, each with its own role, log group and grants. */
export class Functions extends Construct {
  readonly byGroup: ReadonlyMap<RouteGroup, NodejsFunction>;
  readonly logGroups: ReadonlyMap<RouteGroup, LogGroup>;

  constructor(scope: Construct, id: string, props: FunctionsProps) {
    super(scope, id);
    const { config, table, bucket, userPool, webClient } = props;
    const functions = new Map<RouteGroup, NodejsFunction>();
    const logGroups = new Map<RouteGroup, LogGroup>();

    for (const group of routeGroups) {
      const access = groupAccess(group);
      const logGroup = new LogGroup(this, `Logs-${group}`, {
        retention: config.logRetentionDays as RetentionDays,
        removalPolicy: config.retainLogs ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      });
      // An explicit role instead of the default one: the default attaches the AWS-managed
      // AWSLambdaBasicExecutionRole (logs on every log group of the account).
      const role = new Role(this, `Role-${group}`, {
        assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
        description: `thidua ${config.envName}: the ${group} route group's function`,
      });
      logGroup.grantWrite(role);

      role.addToPolicy(
        new PolicyStatement({
          sid: 'TableRead',
          effect: Effect.ALLOW,
          actions: [...tableReadActions],
          resources: [table.tableArn],
        }),
      );
      role.addToPolicy(
        new PolicyStatement({
          sid: 'IndexQuery',
          effect: Effect.ALLOW,
          actions: ['dynamodb:Query'],
          resources: props.indexNames.map((name) => `${table.tableArn}/index/${name}`),
        }),
      );
      if (access.table === 'readWrite') {
        role.addToPolicy(
          new PolicyStatement({
            sid: 'TableWrite',
            effect: Effect.ALLOW,
            actions: [...tableWriteActions],
            resources: [table.tableArn],
          }),
        );
      }
      if (access.bucket === 'exists') {
        role.addToPolicy(
          new PolicyStatement({
            sid: 'BucketExists',
            effect: Effect.ALLOW,
            actions: ['s3:ListBucket'],
            resources: [bucket.bucketArn],
          }),
        );
      }
      if (access.bucket === 'readWrite') {
        role.addToPolicy(
          new PolicyStatement({
            sid: 'Objects',
            effect: Effect.ALLOW,
            // PutObject also authorizes the presigned POST; GetObject the presigned GET and HeadObject.
            actions: ['s3:PutObject', 's3:GetObject'],
            resources: [bucket.arnForObjects('*')],
          }),
        );
        acknowledge(
          role,
          `AwsSolutions-IAM5[Resource::<${logicalIdOf(bucket)}.Arn>/*]`,
          'Object keys are made at run time (tenant/submission/file), so object access is granted on the objects of this one bucket; the actions are listed one by one.',
        );
      }
      if (access.cognitoAdmin) {
        role.addToPolicy(
          new PolicyStatement({
            sid: 'UserAdministration',
            effect: Effect.ALLOW,
            actions: [...cognitoAdminActions],
            resources: [userPool.userPoolArn],
          }),
        );
      }

      const fn = new NodejsFunction(this, `Fn-${group}`, {
        description: `thidua ${config.envName}: routes of the ${group} group`,
        entry: repoPath(handlerEntry(group)),
        handler: 'handler',
        runtime: Runtime.NODEJS_22_X,
        architecture: Architecture.ARM_64,
        ...(sizing[group] ?? defaultSizing),
        role,
        logGroup,
        loggingFormat: LoggingFormat.JSON,
        applicationLogLevelV2: ApplicationLogLevel.INFO,
        systemLogLevelV2: SystemLogLevel.WARN,
        projectRoot: repoRoot,
        depsLockFilePath: repoPath('package-lock.json'),
        bundling: bundlingOptions,
        environment: {
          // Read and validated once at module load by the functions' config module.
          TABLE_NAME: table.tableName,
          BUCKET_NAME: bucket.bucketName,
          MAX_UPLOAD_BYTES: String(config.maxUploadBytes),
          USER_POOL_ID: userPool.userPoolId,
          USER_POOL_CLIENT_ID: webClient.userPoolClientId,
          DEPLOY_ENV: config.envName,
          NODE_OPTIONS: '--enable-source-maps',
          // Powertools Logger and Metrics (functions/src/kernel/observability): the alarms watch this service.
          POWERTOOLS_SERVICE_NAME: serviceNameFor(config.envName),
          POWERTOOLS_METRICS_NAMESPACE: METRIC_NAMESPACE,
        },
      });
      acknowledgeAll(fn, [
        {
          id: 'AwsSolutions-L1',
          reason:
            'Node.js 22 is the platform runtime the functions are built and tested for (esbuild target node22); moving to a newer runtime is a deliberate upgrade, not a default.',
        },
      ]);
      functions.set(group, fn);
      logGroups.set(group, logGroup);
    }
    this.byGroup = functions;
    this.logGroups = logGroups;
  }

  /** Set once the web origin is known (it depends on the CloudFront distribution). */
  setWebOrigin(origin: string): void {
    for (const fn of this.byGroup.values()) fn.addEnvironment('PUBLIC_WEB_ORIGIN', origin);
  }

  get(group: RouteGroup): NodejsFunction {
    const fn = this.byGroup.get(group);
    if (!fn) throw new Error(`no function for route group ${group}`);
    return fn;
  }
}
