import { submissionEntity } from '@thidua/functions/kernel/data/keys';
import type { RouteGroup } from '@thidua/functions/routes';
import { type CfnElement, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, ManagedPolicy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Alias, Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type IBucket,
  ObjectLockRetention,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import type { EnvConfig } from './config';
import { groupAccess } from './functions';
import { acknowledge } from './nag';

/**
 * Partitions of audit events, as `dynamodb:LeadingKeys` patterns. IAM conditions see the partition key only
 * (no condition key names the sort key or the condition expression), so what can be denied depends on what
 * else lives in the partition:
 * - `T#*#SUB#*`: a submission's item collection holds its audit events (`EV#<seq>`) beside the submission,
 *   its snapshots and its attachments, whose scan verdict is recorded with an UpdateItem. So here only
 *   deletion is denied (DeleteItem, BatchWriteItem) and a PutItem outside a transaction; UpdateItem must stay.
 * - `T#*#AUDIT#*`: partitions that hold audit events only (the chains of everything that is not a
 *   submission, and the place a submission's events can move to): nothing but a transactional Put.
 */
export const submissionPartitions = submissionEntity.partition({ tenantId: '*', id: '*' });
export const auditOnlyPartitions = 'T#*#AUDIT#*';
export const appendOnlyPartitions = [submissionPartitions, auditOnlyPartitions] as const;

/** Denied on every partition that holds audit events: no item there may disappear. */
export const noDeleteActions = ['dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'] as const;

/** Who signs chain events: every group that writes to the table (the route table decides, functions.ts). */
export const signsChain = (group: RouteGroup): boolean => groupAccess(group).table === 'readWrite';
/** Who verifies chains and anchors heads: the writers, and the audit routes (verify, export, anchoring). */
export const readsChain = (group: RouteGroup): boolean => signsChain(group) || group === 'audit';

export interface AuditTrailProps {
  config: EnvConfig;
  table: ITableV2;
  accessLogs: IBucket;
  functions: ReadonlyMap<RouteGroup, NodejsFunction>;
}

/**
 * The infrastructure half of a tamper-evident audit trail (issue 12 point 4): a KMS HMAC key the chain is
 * keyed with (the key never leaves KMS, so a function can ask for a MAC but nobody can compute one offline),
 * an Object Lock bucket for the chain heads, and IAM that makes the audit partitions append-only.
 * The functions read `AUDIT_MAC_KEY_ID` and `AUDIT_ANCHOR_BUCKET` (contract in docs/deploy.md).
 */
export class AuditTrail extends Construct {
  readonly macKey: Key;
  readonly anchors: Bucket;
  readonly appendOnly: ManagedPolicy;
  readonly signers: ManagedPolicy;
  readonly verifiers: ManagedPolicy;
  readonly anchoring: Schedule;

  constructor(scope: Construct, id: string, props: AuditTrailProps) {
    super(scope, id);
    const { config, table } = props;

    this.macKey = new Key(this, 'MacKey', {
      description: `thidua ${config.envName}: HMAC-SHA-256 key of the audit chain (GenerateMac/VerifyMac)`,
      keySpec: KeySpec.HMAC_256,
      keyUsage: KeyUsage.GENERATE_VERIFY_MAC,
      // Losing the key would make every stored MAC unverifiable.
      removalPolicy: RemovalPolicy.RETAIN,
      pendingWindow: Duration.days(30),
    });
    new Alias(this, 'MacKeyAlias', {
      aliasName: `alias/thidua-${config.envName}-audit-mac`,
      targetKey: this.macKey,
    });

    this.anchors = new Bucket(this, 'Anchors', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      // Object Lock (which implies versioning): an anchor, once written, cannot be overwritten or deleted
      // before its retention ends — not by a function, and in COMPLIANCE mode not by an administrator either.
      objectLockEnabled: true,
      objectLockDefaultRetention:
        config.auditAnchors.mode === 'COMPLIANCE'
          ? ObjectLockRetention.compliance(Duration.days(config.auditAnchors.retentionDays))
          : ObjectLockRetention.governance(Duration.days(config.auditAnchors.retentionDays)),
      versioned: true,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'audit-anchors/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const roleOf = (group: RouteGroup) => {
      const role = props.functions.get(group)?.role;
      if (!role) throw new Error(`${group} has no function role`);
      return role;
    };
    const groups = [...props.functions.keys()];
    const anchorObjects = this.anchors.arnForObjects('*');
    const anchorStatements = (sid: string) => [
      new PolicyStatement({
        sid: `${sid}Anchors`,
        effect: Effect.ALLOW,
        // No DeleteObject, no BypassGovernanceRetention, no PutObjectRetention: add and read only.
        actions: ['s3:PutObject', 's3:GetObject', 's3:GetObjectVersion'],
        resources: [anchorObjects],
      }),
      new PolicyStatement({
        sid: `${sid}AnchorList`,
        effect: Effect.ALLOW,
        actions: ['s3:ListBucket'],
        resources: [this.anchors.bucketArn],
      }),
    ];

    // One guardrail for every function, as a policy of its own so that it reads as one rule.
    this.appendOnly = new ManagedPolicy(this, 'AppendOnlyAuditPartitions', {
      description: `thidua ${config.envName}: no function deletes an audit event or puts one outside a transaction`,
      roles: groups.map(roleOf),
      statements: [
        new PolicyStatement({
          sid: 'NoDelete',
          effect: Effect.DENY,
          actions: [...noDeleteActions],
          resources: [table.tableArn],
          conditions: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [...appendOnlyPartitions] } },
        }),
        new PolicyStatement({
          sid: 'NoUpdateOfAuditOnlyPartitions',
          effect: Effect.DENY,
          actions: ['dynamodb:UpdateItem'],
          resources: [table.tableArn],
          conditions: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [auditOnlyPartitions] } },
        }),
        // A Put outside a transaction is refused too: every Put of the application is inside a transaction
        // with its idempotency record, so a lone PutItem on an audit partition can only be tampering.
        new PolicyStatement({
          sid: 'PutOnlyInTransactions',
          effect: Effect.DENY,
          actions: ['dynamodb:PutItem'],
          resources: [table.tableArn],
          conditions: {
            'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [...appendOnlyPartitions] },
            StringNotEquals: { 'dynamodb:EnclosingOperation': 'TransactWriteItems' },
          },
        }),
      ],
    });

    this.signers = new ManagedPolicy(this, 'ChainSigners', {
      description: `thidua ${config.envName}: sign and verify audit events, anchor chain heads`,
      roles: groups.filter(signsChain).map(roleOf),
      statements: [
        new PolicyStatement({
          sid: 'Mac',
          effect: Effect.ALLOW,
          actions: ['kms:GenerateMac', 'kms:VerifyMac'],
          resources: [this.macKey.keyArn],
        }),
        ...anchorStatements('Signers'),
      ],
    });
    this.verifiers = new ManagedPolicy(this, 'ChainVerifiers', {
      description: `thidua ${config.envName}: verify audit chains, anchor chain heads`,
      roles: groups.filter((g) => readsChain(g) && !signsChain(g)).map(roleOf),
      statements: [
        new PolicyStatement({
          sid: 'VerifyMac',
          effect: Effect.ALLOW,
          actions: ['kms:VerifyMac'],
          resources: [this.macKey.keyArn],
        }),
        ...anchorStatements('Verifiers'),
      ],
    });
    const anchorsId = Stack.of(this).getLogicalId(this.anchors.node.defaultChild as CfnElement);
    for (const policy of [this.signers, this.verifiers]) {
      acknowledge(
        policy,
        `AwsSolutions-IAM5[Resource::<${anchorsId}.Arn>/*]`,
        'Anchor objects are named at run time (tenant/chain/time); the actions add and read only, and Object Lock keeps every version until its retention ends.',
      );
    }

    for (const fn of props.functions.values()) {
      fn.addEnvironment('AUDIT_MAC_KEY_ID', this.macKey.keyId);
      fn.addEnvironment('AUDIT_ANCHOR_BUCKET', this.anchors.bucketName);
    }

    // Anchoring of the chain heads every 15 minutes: the audit function's scheduled job
    // (functions/src/features/audit/jobs.ts), the event the local scheduler sends too. EventBridge
    // Scheduler invokes it with a role of its own (no resource policy on the function). The tenants come
    // from `-c auditTenants=<a,b>` (a deployment knows its provinces).
    const audit = props.functions.get('audit');
    if (!audit) throw new Error('the audit function is missing');
    const tenants = String(this.node.tryGetContext('auditTenants') ?? '');
    audit.addEnvironment('AUDIT_TENANTS', tenants);
    const scheduler = new Role(this, 'AnchoringRole', {
      description: 'EventBridge Scheduler: invoke the audit function for the anchoring job',
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    });
    this.anchoring = new Schedule(this, 'AnchorChainHeads', {
      description: 'Anchors the audit chain heads of every tenant in the Object Lock bucket',
      schedule: ScheduleExpression.rate(Duration.minutes(15)),
      target: new LambdaInvoke(audit, {
        input: ScheduleTargetInput.fromObject({ job: 'audit-anchor' }),
        role: scheduler,
        retryAttempts: 2,
        maxEventAge: Duration.minutes(10),
      }),
    });
    const auditFnId = Stack.of(this).getLogicalId(audit.node.defaultChild as CfnElement);
    acknowledge(
      scheduler,
      `AwsSolutions-IAM5[Resource::<${auditFnId}.Arn>:*]`,
      "CDK's grantInvoke covers the audit function's versions and aliases (`:*`); the role can invoke that one function only.",
    );
  }
}
