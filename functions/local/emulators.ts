import { appendFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCognitoGate } from './cognito-gate';
import { ensureSigningKey } from './cognito-keys';
import { startCognitoTriggers, writeCognitoConfig } from './cognito-triggers';
import { ensureDynamoLocal, findJava } from './dynamodb-local';
import { LAUNCHER_CLASS, loopbackLauncher } from './dynamodb-loopback';
import { PlatformError } from './errors';
import {
  assertPortFree,
  childEnv,
  freePort,
  LOOPBACK,
  onFreePort,
  type ServiceProcess,
  spawnService,
  WATCH_PARENT,
  waitForHttp,
} from './processes';
import { forwardTo, startFront } from './proxy';
import { asCallerWithoutListBucket, s3Refusal } from './s3-gate';

export { freePort } from './processes';

/**
 * The three AWS-compatible emulators, each a child process: DynamoDB Local (the official jar, Java),
 * s3rver and cognito-local. Each `start*` resolves once the emulator answers and returns its endpoint
 * and a `stop()`; a port that is given must be free (one clear error otherwise), a port left out is
 * picked free (what the test suites do). Every one listens on 127.0.0.1 only and exits with the process
 * that started it. s3rver and cognito-local are laxer than S3 and Cognito, so each sits behind a gate
 * (s3-gate.ts, cognito-gate.ts) on the advertised port and itself listens on a port nobody is told
 * about (docs/adr/0010-local-parity.md).
 */
