import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { DEFAULT_SERVICE_NAME, METRIC_NAMESPACE } from './names';

/**
 * Logger and Metrics of Powertools for AWS Lambda, one pair per route group (per Lambda). In AWS both
 * write to stdout, which CloudWatch Logs keeps and turns into metrics (EMF). The local platform, whose
 * handlers share the gateway's process and stdout, installs a factory that writes the same lines to a
 * file (functions/local/telemetry-file.ts): local-only code stays out of the Lambda bundles.
 */
export interface Telemetry {
  logger: Logger;
  metrics: Metrics;
}

export interface TelemetryOptions {
  group: string;
  serviceName: string;
  namespace: string;
}

export type TelemetryFactory = (o: TelemetryOptions) => Telemetry;

const stdoutTelemetry: TelemetryFactory = ({ group, serviceName, namespace }) => {
  const logger = new Logger({ serviceName, persistentKeys: { group } });
  return { logger, metrics: new Metrics({ serviceName, namespace, logger }) };
};

let factory = stdoutTelemetry;

/** Where handlers created from now on send their lines (the local platform: a file). */
export const setTelemetryFactory = (f: TelemetryFactory): void => {
  factory = f;
};

export const createTelemetry = (
  group: string,
  env: Record<string, string | undefined> = process.env,
): Telemetry =>
  factory({
    group,
    serviceName: env.POWERTOOLS_SERVICE_NAME || DEFAULT_SERVICE_NAME,
    namespace: env.POWERTOOLS_METRICS_NAMESPACE || METRIC_NAMESPACE,
  });
