#!/usr/bin/env node
// `npm test`: every suite in order, stopping at the first failure. Each step is a plain command so a
// failure names the suite that failed. The AWS SDK's one-time "Node < 22" notice is switched off with
// its own documented variable; nothing else is filtered.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

// The browser suite drives Debian's Chromium at this path (playwright-core, no downloaded browsers).
// Checked first, so a missing browser costs seconds, not a whole run.
const CHROMIUM = '/usr/bin/chromium';
function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const debian = existsSync('/etc/debian_version');
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (debian && root) {
    console.log(`=== ${CHROMIUM} is missing: installing Debian's chromium package with apt-get`);
    const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env: aptEnv });
    const install =
      update.status === 0
        ? spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
            stdio: 'inherit',
            env: aptEnv,
          })
        : update;
    if (install.status === 0 && existsSync(CHROMIUM)) return;
    console.error(
      `\nCould not install Chromium with apt-get; install the "chromium" package and run npm test again.`,
    );
    process.exit(1);
  }
  console.error(
    `\nThe browser end-to-end tests need Chromium at ${CHROMIUM}, which is missing.\n` +
      (debian
        ? 'Install it as root: apt-get install chromium (or run npm test as root, which installs it).'
        : 'Install Chromium (Debian/Ubuntu package "chromium") so that it is at that path, e.g. a Debian machine or container.') +
      '\nThen run npm test again.',
  );
  process.exit(1);
}
ensureChromium();

const steps = [
  ['Java and DynamoDB Local (downloaded and verified once)', 'npx', ['tsx', 'functions/local/prepare.ts']],
  ['typecheck and lint', 'npm', ['run', 'check']],
  ['unit and infrastructure tests', 'npx', ['vitest', 'run', '--project', 'unit', '--project', 'infra']],
  [
    'integration tests (DynamoDB Local, s3rver, cognito-local)',
    'npx',
    ['vitest', 'run', '--project', 'integration'],
  ],
  ['browser end-to-end tests (Chromium)', 'npx', ['vitest', 'run', '--project', 'e2e']],
];

const started = Date.now();
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  console.log(
    `=== ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}
console.log(`\nAll suites passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
