import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startCognitoTriggers, writeCognitoConfig } from './cognito-triggers';
import { ensureDynamoLocal, findJava } from './dynamodb-local';
import { PlatformError } from './errors';
import { assertPortFree, childEnv, freePort, spawnService, waitForHttp } from './processes';

export { freePort } from './processes';

/**
 * The three AWS-compatible emulators, each a child process: DynamoDB Local (the official jar, Java),
 * s3rver and cognito-local. Each `start*` resolves once the emulator answers and returns its endpoint
 * and a `stop()`; a port that is given must be free (one clear error otherwise), a port left out is
 * picked free (what the test suites do).
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
  const port = await portFor(options.port, 'DynamoDB Local', options.portEnvVar);
  const storage = options.inMemory ? ['-inMemory'] : ['-dbPath', options.dbPath ?? ''];
  if (options.dbPath && !options.inMemory) await mkdir(options.dbPath, { recursive: true });
  const service = spawnService({
    name: `DynamoDB Local ${install.version}`,
    command: java,
    args: [
      ...(options.jvm === 'throughput' ? [] : ['-XX:TieredStopAtLevel=1']),
      `-Djava.library.path=${install.libDir}`,
      '-jar',
      install.jar,
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
  const service = spawnService({
    name: 's3rver',
    command: process.execPath,
    args: [
      join(packageDir('s3rver'), 'bin', 's3rver.js'),
      '--directory',
      options.directory,
      '--port',
      String(port),
      '--address',
      'localhost',
      '--no-vhost-buckets',
    ],
    cwd: options.directory,
    env: childEnv(),
    ...(options.logFile ? { logFile: options.logFile } : {}),
  });
  const endpoint = `http://localhost:${port}`;
  await waitForHttp(service, endpoint, { timeoutMs: 30_000 });
  return { endpoint, port, stop: service.stop };
}

export interface StartCognitoOptions {
  port?: number;
  /** cognito-local's working directory: its state lands in `<directory>/.cognito/db`. */
  directory: string;
  logFile?: string;
  portEnvVar?: string;
}

/**
 * cognito-local. Its tokens are RS256-signed with one key that ships inside the package (kid
 * `CognitoLocal`), published at `<endpoint>/<poolId>/.well-known/jwks.json`. The issuer is
 * `http://localhost:<port>/<poolId>` (derived from the PORT and HOST it is started with). ID tokens carry
 * `aud` = client id, `token_use: "id"`, `sub`, `email`, `cognito:username`, every `custom:*` attribute and
 * `cognito:groups` (an array); access tokens carry `client_id` and `token_use: "access"` and no `aud`.
 * Standard attributes such as `name`, which Cognito puts in ID tokens and cognito-local does not, are
 * added through its PreTokenGeneration trigger (cognito-triggers.ts), started and stopped with it.
 */
export async function startCognito(options: StartCognitoOptions): Promise<Emulator> {
  await mkdir(options.directory, { recursive: true });
  const port = await portFor(options.port, 'cognito-local', options.portEnvVar);
  const triggers = await startCognitoTriggers();
  await writeCognitoConfig(options.directory, triggers.endpoint);
  const service = spawnService({
    name: 'cognito-local',
    command: process.execPath,
    args: [join(packageDir('cognito-local'), 'lib', 'bin', 'start.js')],
    cwd: options.directory,
    env: childEnv({ PORT: String(port), HOST: 'localhost' }),
    ...(options.logFile ? { logFile: options.logFile } : {}),
  });
  const endpoint = `http://localhost:${port}`;
  const stop = async (): Promise<void> => {
    await service.stop();
    await triggers.stop();
  };
  try {
    await waitForHttp(service, `${endpoint}/health`, {
      timeoutMs: 30_000,
      ready: (status) => status === 200,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, port, stop };
}

/**
 * Credentials for every SDK client that talks to the emulators. s3rver only accepts its own fixed key
 * pair; DynamoDB Local (`-sharedDb`) and cognito-local accept anything, so one pair serves all three.
 */
export const emulatorCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

/** The region the local platform claims to be in (the SDK needs one; the emulators ignore it). */
export const localRegion = 'ap-southeast-1';
