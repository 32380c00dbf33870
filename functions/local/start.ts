import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { PlatformError } from './errors';
import { defaultDataDir, PLATFORM_PIDS_FILE, repoRoot } from './paths';
import { type Platform, startPlatform } from './platform';
import { prepareLocalPlatform } from './prepare';
import {
  assertPortFree,
  childEnv,
  LOOPBACK,
  recordChildrenIn,
  type ServiceProcess,
  spawnService,
  stopLeftovers,
  WATCH_PARENT,
  waitForHttp,
} from './processes';
import { DEMO_PASSWORD, demoUsers } from './seed-data';
import { dongNaiUsers } from './seed-data-2026';

/**
 * `npm start`: the whole platform on this machine, data under `.data/` (kept across restarts; THIDUA_DATA_DIR
 * moves it), then the web app's Vite dev server pointed at it. Prints one summary. Ctrl-C (or SIGTERM)
 * stops every child. A problem the person can fix (busy port, no Java, an emulator that will not start) is
 * one message and exit code 1, without a stack trace.
 *
 * A start killed without warning (`kill -9`, a closed laptop lid's OOM killer) cannot stop its children, so
 * two things make the next start work anyway: every child exits by itself once its parent is gone
 * (children/watch-parent.cjs, and the DynamoDB Local launcher), and the live children are listed in
 * `<data>/platform.pids`; the next start stops whatever of that list still runs before it checks the ports.
 */

const portFromEnv = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new PlatformError(`${name}=${raw} is not a port number (1-65535).`);
  }
  return port;
};

const dataDir = process.env.THIDUA_DATA_DIR ? resolve(process.env.THIDUA_DATA_DIR) : defaultDataDir;
const pidFile = join(dataDir, PLATFORM_PIDS_FILE);
let platform: Platform | undefined;
let web: ServiceProcess | undefined;
let stopping = false;
let ownsPidFile = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await web?.stop();
    await platform?.stop();
    if (ownsPidFile) await rm(pidFile, { force: true });
  }
  process.exit(code);
}

