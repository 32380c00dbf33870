import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Logger, type LogItem } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { DEFAULT_SERVICE_NAME, METRIC_NAMESPACE } from './names';

/**
 * Logger and Metrics of Powertools for AWS Lambda, one pair per route group (per Lambda). In AWS both
 * write to stdout, which CloudWatch Logs keeps and turns into metrics (EMF). The local platform sets
 * `THIDUA_LOG_FILE` and the same JSON lines are appended to that file instead (`.data/logs/api.log`, or
 * the test platform's temporary folder): the handlers run inside the gateway's process there, and its
 * stdout belongs to the developer's terminal or the test runner.
 */
export interface Telemetry {
  logger: Logger;
  metrics: Metrics;
}

const appendLine = (file: string, line: string): void => {
  appendFileSync(file, `${line}\n`);
};

/** Powertools' Logger, printing each JSON line to a file (protected `printLog` is its extension point). */
class FileLogger extends Logger {
  constructor(
    private readonly file: string,
    options: ConstructorParameters<typeof Logger>[0],
  ) {
    super(options);
  }

  protected override printLog(_level: number, log: LogItem): void {
    log.prepareForPrint();
    appendLine(this.file, JSON.stringify(log.getAttributes(), this.getJsonReplacer()));
  }
}

/** Powertools' Metrics, publishing each EMF blob to a file: the same serialization, another destination. */
class FileMetrics extends Metrics {
  constructor(
    private readonly file: string,
    options: ConstructorParameters<typeof Metrics>[0],
  ) {
    super(options);
  }

  override publishStoredMetrics(): this {
    try {
      if (this.hasStoredMetrics()) appendLine(this.file, JSON.stringify(this.serializeMetrics()));
    } finally {
      this.clearMetrics();
      this.clearDimensions();
      this.clearMetadata();
    }
    return this;
  }
}

export const createTelemetry = (
  group: string,
  env: Record<string, string | undefined> = process.env,
): Telemetry => {
  const serviceName = env.POWERTOOLS_SERVICE_NAME || DEFAULT_SERVICE_NAME;
  const namespace = env.POWERTOOLS_METRICS_NAMESPACE || METRIC_NAMESPACE;
  const loggerOptions = { serviceName, persistentKeys: { group } };
  const file = env.THIDUA_LOG_FILE;
  if (file) {
    mkdirSync(dirname(file), { recursive: true });
    const logger = new FileLogger(file, loggerOptions);
    return { logger, metrics: new FileMetrics(file, { serviceName, namespace, logger }) };
  }
  const logger = new Logger(loggerOptions);
  return { logger, metrics: new Metrics({ serviceName, namespace, logger }) };
};
