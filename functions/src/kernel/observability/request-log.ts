import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { type DynamoCalls, summarize } from '../data/call-counter';
import { Dimension, MetricName } from './names';
import type { Telemetry } from './telemetry';

/**
 * What one request leaves behind for the operator: ONE JSON log line and one EMF blob. Only identifiers
 * and numbers: the route (its template, never the path with ids or the query), the status and error code,
 * the tenant and the caller's Cognito `sub` — never an e-mail, a name, a header, a body or form data.
 */
export interface RequestOutcome {
  routeKey: string;
  requestId: string;
  status: number;
  /** The `error.code` of an error answer. */
  code: string | undefined;
  tenantId: string | undefined;
  userId: string | undefined;
  latencyMs: number;
  dynamo: DynamoCalls | undefined;
  replayed: boolean;
  /** Lifecycle transitions the request committed (workflow actions). */
  transitions: readonly string[];
  /** A bug, an outage or a corrupt item: name, message and stack (ours or the SDK's, never user data). */
  error?: Record<string, unknown> | undefined;
}

/** The `error.code` of a JSON error answer, if the body is one. */
export const errorCodeOf = (status: number, body: unknown): string | undefined => {
  if (status < 400 || typeof body !== 'string' || !body.startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    const error =
      typeof parsed === 'object' && parsed !== null ? (parsed as { error?: unknown }).error : undefined;
    const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
};

const levelOf = (status: number): 'info' | 'warn' | 'error' =>
  status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';

/**
 * Writes the request's line and stores its metrics in `telemetry.metrics`; Powertools' `logMetrics`
 * middleware publishes them right after. A Lambda runs one request at a time; on the local gateway,
 * where requests share a process, two requests finishing together may share one blob (the counts stay
 * right, a breakdown dimension may be attributed to both).
 */
export const recordRequest = ({ logger, metrics }: Telemetry, o: RequestOutcome): void => {
  const calls = o.dynamo ? summarize(o.dynamo) : undefined;
  // Powertools leaves undefined keys out of the line.
  logger[levelOf(o.status)]('request', {
    routeKey: o.routeKey,
    requestId: o.requestId,
    status: o.status,
    code: o.code,
    tenantId: o.tenantId,
    userId: o.userId,
    latencyMs: Math.round(o.latencyMs),
    dynamoReads: calls?.reads ?? 0,
    dynamoWrites: calls?.writes ?? 0,
    replayed: o.replayed || undefined,
    transitions: o.transitions.length > 0 ? o.transitions : undefined,
    error: o.error,
  });

  metrics.addMetric(MetricName.latency, MetricUnit.Milliseconds, o.latencyMs);
  const counts: [string, number][] = [
    [MetricName.dynamoReads, calls?.reads ?? 0],
    [MetricName.dynamoWrites, calls?.writes ?? 0],
    [MetricName.idempotentReplays, o.replayed ? 1 : 0],
    [MetricName.conflicts, o.status === 409 ? 1 : 0],
    [MetricName.ruleViolations, o.status === 422 ? 1 : 0],
    [MetricName.unavailable, o.status === 503 ? 1 : 0],
    [MetricName.corruptItems, o.code === 'corrupt_item' ? 1 : 0],
    [MetricName.clientErrors, o.status >= 400 && o.status < 500 ? 1 : 0],
    [MetricName.transitions, o.transitions.length],
  ];
  // Zero counts are left out (EMF bills per metric and dimension set actually published).
  for (const [name, n] of counts) if (n > 0) metrics.addMetric(name, MetricUnit.Count, n);
  // Breakdowns: the same metrics once more under a second dimension set (service + code, service +
  // action). Powertools drops the plain `service` set once another is added, so it is added explicitly:
  // the alarms watch the totals.
  const [action] = o.transitions;
  if (o.code || action) metrics.addDimensions({});
  if (o.code) metrics.addDimensions({ [Dimension.code]: o.code });
  if (action) metrics.addDimensions({ [Dimension.action]: action });
};
