import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import type { WebConfig } from '@thidua/shared/web-config';
import { dynamoCallCounter } from '../src/kernel/data/call-counter';
import { setTelemetryFactory } from '../src/kernel/observability/telemetry';
import { routes } from '../src/routes';
import { bootstrap, DEFAULT_TABLE_NAME } from './bootstrap';
import { emulatorClients } from './clients';
import {
  type DynamoLocalEmulator,
  type Emulator,
  emulatorCredentials,
  localRegion,
  startCognito,
  startDynamoLocal,
  startS3,
} from './emulators';
import { PlatformError } from './errors';
import { type Gateway, startGateway } from './gateway';
import { type MailCapture, startMailCapture } from './mail';
import { defaultDataDir } from './paths';
import { type Clock, type Scheduler, startScheduler } from './scheduler';
import { type SeedSummary, seedIfEmpty } from './seed';
import { type MergedSeedSummary, seedMergedWorld } from './seed-2026';
import { DEMO_TENANT } from './seed-data';
import { DONG_NAI_TENANT } from './seed-data-2026';
import { ensureLocalServerSigner, trustRoot } from './server-signer';
import { type StreamConsumer, startStreamConsumer } from './streams';
import { closeTelemetryFile, fileTelemetry } from './telemetry-file';

/**
 * The whole platform on this machine: the three emulators, the bootstrap, the local API gateway in front
 * of the real handler modules. `npm start` runs it in `persistent` mode (data under `.data/`, fixed
 * ports); the integration, end-to-end and benchmark suites run it in `memory` mode (DynamoDB Local
 * `-inMemory`, s3rver and cognito-local in a temporary folder removed on stop, free ports), so they never
 * touch `.data/` and can run beside `npm start`.
 *
 * Handler modules read their configuration from the environment once, at load, as in Lambda: the
 * platform sets that environment in this process before the first handler is imported. Hence one
 * platform per process (per vitest test file).
 */
export interface PlatformOptions {
  mode: 'persistent' | 'memory';
  /** Persistent mode: where data lives (default `.data/`). Ignored in memory mode. */
  dataDir?: string;
  /** Fixed ports (must be free); each one left out is picked free. */
  ports?: { api?: number; dynamodb?: number; s3?: number; cognito?: number; mail?: number; mailWeb?: number };
  /** Environment variable names that move each port, named in the busy-port message. */
  portEnvVars?: { api?: string; dynamodb?: string; s3?: string; cognito?: string };
  /** Origins of the web app, allowed by the API's and the bucket's CORS. Default http://localhost:5173. */
  webOrigins?: readonly string[];
  /** DynamoDB Local's JVM profile (see `startDynamoLocal`); benchmarks want `throughput`. */
  dynamoJvm?: 'fast-start' | 'throughput';
  /**
   * Memory mode: a DynamoDB Local already running (the test suites start one per run, see
   * tests/support/global-setup.ts) instead of a JVM of this platform's own. The platform makes a table of
   * its own there, named for this process, and deletes it on stop: test files share the JVM, never data.
   * No `dynamoPid` then: a test that freezes or kills DynamoDB Local needs its own.
   */
  sharedDynamo?: SharedDynamoLocal;
  /** Seed the demo world (seed-data.ts) when the table is empty. Default false. */
  seed?: boolean;
  /**
   * Memory mode, with `seed`: cognito-local's state holding the user pool, its client and groups and the
   * demo users, made once per test run (tests/support/pool-template.ts), copied into this platform's own
   * folder before its cognito-local starts. The copy is this platform's to change, as a pool of its own;
   * its pool id and users' subs are the template's, its signing key its own.
   */
  poolTemplate?: string;
  /**
   * With `seed`: also the world of December 2026 (seed-2026.ts) — Bình Phước's 2023 history, the merged
   * province of Đồng Nai and the merger. Default false (the suites that need it ask for it).
   */
  seedMerged?: boolean;
  /** Progress messages while starting (default: silent). */
  log?: (line: string) => void;
  /** One line per API request (default: silent). */
  accessLog?: (line: string) => void;
  /** How often the audit chain heads are anchored (default 15 minutes, as the AWS schedule). */
  auditAnchorEveryMs?: number;
  /** How often reminders and escalations are planned and the digest job runs (default hourly; each is sent once anyway). */
  remindersEveryMs?: number;
  /** The scheduler's clock (tests move it to play a deadline's days). */
  clock?: Clock;
  /**
   * How often the stream consumer reads the table's stream (default 300 ms). The benchmark polls only when
   * it drains: on AWS the outbox is delivered by another Lambda, not on the API's CPU.
   */
  streamPollMs?: number;
}