async function main(): Promise<void> {
  const ports = {
    web: portFromEnv('WEB_PORT', 5173),
    api: portFromEnv('API_PORT', 3000),
    dynamodb: portFromEnv('DYNAMODB_PORT', 8000),
    s3: portFromEnv('S3_PORT', 4569),
    cognito: portFromEnv('COGNITO_PORT', 9229),
    mail: portFromEnv('MAIL_PORT', 2525),
    mailWeb: portFromEnv('MAIL_WEB_PORT', 8025),
  };
  await mkdir(dataDir, { recursive: true });
  const stopped = await stopLeftovers(pidFile);
  if (stopped > 0)
    console.log(`  Stopped ${stopped} process(es) left running by a previous start that crashed.`);
  recordChildrenIn(pidFile);
  ownsPidFile = true;
  // Every port is checked before anything starts, so a busy one costs nothing to fix.
  await assertPortFree(ports.web, 'web app', 'WEB_PORT');
  await assertPortFree(ports.api, 'API gateway', 'API_PORT');
  await assertPortFree(ports.dynamodb, 'DynamoDB Local', 'DYNAMODB_PORT');
  await assertPortFree(ports.s3, 's3rver', 'S3_PORT');
  await assertPortFree(ports.cognito, 'cognito-local', 'COGNITO_PORT');
  await assertPortFree(ports.mail, 'mail capture (SMTP)', 'MAIL_PORT');
  await assertPortFree(ports.mailWeb, 'mail capture (page)', 'MAIL_WEB_PORT');

  const webOrigin = `http://localhost:${ports.web}`;
  const progress = (line: string): void => console.log(`  ${line}`);
  console.log('Thi đua — starting the local platform');
  // Java (installed with apt-get when we may) and DynamoDB Local, as `npm test` prepares them.
  await prepareLocalPlatform(progress);

  platform = await startPlatform({
    mode: 'persistent',
    dataDir,
    seed: true,
    seedMerged: true,
    ports: {
      api: ports.api,
      dynamodb: ports.dynamodb,
      s3: ports.s3,
      cognito: ports.cognito,
      mail: ports.mail,
      mailWeb: ports.mailWeb,
    },
    portEnvVars: { api: 'API_PORT', dynamodb: 'DYNAMODB_PORT', s3: 'S3_PORT', cognito: 'COGNITO_PORT' },
    webOrigins: [webOrigin],
    log: progress,
    accessLog: (line) => console.log(`[api] ${line}`),
  });

  const webConfigFile = join(dataDir, 'web-config.json');
  await writeFile(webConfigFile, `${JSON.stringify(platform.webConfig, null, 2)}\n`);

  const webDir = resolve(repoRoot, 'web');
  const viteBin = join(
    createRequire(join(webDir, 'package.json')).resolve('vite/package.json'),
    '..',
    'bin',
    'vite.js',
  );
  let webReady = false;
  web = spawnService({
    name: 'Vite dev server (web/)',
    command: process.execPath,
    args: [
      '--require',
      WATCH_PARENT,
      viteBin,
      '--host',
      LOOPBACK,
      '--port',
      String(ports.web),
      '--strictPort',
    ],
    cwd: webDir,
    env: childEnv({ THIDUA_WEB_CONFIG: webConfigFile }),
    logFile: join(dataDir, 'logs', 'web.log'),
    // Vite's own banner would be a second summary; after ours, its messages (errors, reloads) show.
    onLine: (line) => {
      if (webReady) console.log(`[web] ${line}`);
    },
  });
  progress(`Starting the web app on ${webOrigin} ...`);
  await waitForHttp(web, `${webOrigin}/`, { timeoutMs: 60_000 });
  webReady = true;
  web.exited.then(
    (code) => {
      // On Ctrl-C the terminal signals Vite too; give our own SIGINT handler the chance to run first.
      setTimeout(() => {
        if (stopping) return;
        console.error(
          `The Vite dev server stopped (exit code ${code}); stopping the platform. See .data/logs/web.log.`,
        );
        void shutdown(1);
      }, 500);
    },
    () => undefined,
  );

  const health = await fetch(`${platform.apiUrl}/health`).then(
    async (response) => `${response.status} ${await response.text()}`,
    (error: unknown) => `unreachable (${String(error)})`,
  );

  const where = relative(process.cwd(), dataDir) || '.';
  const width = Math.max(...[...demoUsers, ...dongNaiUsers].map((user) => user.email.length));
  console.log(
    [
      '',
      '────────────────────────────────────────────────────────────────────────────',
      ' Thi đua is running (Ctrl-C stops everything)',
      '',
      `   Web app         ${webOrigin}`,
      `   API             ${platform.apiUrl}      health: ${platform.apiUrl}/health → ${health}`,
      `   DynamoDB Local  ${platform.dynamoEndpoint}  (${platform.dynamoLocalVersion}, table ${platform.tableName})`,
      `   S3 (s3rver)     ${platform.s3Endpoint}  (bucket ${platform.bucketName})`,
      `   Cognito (local) ${platform.cognitoEndpoint}  (pool ${platform.userPoolId}, client ${platform.clientId})`,
      `   Mail (captured) ${platform.mail.webUrl}  (SMTP 127.0.0.1:${platform.mail.smtpPort}; nothing leaves this machine)`,
      '',
      `   Data lives in ${where}/ (dynamodb, s3, cognito, mail, logs); \`npm run reset\` wipes it.`,
      platform.seeded
        ? `   Seeded the demo world: ${platform.seeded.units} units, ${platform.seeded.users} users, the 2023 campaign (Plan 38/KH-UBND) with ${platform.seeded.templates} forms.`
        : '   Demo world already present (kept from the last run).',
      '',
      `   Demo logins — every password is ${DEMO_PASSWORD}`,
      ...demoUsers.map(
        (user) => `     ${user.email.padEnd(width)}  ${user.roles.join(', ')} · ${user.title}`,
      ),
      '   The merged province of Đồng Nai (December 2026; Bình Phước merged in on 1/7/2025):',
      ...dongNaiUsers.map(
        (user) => `     ${user.email.padEnd(width)}  ${user.roles.join(', ')} · ${user.title}`,
      ),
      '────────────────────────────────────────────────────────────────────────────',
      '',
    ].join('\n'),
  );
}

/**
 * `npm start` runs us as npm → sh → tsx → this process. A SIGTERM sent to npm alone stops npm and its
 * shell, but the shell does not pass it on, and we would live on as an orphan with every emulator. So we
 * watch our launcher chain (on Linux, through /proc) and stop when it goes away.
 */
function stopWhenOrphaned(): void {
  if (!existsSync('/proc')) return;
  const parentOf = (pid: number): number | undefined => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // "pid (command name) state ppid ...": the name may contain spaces and parentheses.
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      return undefined;
    }
  };
  const parent = process.ppid;
  const launcher = parentOf(parent);
  if (launcher === undefined || launcher <= 1) return;
  setInterval(() => {
    if (stopping || (process.ppid === parent && parentOf(parent) === launcher)) return;
    console.log('\nThe command that started the platform is gone: stopping ...');
    void shutdown(0);
  }, 1_000).unref();
}
stopWhenOrphaned();

process.once('SIGINT', () => {
  console.log('\nStopping ...');
  void shutdown(0);
});
process.once('SIGTERM', () => void shutdown(0));

main().catch(async (error: unknown) => {
  if (error instanceof PlatformError) console.error(`\n${error.message}`);
  else console.error('\nThe local platform failed to start:', error);
  await shutdown(1);
});
