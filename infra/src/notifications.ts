import { OUTBOX_ITEM_TYPE } from '@thidua/functions/features/notifications/repository';
import { type CfnElement, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SnsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import {
  ConfigurationSet,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
} from 'aws-cdk-lib/aws-ses';
import { type ITopic, Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { EnvConfig } from './config';
import { acknowledge } from './nag';

export interface NotificationsProps {
  config: EnvConfig;
  table: ITableV2;
  /** The notifications group's function: its routes, the stream consumer, the schedule, SES feedback. */
  fn: NodejsFunction;
  /** Where alarms go (the monitoring topic). */
  alarmTopic: ITopic;
}

/** How the reminder schedule invokes the function (functions/src/features/notifications/jobs.ts). */
export const REMINDER_JOB_INPUT = { job: 'notification-reminders' } as const;
/** How the digest schedule invokes it (functions/src/features/notifications/digest.ts). */
export const DIGEST_JOB_INPUT = { job: 'notification-digest' } as const;
/** How the sweep of e-mails whose sender died mid-send invokes it (jobs.ts, `runRedeliveryJob`). */
export const REDELIVERY_JOB_INPUT = { job: 'notification-redeliver' } as const;

/**
 * The lease of a claimed e-mail: several times the function's timeout, so a sender still running is never
 * taken for dead (AWS stops the function at its timeout; nothing of it runs after).
 */
export const leaseFor = (timeout: Duration): Duration =>
  Duration.seconds(Math.max(120, timeout.toSeconds() * 6));

/**
 * The delivery half of notifications (issue 16, docs/notifications.md): the table's stream (turned on in
 * data.ts) into the notifications function — outbox items only, by a filter on the event source —
 * with bisection on error, bounded retries and the alarm topic as on-failure destination; the hourly reminder schedule; the SES
 * identity and configuration set whose bounces and complaints come back through SNS to the same function
 * (which stops mailing those addresses); alarms on what failed delivery.
 */
export class Notifications extends Construct {
  readonly reminders: Schedule;
  readonly digest: Schedule;
  readonly redelivery: Schedule;
  /** The HMAC key of e-mails' unsubscribe links (functions/src/features/notifications/links.ts). */
  readonly linkKey: Key;
  readonly feedback: Topic | undefined;
  readonly configurationSet: ConfigurationSet | undefined;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: NotificationsProps) {
    super(scope, id);
    const { config, table, fn } = props;

    fn.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 25,
        maxBatchingWindow: Duration.seconds(1),
        // A record that keeps failing is isolated by halving its batch, then reported and skipped.
        bisectBatchOnError: true,
        retryAttempts: 5,
        maxRecordAge: Duration.hours(6),
        reportBatchItemFailures: true,
        // A batch that failed every retry is announced on the alarm topic (its stream coordinates, to
        // replay): the operator's alarm on lost deliveries, without polling a queue.
        onFailure: new SnsDlq(props.alarmTopic),
        // Only new outbox items wake the consumer; every other write of the table is filtered out.
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('INSERT'),
            dynamodb: { NewImage: { type: { S: FilterRule.isEqual(OUTBOX_ITEM_TYPE) } } },
          }),
        ],
      }),
    );

    const tenants = String(this.node.tryGetContext('auditTenants') ?? '');
    fn.addEnvironment('AUDIT_TENANTS', tenants);

    // Reminders, overdue notices and escalations: planned every hour (each step has a fixed id, so a
    // late or repeated run sends nothing twice). EventBridge Scheduler with a role of its own.
    const schedulerRole = new Role(this, 'RemindersRole', {
      description:
        'EventBridge Scheduler: invoke the notifications function for the reminder, digest and redelivery jobs',
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    });
    const hourly = (
      id: string,
      description: string,
      schedule: ScheduleExpression,
      input: object,
      maxEventAge = Duration.minutes(30),
    ) =>
      new Schedule(this, id, {
        description,
        schedule,
        target: new LambdaInvoke(fn, {
          input: ScheduleTargetInput.fromObject(input),
          role: schedulerRole,
          retryAttempts: 2,
          maxEventAge,
        }),
      });
    this.reminders = hourly(
      'PlanReminders',
      'Plans deadline reminders, overdue notices and escalations into the outbox',
      ScheduleExpression.rate(Duration.hours(1)),
      REMINDER_JOB_INPUT,
    );
    // The daily digest: every hour at :05 (the function sends from NOTIFY_DIGEST_HOUR in Vietnam, once
    // per person and day; the five minutes let the stream deliver the last notices of the window).
    this.digest = hourly(
      'SendDigests',
      'Sends each person the daily digest of the notice kinds they chose (once a day)',
      ScheduleExpression.cron({ minute: '5' }),
      DIGEST_JOB_INPUT,
    );
    // E-mails whose claim's lease ran out (the function died between the send and its record): sent
    // again with the same Message-ID. Every 10 minutes: a crashed e-mail waits at most lease + 10 min.
    const lease = leaseFor(fn.timeout ?? Duration.seconds(3));
    fn.addEnvironment('NOTIFY_LEASE_MS', String(lease.toMilliseconds()));
    this.redelivery = hourly(
      'RedeliverMail',
      'Sends again, with the same Message-ID, e-mails whose sender died mid-send',
      ScheduleExpression.rate(Duration.minutes(10)),
      REDELIVERY_JOB_INPUT,
      Duration.minutes(10),
    );
    // A person stops a kind of mail from the e-mail without signing in: the link is MAC'd with this key
    // (GenerateMac/VerifyMac; the material never leaves KMS). Apart from the audit chain's key: only this
    // function holds it, and replacing it only voids outstanding links.
    this.linkKey = new Key(this, 'LinkKey', {
      description: `thidua ${config.envName}: HMAC-SHA-256 key of e-mail unsubscribe links`,
      keySpec: KeySpec.HMAC_256,
      keyUsage: KeyUsage.GENERATE_VERIFY_MAC,
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    fn.addToRolePolicy(
      new PolicyStatement({
        sid: 'SignUnsubscribeLinks',
        effect: Effect.ALLOW,
        actions: ['kms:GenerateMac', 'kms:VerifyMac'],
        resources: [this.linkKey.keyArn],
      }),
    );
    fn.addEnvironment('NOTIFY_LINK_KEY_ID', this.linkKey.keyId);

    const fnId = Stack.of(this).getLogicalId(fn.node.defaultChild as CfnElement);
    acknowledge(
      schedulerRole,
      `AwsSolutions-IAM5[Resource::<${fnId}.Arn>:*]`,
      "CDK's grantInvoke covers the notifications function's versions and aliases (`:*`); the role can invoke that one function only.",
    );

    const sender = config.emailSender;
    if (sender) {
      this.feedback = new Topic(this, 'SesFeedback', {
        displayName: `thidua ${config.envName} SES bounces and complaints`,
        enforceSSL: true,
      });
      this.feedback.addSubscription(new LambdaSubscription(fn));
      this.configurationSet = new ConfigurationSet(this, 'Mail', {
        reputationMetrics: true,
      });
      this.configurationSet.addEventDestination('Feedback', {
        destination: EventDestination.snsTopic(this.feedback),
        events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
      });
      const identity = new EmailIdentity(this, 'Sender', {
        identity: Identity.email(sender.fromEmail),
        configurationSet: this.configurationSet,
      });
      const { account, region, partition } = Stack.of(this);
      fn.addToRolePolicy(
        new PolicyStatement({
          sid: 'SendNotificationMail',
          effect: Effect.ALLOW,
          actions: ['ses:SendEmail'],
          resources: [
            `arn:${partition}:ses:${region}:${account}:identity/${identity.emailIdentityName}`,
            `arn:${partition}:ses:${region}:${account}:configuration-set/${this.configurationSet.configurationSetName}`,
          ],
        }),
      );
      fn.addEnvironment('MAIL_SENDER', 'ses');
      fn.addEnvironment('MAIL_FROM', `${sender.fromName} <${sender.fromEmail}>`);
      fn.addEnvironment('SES_CONFIGURATION_SET', this.configurationSet.configurationSetName);
    } else {
      // No verified sender: notices stay in the app (Cognito keeps its own sender for invitations).
      fn.addEnvironment('MAIL_SENDER', 'none');
    }

    const action = new SnsAction(props.alarmTopic);
    const alarm = (alarmId: string, a: ConstructorParameters<typeof Alarm>[2]) => {
      const created = new Alarm(this, alarmId, { treatMissingData: TreatMissingData.NOT_BREACHING, ...a });
      created.addAlarmAction(action);
      this.alarms.push(created);
    };
    // Function errors and throttles of this function are alarmed by monitoring.ts like every group's;
    // e-mails that failed every attempt are the administrator's dead letters (an API route and a page).
    if (this.configurationSet) {
      alarm('BounceRateAlarm', {
        alarmDescription:
          'SES bounce rate above 5%: addresses are dead (the account risks suspension at 10%).',
        metric: new Metric({
          namespace: 'AWS/SES',
          metricName: 'Reputation.BounceRate',
          statistic: 'Maximum',
          period: Duration.hours(1),
        }),
        threshold: 0.05,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      });
    }
  }
}
