/**
 * The names operators see: the metric namespace, the metrics the functions emit (EMF, one blob per
 * request) and their dimensions. The CDK alarms (infra/src/monitoring.ts) read the same constants, so a
 * renamed metric cannot leave an alarm watching nothing. No Powertools import here: infra loads this file.
 */
export const METRIC_NAMESPACE = 'Thidua';
/** Powertools' `service` dimension; in AWS `thidua-<env>` (POWERTOOLS_SERVICE_NAME), locally this. */
export const DEFAULT_SERVICE_NAME = 'thidua';
/** The service name of one deployment, so that dev and prod metrics never add up. */
export const serviceNameFor = (envName: string): string => `${DEFAULT_SERVICE_NAME}-${envName}`;

export const MetricName = {
  /** Every request: its latency in ms (so every request publishes at least one metric). */
  latency: 'RequestLatency',
  /** 409 answers; by `code`, `version_conflict` and `duplicate_request` are told apart. */
  conflicts: 'Conflicts',
  /** 422 answers (business rules refused the input); by `code`. */
  ruleViolations: 'RuleViolations',
  /** Every 4xx; by `code`. */
  clientErrors: 'ClientErrors',
  /** 503: a dependency unreachable or timing out. */
  unavailable: 'Unavailable',
  /** 502 `corrupt_item`: a stored item that no longer matches its schema. */
  corruptItems: 'CorruptItems',
  /** A write answered from its Idempotency-Key record instead of running again. */
  idempotentReplays: 'IdempotentReplays',
  /** A lifecycle transition committed; by `action`. */
  transitions: 'Transitions',
  /** DynamoDB calls of the request. */
  dynamoReads: 'DynamoDbReads',
  dynamoWrites: 'DynamoDbWrites',
} as const;

/** Dimension sets: every metric has `service`; the breakdowns add one of these. */
export const Dimension = { code: 'code', action: 'action' } as const;
