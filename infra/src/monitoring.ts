import {
  Dimension,
  METRIC_NAMESPACE,
  MetricName,
  serviceNameFor,
} from '@thidua/functions/kernel/observability/names';
import type { RouteGroup } from '@thidua/functions/routes';
import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { EnvConfig } from './config';

export interface MonitoringProps {
  config: EnvConfig;
  httpApi: HttpApi;
  functions: ReadonlyMap<RouteGroup, IFunction>;
  table: TableV2;
  indexNames: readonly string[];
}

const period = Duration.minutes(5);
/** Per 5 minutes, all functions together: a few conflicts are normal (two reviewers at once). */
const CONFLICT_SPIKE = 25;
const RULE_VIOLATION_SPIKE = 50;

/** Alarms (to an SNS topic) on what an operator must act on, and one dashboard for the rest. */
export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const { config, httpApi, table } = props;

    this.topic = new Topic(this, 'Alarms', {
      displayName: `thidua ${config.envName} alarms`,
      enforceSSL: true,
    });
    if (config.alarmEmail) this.topic.addSubscription(new EmailSubscription(config.alarmEmail));
    const action = new SnsAction(this.topic);
    const alarm = (alarmId: string, a: ConstructorParameters<typeof Alarm>[2]) => {
      const created = new Alarm(this, alarmId, {
        treatMissingData: TreatMissingData.NOT_BREACHING,
        ...a,
      });
      created.addAlarmAction(action);
      created.addOkAction(action);
      this.alarms.push(created);
      return created;
    };

    // The API: any 5xx is a bug or an outage (bad input is a 4xx by contract).
    const api5xx = httpApi.metricServerError({ period, statistic: 'Sum' });
    alarm('Api5xx', {
      alarmName: `thidua-${config.envName}-api-5xx`,
      alarmDescription: 'The HTTP API answered 5xx (a handler crashed, timed out, or a dependency failed).',
      metric: api5xx,
      threshold: 5,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });

    // The functions' own metrics (EMF, one blob per request; functions/src/kernel/observability). A spike of
    // conflicts means users fight over the same records or a client retries badly; a spike of 422 means
    // a form, a campaign or a client release refuses input it should accept.
    const appMetric = (metricName: string, dimensionsMap: Record<string, string> = {}) =>
      new Metric({
        namespace: METRIC_NAMESPACE,
        metricName,
        dimensionsMap: { service: serviceNameFor(config.envName), ...dimensionsMap },
        period,
        statistic: 'Sum',
      });
    const conflicts = appMetric(MetricName.conflicts);
    const ruleViolations = appMetric(MetricName.ruleViolations);
    alarm('Conflicts', {
      alarmName: `thidua-${config.envName}-api-conflicts`,
      alarmDescription:
        'A spike of 409 answers (version_conflict, duplicate_request...): see the Conflicts metric by code and the request log.',
      metric: conflicts,
      threshold: CONFLICT_SPIKE,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
    alarm('RuleViolations', {
      alarmName: `thidua-${config.envName}-api-422`,
      alarmDescription:
        'A spike of 422 answers (business rules refusing input): see the RuleViolations metric by code and the request log.',
      metric: ruleViolations,
      threshold: RULE_VIOLATION_SPIKE,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });

    for (const [group, fn] of props.functions) {
      alarm(`Errors-${group}`, {
        alarmName: `thidua-${config.envName}-${group}-errors`,
        alarmDescription: `The ${group} function threw (uncaught errors, timeouts, out of memory).`,
        metric: fn.metricErrors({ period, statistic: 'Sum' }),
        threshold: 3,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      });
      alarm(`Throttles-${group}`, {
        alarmName: `thidua-${config.envName}-${group}-throttles`,
        alarmDescription: `The ${group} function was throttled: the account's concurrency is exhausted.`,
        metric: fn.metricThrottles({ period, statistic: 'Sum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      });
    }

    // On-demand tables still throttle: above twice the previous peak, or past a partition's
    // 3,000 RCU / 1,000 WCU (a hot key). Table and every index, reads and writes, in one expression.
    const throttleMetrics: Record<string, Metric> = {};
    const dims = (indexName?: string) => ({
      TableName: table.tableName,
      ...(indexName ? { GlobalSecondaryIndexName: indexName } : {}),
    });
    const throttleMetric = (name: string, indexName?: string) =>
      new Metric({
        namespace: 'AWS/DynamoDB',
        metricName: name,
        dimensionsMap: dims(indexName),
        period,
        statistic: 'Sum',
      });
    throttleMetrics.tr = throttleMetric('ReadThrottleEvents');
    throttleMetrics.tw = throttleMetric('WriteThrottleEvents');
    props.indexNames.forEach((name, i) => {
      throttleMetrics[`ir${i}`] = throttleMetric('ReadThrottleEvents', name);
      throttleMetrics[`iw${i}`] = throttleMetric('WriteThrottleEvents', name);
    });
    const ddbThrottles = new MathExpression({
      expression: Object.keys(throttleMetrics)
        .map((k) => `FILL(${k}, 0)`)
        .join(' + '),
      usingMetrics: throttleMetrics,
      label: 'DynamoDB throttle events (table + indexes)',
      period,
    });
    alarm('DynamoDbThrottles', {
      alarmName: `thidua-${config.envName}-dynamodb-throttles`,
      alarmDescription:
        'DynamoDB throttled reads or writes on the table or an index (hot partition or sudden peak); see Contributor Insights.',
      metric: ddbThrottles,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });

    const fns = [...props.functions.entries()];
    const perFunction = (pick: (fn: IFunction) => Metric, label: string) =>
      fns.map(([group, fn]) => pick(fn).with({ label: `${group} ${label}`.trim(), period }));

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `thidua-${config.envName}`,
      defaultInterval: Duration.hours(24),
    });
    this.dashboard.addWidgets(
      new TextWidget({
        markdown: `# Thi đua (${config.envName})\nAPI, functions and table. Alarms go to the SNS topic \`${config.envName}\`; runbook in docs/deploy.md.`,
        width: 24,
        height: 2,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'API requests and errors',
        left: [
          httpApi.metricCount({ period, statistic: 'Sum', label: 'requests' }),
          httpApi.metricClientError({ period, statistic: 'Sum', label: '4xx' }),
          api5xx.with({ label: '5xx' }),
        ],
        width: 12,
      }),
      new GraphWidget({
        title: 'API latency (ms)',
        left: [
          httpApi.metricLatency({ period, statistic: 'p50', label: 'p50' }),
          httpApi.metricLatency({ period, statistic: 'p99', label: 'p99' }),
          httpApi.metricIntegrationLatency({ period, statistic: 'p99', label: 'integration p99' }),
        ],
        width: 12,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Function invocations',
        left: perFunction((fn) => fn.metricInvocations({ statistic: 'Sum' }), ''),
        width: 8,
      }),
      new GraphWidget({
        title: 'Function errors and throttles',
        left: perFunction((fn) => fn.metricErrors({ statistic: 'Sum' }), 'errors'),
        right: perFunction((fn) => fn.metricThrottles({ statistic: 'Sum' }), 'throttles'),
        width: 8,
      }),
      new GraphWidget({
        title: 'Function duration p99 (ms) and account concurrency',
        left: perFunction((fn) => fn.metricDuration({ statistic: 'p99' }), ''),
        // The regional quota (1,000 by default) is shared by every function of the account.
        right: [
          new Metric({
            namespace: 'AWS/Lambda',
            metricName: 'ConcurrentExecutions',
            statistic: 'Maximum',
            period,
            label: 'account concurrent executions',
          }),
        ],
        width: 8,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Refusals, outages and damaged items (functions)',
        left: [
          conflicts.with({ label: '409 conflicts' }),
          ruleViolations.with({ label: '422 rule violations' }),
          appMetric(MetricName.clientErrors).with({ label: 'all 4xx' }),
          appMetric(MetricName.unavailable).with({ label: '503 unavailable' }),
          appMetric(MetricName.corruptItems).with({ label: '502 corrupt items' }),
        ],
        width: 12,
      }),
      new GraphWidget({
        title: 'Workflow transitions and idempotent replays',
        left: (['submit', 'approve', 'return', 'reject'] as const).map((action) =>
          appMetric(MetricName.transitions, { [Dimension.action]: action }).with({ label: action }),
        ),
        right: [appMetric(MetricName.idempotentReplays).with({ label: 'replays' })],
        width: 12,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'DynamoDB consumed capacity',
        left: [
          table.metricConsumedReadCapacityUnits({ period, statistic: 'Sum', label: 'RCU' }),
          table.metricConsumedWriteCapacityUnits({ period, statistic: 'Sum', label: 'WCU' }),
        ],
        width: 8,
      }),
      new GraphWidget({
        title: 'DynamoDB throttles and conflicts',
        left: [ddbThrottles],
        right: [
          table.metricConditionalCheckFailedRequests({
            period,
            statistic: 'Sum',
            label: 'conditional check failed',
          }),
          new Metric({
            namespace: 'AWS/DynamoDB',
            metricName: 'TransactionConflict',
            dimensionsMap: { TableName: table.tableName },
            period,
            statistic: 'Sum',
            label: 'transaction conflicts',
          }),
        ],
        width: 8,
      }),
      new GraphWidget({
        title: 'DynamoDB latency p99 (ms)',
        left: ['GetItem', 'Query', 'TransactWriteItems'].map((operation) =>
          table.metricSuccessfulRequestLatency({
            period,
            statistic: 'p99',
            dimensionsMap: { TableName: table.tableName, Operation: operation },
            label: operation,
          }),
        ),
        width: 8,
      }),
    );
  }
}