export interface Emulator {
  /** `http://localhost:<port>` */
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

export interface StartDynamoLocalOptions {
  port?: number;
  /** `true`: nothing is written to disk (tests). `false`: tables live in `dbPath`. */
  inMemory: boolean;
  dbPath?: string;
  logFile?: string;
  /** Message suffix naming the variable that moves the port, for the busy-port error. */
  portEnvVar?: string;
  /**
   * `fast-start` (default): the JVM compiles with C1 only, which starts DynamoDB Local about three times
   * faster on a busy 2-core machine (every test file starts its own). `throughput`: the JVM's default
   * tiered compilation, slower to start and faster once warm (benchmarks).
   */
  jvm?: 'fast-start' | 'throughput';
}

export interface DynamoLocalEmulator extends Emulator {
  /** DynamoDB Local's version, e.g. `1.25.1`. */
  version: string;
  /** The JVM's process id (the resilience tests freeze it with SIGSTOP and kill it). */
  pid: number | undefined;
}

const requireFromHere = createRequire(import.meta.url);
const child = (name: string): string => fileURLToPath(new URL(`./children/${name}`, import.meta.url));
const COGNITO_LOCAL_KEYS = child('cognito-local-keys.cjs');
const packageDir = (name: string): string => dirname(requireFromHere.resolve(`${name}/package.json`));

async function portFor(requested: number | undefined, what: string, envVar?: string): Promise<number> {
  if (requested === undefined) return freePort();
  await assertPortFree(requested, what, envVar);
  return requested;
}

export async function startDynamoLocal(options: StartDynamoLocalOptions): Promise<DynamoLocalEmulator> {
  if (!options.inMemory && !options.dbPath) {
    throw new PlatformError('startDynamoLocal: a persistent DynamoDB Local needs a dbPath.');
  }
  const java = findJava();
  const install = await ensureDynamoLocal();
  const launcherDir = await loopbackLauncher(java, install);
  const port = await portFor(options.port, 'DynamoDB Local', options.portEnvVar);
  const storage = options.inMemory ? ['-inMemory'] : ['-dbPath', options.dbPath ?? ''];
  if (options.dbPath && !options.inMemory) await mkdir(options.dbPath, { recursive: true });
  const service = spawnService({
    name: `DynamoDB Local ${install.version}`,
    command: java,
    args: [
      ...(options.jvm === 'throughput' ? [] : ['-XX:TieredStopAtLevel=1']),
      `-Djava.library.path=${install.libDir}`,
      // DynamoDB Local has no option for the address; this launcher binds it to 127.0.0.1.
      '-cp',
      [install.jar, launcherDir].join(delimiter),
      LAUNCHER_CLASS,
      '-port',
      String(port),
      '-disableTelemetry',
      // One database for every access key and region, so the SDK's dummy credentials never matter.
      '-sharedDb',
      ...storage,
    ],
    cwd: options.inMemory ? tmpdir() : (options.dbPath ?? tmpdir()),
    ...(options.logFile ? { logFile: options.logFile } : {}),
    notFoundMessage: 'DynamoDB Local needs Java 17+, and `java` was not found.',
  });
  const endpoint = `http://localhost:${port}`;
  await waitForHttp(service, endpoint, { timeoutMs: 60_000 });
  return { endpoint, port, version: install.version, pid: service.child.pid, stop: service.stop };
}

export interface StartS3Options {
  port?: number;
  /** Where s3rver keeps buckets and objects (`.data/s3`, or a temporary folder in tests). */
  directory: string;
  logFile?: string;
  portEnvVar?: string;
}

/**
 * s3rver, path-style only (the handlers use `forcePathStyle` with S3_ENDPOINT). s3rver accepts requests
 * signed with the access key `S3RVER` / secret `S3RVER` (see `emulatorCredentials`). Bucket CORS for the
 * web origin is put by the bootstrap with PutBucketCors, as the CDK stack configures it in AWS.
 */
export async function startS3(options: StartS3Options): Promise<Emulator> {
  await mkdir(options.directory, { recursive: true });
  const port = await portFor(options.port, 's3rver', options.portEnvVar);
  const { service, internalPort } = await onFreePort(async (internalPort) => {
    const service = spawnService({
      name: 's3rver',
      command: process.execPath,
      args: [
        '--require',
        WATCH_PARENT,
        join(packageDir('s3rver'), 'bin', 's3rver.js'),
        '--directory',
        options.directory,
        '--port',
        String(internalPort),
        '--address',
        LOOPBACK,
        '--no-vhost-buckets',
      ],
      cwd: options.directory,
      env: childEnv(),
      ...(options.logFile ? { logFile: options.logFile } : {}),
    });
    try {
      await waitForHttp(service, `http://${LOOPBACK}:${internalPort}`, { timeoutMs: 30_000 });
    } catch (error) {
      await service.stop();
      throw error;
    }
    return { service, internalPort };
  });
  const upstream = `http://${LOOPBACK}:${internalPort}`;
  return withFront(service, {
    upstream,
    port,
    what: 's3rver',
    ...(options.portEnvVar ? { portEnvVar: options.portEnvVar } : {}),
    handle: async (request, forward) =>
      s3Refusal(request, emulatorCredentials) ?? asCallerWithoutListBucket(request, await forward(request)),
  });
}

/** Puts a gate on the advertised port in front of an emulator that already answers upstream. */
async function withFront(
  service: ServiceProcess,
  front: Parameters<typeof startFront>[0] & { port: number },
  alsoStop: () => Promise<void> = async () => undefined,
): Promise<Emulator> {
  const stopAll = async (gate?: { stop(): Promise<void> }): Promise<void> => {
    await gate?.stop();
    await service.stop();
    await alsoStop();
  };
  try {
    const gate = await startFront(front);
    return { endpoint: `http://localhost:${gate.port}`, port: gate.port, stop: () => stopAll(gate) };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

export interface StartCognitoOptions {
  port?: number;
  /** cognito-local's working directory: its state lands in `<directory>/.cognito/db`. */
  directory: string;
  logFile?: string;
  portEnvVar?: string;
}

/**
 * cognito-local behind the Cognito gate. Its tokens are RS256-signed with a key generated for this data
 * directory (`<directory>/signing-key.json`, see cognito-keys.ts; the key shipped inside the package is
 * never used), published at `<endpoint>/<poolId>/.well-known/jwks.json`. The issuer is
 * `http://localhost:<port>/<poolId>` (the gate's port). ID tokens carry `aud` = client id,
 * `token_use: "id"`, `sub`, `email`, `cognito:username`, every `custom:*` attribute and `cognito:groups`
 * (an array); access tokens carry `client_id` and `token_use: "access"` and no `aud`. Standard attributes
 * such as `name`, which Cognito puts in ID tokens and cognito-local does not, are added through its
 * PreTokenGeneration trigger (cognito-triggers.ts), started and stopped with it.
 */
/** What the gate sends, written to the cognito log as cognito-local writes its own deliveries. */
const deliverToLog =
  (logFile: string) =>
  (m: { username: string; destination: string; code: string }): void =>
    appendFileSync(
      logFile,
      `\nConfirmation Code Delivery (Cognito gate: AdminCreateUser RESEND)\nUsername: ${m.username}\nDestination: ${m.destination}\nCode: ${m.code}\n`,
    );

export async function startCognito(options: StartCognitoOptions): Promise<Emulator> {
  await mkdir(options.directory, { recursive: true });
  const port = await portFor(options.port, 'cognito-local', options.portEnvVar);
  const endpoint = `http://localhost:${port}`;
  const keyFile = join(options.directory, 'signing-key.json');
  const key = await ensureSigningKey(keyFile);
  const triggers = await startCognitoTriggers();
  await writeCognitoConfig(options.directory, triggers.endpoint, endpoint);
  const start = async (internalPort: number) => {
    const service = spawnService({
      name: 'cognito-local',
      command: process.execPath,
      args: [
        '--require',
        WATCH_PARENT,
        '--require',
        COGNITO_LOCAL_KEYS,
        join(packageDir('cognito-local'), 'lib', 'bin', 'start.js'),
      ],
      cwd: options.directory,
      env: childEnv({
        PORT: String(internalPort),
        HOST: LOOPBACK,
        THIDUA_COGNITO_KEY_FILE: keyFile,
        THIDUA_COGNITO_LOCAL_DIR: packageDir('cognito-local'),
      }),
      ...(options.logFile ? { logFile: options.logFile } : {}),
    });
    try {
      await waitForHttp(service, `http://${LOOPBACK}:${internalPort}/health`, {
        timeoutMs: 30_000,
        ready: (status) => status === 200,
      });
    } catch (error) {
      await service.stop();
      throw error;
    }
    return { service, internalPort };
  };
  let started: Awaited<ReturnType<typeof start>>;
  try {
    started = await onFreePort(start);
  } catch (error) {
    await triggers.stop();
    throw error;
  }
  const { service, internalPort } = started;
  const upstream = `http://${LOOPBACK}:${internalPort}`;
  const gate = createCognitoGate({
    publicEndpoint: endpoint,
    publicJwk: key.publicJwk,
    credentials: emulatorCredentials,
    stateFile: join(options.directory, 'gate-state.json'),
    forward: forwardTo(upstream),
    ...(options.logFile ? { deliver: deliverToLog(options.logFile) } : {}),
  });
  return withFront(
    service,
    {
      upstream,
      port,
      what: 'cognito-local',
      ...(options.portEnvVar ? { portEnvVar: options.portEnvVar } : {}),
      handle: (request) => gate(request),
    },
    triggers.stop,
  );
}

/**
 * Credentials for every SDK client that talks to the emulators. The S3 and Cognito gates verify SigV4
 * signatures made with exactly this pair (s3rver knows it too); DynamoDB Local (`-sharedDb`) accepts
 * anything, so one pair serves all three.
 */
export const emulatorCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

/** The region the local platform claims to be in (the SDK needs one; the emulators ignore it). */
export const localRegion = 'ap-southeast-1';