/** A running DynamoDB Local that platforms of several processes use, each with its own table. */
export interface SharedDynamoLocal {
  endpoint: string;
  version: string;
}

export interface Platform {
  apiUrl: string;
  webConfig: WebConfig;
  region: string;
  dynamoEndpoint: string;
  s3Endpoint: string;
  cognitoEndpoint: string;
  userPoolId: string;
  clientId: string;
  issuer: string;
  jwksUrl: string;
  tableName: string;
  bucketName: string;
  /** Where this platform keeps its files (a temporary folder in memory mode). */
  dataDir: string;
  /**
   * The functions' JSON log (Powertools Logger lines and EMF metrics, one request per line), what
   * CloudWatch Logs receives in AWS: `<dataDir>/logs/api.log`.
   */
  apiLogFile: string;
  /**
   * cognito-local's output, in memory mode too: each invitation (temporary password) and code it or the
   * gate "sends" is a "Confirmation Code Delivery" entry (`<dataDir>/logs/cognito.log`).
   */
  cognitoLogFile: string;
  dynamoLocalVersion: string;
  /** The mail the handlers sent (a real SMTP server on loopback; nothing is relayed), and its page. */
  mail: MailCapture;
  /**
   * DynamoDB Local's process id: tests stop, freeze (SIGSTOP/SIGCONT) or kill it to play an outage.
   * Undefined on a shared DynamoDB Local (`sharedDynamo`), which is not this platform's to stop.
   */
  dynamoPid: number | undefined;
  /** What was seeded at this start; undefined when seeding was off or the table held data already. */
  seeded: SeedSummary | undefined;
  /** What the December 2026 seed wrote at this start (with `seedMerged`). */
  seededMerged: MergedSeedSummary | undefined;
  /** The environment the handler modules were given (also set on `process.env`). */
  handlerEnv: Record<string, string>;
  /**
   * Scheduled jobs (EventBridge's part): `audit-anchor` anchors the audit chain heads,
   * `notification-reminders` plans deadline reminders and escalations; `notification-digest` sends the
   * daily digests; `notification-redeliver` sends again (same Message-ID) the e-mails whose claim's lease
   * ran out.
   */
  scheduler: Scheduler;
  /** The table's stream read into the notifications handler (Lambda's event source mapping). */
  streams: StreamConsumer;
  /** Stops the gateway and every emulator; in memory mode also deletes the temporary folder. */
  stop(): Promise<void>;
}

export const DEFAULT_WEB_ORIGIN = 'http://localhost:5173';

/** The handler environment of the platform already running in this process, if any. */
let handlerEnvInUse: string | undefined;

/** A shared DynamoDB Local as an emulator of this platform: stopping it leaves it running for the others. */
const sharedDynamoEmulator = (shared: SharedDynamoLocal): DynamoLocalEmulator => ({
  endpoint: shared.endpoint,
  port: Number(new URL(shared.endpoint).port),
  version: shared.version,
  pid: undefined,
  stop: async () => undefined,
});

