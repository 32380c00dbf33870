import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
// The timers module's own function: a test's fake timers (which replace the global) never hold lines back.
import { setImmediate } from 'node:timers';
import { Logger, type LogItem } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { TelemetryFactory } from '../src/kernel/observability/telemetry';

/**
 * One descriptor per log file for the life of the process, opened for appending. Lines are queued and
 * written together once the current turn of the event loop is done (`setImmediate`): requests that end
 * in the same turn (two lines each) cost one `write`, not two each, and a line is in the file before
 * the turn that answered its request hands the socket back to the event loop, so a client that reads
 * the file after its answer finds the line. Closing the file and the process' exit flush what is queued.
 */
interface LogFile {
  fd: number;
  queued: string[];
  scheduled: boolean;
}
const files = new Map<string, LogFile>();
let flushesOnExit = false;

const flush = (f: LogFile): void => {
  f.scheduled = false;
  if (f.queued.length === 0) return;
  const text = f.queued.join('');
  f.queued = [];
  writeSync(f.fd, text);
};

const flushAll = (): void => {
  for (const f of files.values()) flush(f);
};

const appendLine = (file: string, line: string): void => {
  let f = files.get(file);
  if (f === undefined) {
    mkdirSync(dirname(file), { recursive: true });
    if (!flushesOnExit) {
      // Synchronous writes still run in 'exit': a process that ends never loses its last lines.
      process.once('exit', flushAll);
      flushesOnExit = true;
    }
    f = { fd: openSync(file, 'a'), queued: [], scheduled: false };
    files.set(file, f);
  }
  f.queued.push(line);
  if (!f.scheduled) {
    f.scheduled = true;
    setImmediate(flush, f);
  }
};

/** Writes what is queued for the file and closes its descriptor (the platform stops); a later line opens it again. */
export const closeTelemetryFile = (file: string): void => {
  const f = files.get(file);
  files.delete(file);
  if (f === undefined) return;
  try {
    flush(f);
  } finally {
    closeSync(f.fd);
  }
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
