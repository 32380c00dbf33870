import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { Logger, type LogItem } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { TelemetryFactory } from '../src/kernel/observability/telemetry';

/**
 * One descriptor per log file for the life of the process, opened for appending: a line is one
 * `write`, not an open, write and close per line (two lines per request).
 */
const descriptors = new Map<string, number>();
const appendLine = (file: string, line: string): void => {
  let fd = descriptors.get(file);
  if (fd === undefined) {
    mkdirSync(dirname(file), { recursive: true });
    fd = openSync(file, 'a');
    descriptors.set(file, fd);
  }
  writeSync(fd, line);
};

/** Closes the file's descriptor (the platform stops); a later line opens it again. */
export const closeTelemetryFile = (file: string): void => {
  const fd = descriptors.get(file);
  descriptors.delete(file);
  if (fd !== undefined) closeSync(fd);
};

/**
 * The functions' log on this machine: Powertools' own Logger and Metrics, with the same JSON lines and
 * EMF blobs CloudWatch Logs receives in AWS, appended to one file (`.data/logs/api.log`, or the test
 * platform's temporary folder) instead of the gateway's stdout.
 */
class FileLogger extends Logger {
  constructor(
    private readonly file: string,
    options: ConstructorParameters<typeof Logger>[0],
  ) {
    super(options);
  }

  // `printLog` is Powertools' extension point for the destination; the line is built as it builds it.
  protected override printLog(_level: number, log: LogItem): void {
    log.prepareForPrint();
    appendLine(this.file, `${JSON.stringify(log.getAttributes(), this.getJsonReplacer())}\n`);
  }
}

class FileMetrics extends Metrics {
  constructor(
    private readonly file: string,
    options: ConstructorParameters<typeof Metrics>[0],
  ) {
    super(options);
  }

  /** As Powertools publishes (one EMF blob, then the store cleared), to the file. */
  override publishStoredMetrics(): this {
    try {
      if (this.hasStoredMetrics()) appendLine(this.file, `${JSON.stringify(this.serializeMetrics())}\n`);
    } finally {
      this.clearMetrics();
      this.clearDimensions();
      this.clearMetadata();
    }
    return this;
  }
}

export const fileTelemetry =
  (file: string): TelemetryFactory =>
  ({ group, serviceName, namespace }) => {
    const logger = new FileLogger(file, { serviceName, persistentKeys: { group } });
    return { logger, metrics: new FileMetrics(file, { serviceName, namespace, logger }) };
  };