/** Unique among the platforms of every process that share one DynamoDB Local. */
const sharedTableName = (): string =>
  `${DEFAULT_TABLE_NAME}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

/** Starts several services at once; if one fails, stops those that started and rethrows its error. */
async function startAll<T extends readonly Promise<Emulator>[]>(
  starting: T,
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(starting);
  const failure = settled.find((result) => result.status === 'rejected');
  if (failure) {
    await Promise.all(
      settled.map((result) => (result.status === 'fulfilled' ? result.value.stop() : Promise.resolve())),
    );
    throw failure.reason;
  }
  return settled.map((result) => (result as PromiseFulfilledResult<Emulator>).value) as {
    -readonly [K in keyof T]: Awaited<T[K]>;
  };
}

export async function startPlatform(options: PlatformOptions): Promise<Platform> {
  const log = options.log ?? (() => undefined);
  const memory = options.mode === 'memory';
  const dataDir = memory
    ? await mkdtemp(join(tmpdir(), 'thidua-platform-'))
    : resolve(options.dataDir ?? defaultDataDir);
  const webOrigins = options.webOrigins ?? [DEFAULT_WEB_ORIGIN];
  const ports = options.ports ?? {};
  const envVars = options.portEnvVars ?? {};
  const logFile = (name: string): { logFile?: string } =>
    memory ? {} : { logFile: join(dataDir, 'logs', `${name}.log`) };

  const cleanups: (() => Promise<void>)[] = [];
  const cleanup = async (): Promise<void> => {
    for (const step of cleanups.reverse()) await step().catch(() => undefined);
    cleanups.length = 0;
    if (memory) await rm(dataDir, { recursive: true, force: true });
  };

  try {
    const poolTemplate = memory && options.seed ? options.poolTemplate : undefined;
    if (poolTemplate) await cp(poolTemplate, join(dataDir, 'cognito'), { recursive: true });
    log('Starting DynamoDB Local, s3rver and cognito-local ...');
    const shared = memory ? options.sharedDynamo : undefined;
    const [dynamo, s3, cognito] = await startAll([
      shared
        ? Promise.resolve(sharedDynamoEmulator(shared))
        : (startDynamoLocal({
            inMemory: memory,
            jvm: options.dynamoJvm ?? 'fast-start',
            ...(memory ? {} : { dbPath: join(dataDir, 'dynamodb') }),
            ...(ports.dynamodb !== undefined ? { port: ports.dynamodb } : {}),
            ...(envVars.dynamodb ? { portEnvVar: envVars.dynamodb } : {}),
            ...logFile('dynamodb'),
          }) as Promise<DynamoLocalEmulator>),
      startS3({
        directory: join(dataDir, 's3'),
        ...(ports.s3 !== undefined ? { port: ports.s3 } : {}),
        ...(envVars.s3 ? { portEnvVar: envVars.s3 } : {}),
        ...logFile('s3rver'),
      }),
      startCognito({
        directory: join(dataDir, 'cognito'),
        ...(ports.cognito !== undefined ? { port: ports.cognito } : {}),
        ...(envVars.cognito ? { portEnvVar: envVars.cognito } : {}),
        // Kept in memory mode as well: tests read invitations and codes from it as a person would.
        logFile: join(dataDir, 'logs', 'cognito.log'),
      }),
    ] as const);
    cleanups.push(dynamo.stop, s3.stop, cognito.stop);
    log(
      `DynamoDB Local ${dynamo.version} on ${dynamo.endpoint}, s3rver on ${s3.endpoint}, cognito-local on ${cognito.endpoint}`,
    );

    const clients = emulatorClients({
      dynamoEndpoint: dynamo.endpoint,
      s3Endpoint: s3.endpoint,
      cognitoEndpoint: cognito.endpoint,
    });
    cleanups.push(async () => clients.destroy());
    const resources = await bootstrap({
      clients,
      cognitoEndpoint: cognito.endpoint,
      webOrigins,
      ...(shared ? { tableName: sharedTableName() } : {}),
    });
    if (shared) {
      // Runs before the clients are destroyed (cleanups run in reverse).
      cleanups.push(async () => {
        await clients.dynamo.send(new DeleteTableCommand({ TableName: resources.tableName }));
      });
    }
    log(
      `Bootstrapped table ${resources.tableName}, bucket ${resources.bucketName}, user pool ${resources.userPoolId}`,
    );

    const seedTarget = {
      dynamoEndpoint: dynamo.endpoint,
      s3Endpoint: s3.endpoint,
      cognitoEndpoint: cognito.endpoint,
      tableName: resources.tableName,
      userPoolId: resources.userPoolId,
      ...(poolTemplate ? { demoUsersInPool: true } : {}),
    };

    // Mail goes to a real SMTP server on loopback that keeps it (what SES would deliver on AWS).
    const mail = await startMailCapture({
      dir: join(dataDir, 'mail'),
      ...(ports.mail !== undefined ? { smtpPort: ports.mail } : {}),
      ...(ports.mailWeb !== undefined ? { webPort: ports.mailWeb } : {}),
    });
    cleanups.push(mail.stop);
    log(`Mail capture: SMTP on 127.0.0.1:${mail.smtpPort}, read at ${mail.webUrl}`);

    const apiLogFile = join(dataDir, 'logs', 'api.log');
    const handlerEnv: Record<string, string> = {
      TABLE_NAME: resources.tableName,
      BUCKET_NAME: resources.bucketName,
      AWS_REGION: localRegion,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      S3_ENDPOINT: s3.endpoint,
      USER_POOL_ID: resources.userPoolId,
      COGNITO_ENDPOINT: cognito.endpoint,
      PUBLIC_WEB_ORIGIN: webOrigins[0] ?? DEFAULT_WEB_ORIGIN,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(mail.smtpPort),
      AWS_ACCESS_KEY_ID: emulatorCredentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: emulatorCredentials.secretAccessKey,
      // s3rver does not understand the SDK's default trailing checksums; S3 itself accepts either.
      AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
      AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      // The audit chain's HMAC key: a file of this data directory, as KMS holds it on AWS.
      AUDIT_MAC_KEY_FILE: join(dataDir, 'audit', 'chain-mac.key'),
      // The key of e-mails' unsubscribe links: a file here, a KMS HMAC key on AWS (NOTIFY_LINK_KEY_ID).
      NOTIFY_LINK_KEY_FILE: join(dataDir, 'notifications', 'link-mac.key'),
      AUDIT_TENANTS: `${DEMO_TENANT},${DONG_NAI_TENANT}`,
      // The server-side signer of decisions: a software key of this data directory, as KMS holds it on AWS.
      SIGNER_KEY_FILE: join(dataDir, 'signing', 'server-signer.pem'),
      // Notifications mail through the capture above; retries wait 200 ms, 400 ms, 800 ms.
      MAIL_SENDER: 'smtp',
      NOTIFY_BACKOFF_MS: '200',
      // A test run's shared DynamoDB Local serves several files from one JVM, whose garbage collector
      // paused more than the 1.5 s a production attempt may take: twice a write without
      // Idempotency-Key answered 500 outcome_unknown on a quiet machine. The run's machine, not the
      // database; api-resilience freezes a JVM of its own and keeps the production timeout.
      ...(shared ? { DYNAMODB_REQUEST_TIMEOUT_MS: '5000' } : {}),
    };
    const envKey = JSON.stringify(handlerEnv);
    if (handlerEnvInUse !== undefined && handlerEnvInUse !== envKey) {
      throw new PlatformError(
        'A platform was already started in this process, and handler modules keep the configuration they were loaded with. Start one platform per process (per test file).',
      );
    }
    handlerEnvInUse = envKey;
    // A session token from the developer's own AWS environment must not ride along to the emulators.
    delete process.env.AWS_SESSION_TOKEN;
    delete process.env.AWS_PROFILE;
    Object.assign(process.env, handlerEnv);
    // The seeds write audit events (every unit and user starts its chain): sealed with this data
    // directory's chain key, so they run once the environment names that key.
    const seeded = options.seed ? await seedIfEmpty(seedTarget) : undefined;
    if (seeded) {
      log(
        `Seeded the demo world: ${seeded.units} units, ${seeded.users} users, ${seeded.campaigns} campaign, ${seeded.templates} form templates`,
      );
    }
    const seededMerged =
      seeded && options.seedMerged
        ? await seedMergedWorld({ ...seedTarget, bucketName: resources.bucketName })
        : undefined;

    // After the seeds (which write the demo's roots): the local server signer's root is trusted too.
    await trustRoot(
      clients.s3,
      resources.bucketName,
      await ensureLocalServerSigner(handlerEnv.SIGNER_KEY_FILE ?? ''),
    );

    // The handlers share this process's stdout: their log lines and metrics go to a file instead.
    setTelemetryFactory(fileTelemetry(apiLogFile));
    cleanups.push(async () => closeTelemetryFile(apiLogFile));
    const gateway: Gateway = await startGateway({
      routes,
      authorizer: { issuer: resources.issuer, audience: [resources.clientId], jwksUrl: resources.jwksUrl },
      corsOrigins: webOrigins,
      region: localRegion,
      ...(ports.api !== undefined ? { port: ports.api } : {}),
      ...(envVars.api ? { portEnvVar: envVars.api } : {}),
      ...(options.accessLog ? { accessLog: options.accessLog } : {}),
    });
    cleanups.push(gateway.stop);
    log(`API gateway on ${gateway.url}`);
    // E-mails' one-click unsubscribe links point at the API (`<web origin>/api` behind CloudFront on AWS).
    handlerEnv.PUBLIC_API_URL = gateway.url.replace(/\/$/, '');
    process.env.PUBLIC_API_URL = handlerEnv.PUBLIC_API_URL;

    type LambdaModule = { handler: (e: unknown, c: unknown) => Promise<unknown> };
    const notificationsHandler = async () =>
      ((await import('../src/handlers/notifications')) as LambdaModule).handler;
    // The outbox's delivery: the table's stream into the same handler as the event source mapping on AWS.
    const streams = await startStreamConsumer({
      dynamo: clients.dynamo,
      endpoint: dynamo.endpoint,
      region: localRegion,
      credentials: emulatorCredentials,
      tableName: resources.tableName,
      ...(options.streamPollMs !== undefined ? { pollMs: options.streamPollMs } : {}),
      handler: async () => {
        const h = await notificationsHandler();
        // Another Lambda on AWS: its DynamoDB calls are not counted with the API requests' (call-counter.ts).
        return (event) => dynamoCallCounter.background(() => h(event, {}));
      },
      log,
    });
    cleanups.push(streams.stop);

    // The notifications function's jobs: `{ job, time }`, as EventBridge Scheduler sends it on AWS (hourly
    // unless said otherwise).
    const notificationsJob = (name: string, everyMs = options.remindersEveryMs ?? 60 * 60_000) => ({
      name,
      everyMs,
      run: async (at: Date) => {
        const h = await notificationsHandler();
        return dynamoCallCounter.background(() => h({ job: name, time: at.toISOString() }, {}));
      },
    });
    // The same handler module and event as the EventBridge Scheduler schedule on AWS (infra/src/audit.ts).
    const scheduler = startScheduler({
      log,
      ...(options.clock ? { clock: options.clock } : {}),
      jobs: [
        notificationsJob('notification-reminders'),
        // The daily digest: hourly like on AWS; it sends from the configured hour, once per person a day.
        notificationsJob('notification-digest'),
        // E-mails whose sender died mid-send, sent again with the same Message-ID (infra/src/notifications.ts).
        notificationsJob('notification-redeliver', 10 * 60_000),
        {
          name: 'audit-anchor',
          everyMs: options.auditAnchorEveryMs ?? 15 * 60_000,
          run: async (at) => {
            const audit = (await import('../src/handlers/audit')) as {
              handler: (e: unknown, c: unknown) => unknown;
            };
            return audit.handler({ job: 'audit-anchor', time: at.toISOString() }, {});
          },
        },
      ],
    });
    cleanups.push(async () => scheduler.stop());

    let stopping: Promise<void> | undefined;
    return {
      apiUrl: gateway.url,
      webConfig: {
        apiUrl: gateway.url,
        region: localRegion,
        userPoolId: resources.userPoolId,
        clientId: resources.clientId,
        cognitoEndpoint: cognito.endpoint,
      },
      region: localRegion,
      dynamoEndpoint: dynamo.endpoint,
      s3Endpoint: s3.endpoint,
      cognitoEndpoint: cognito.endpoint,
      userPoolId: resources.userPoolId,
      clientId: resources.clientId,
      issuer: resources.issuer,
      jwksUrl: resources.jwksUrl,
      tableName: resources.tableName,
      bucketName: resources.bucketName,
      dataDir,
      apiLogFile,
      cognitoLogFile: join(dataDir, 'logs', 'cognito.log'),
      dynamoLocalVersion: dynamo.version,
      dynamoPid: dynamo.pid,
      mail,
      seeded,
      seededMerged,
      handlerEnv,
      scheduler,
      streams,
      stop: () => {
        stopping ??= cleanup();
        return stopping;
      },
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
