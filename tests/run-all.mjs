#!/usr/bin/env node
// `npm test`: every suite in order, stopping at the first failing stage. Each step is a plain command so
// a failure names the suite that failed. The AWS SDK's one-time "Node < 22" notice is switched off with
// its own documented variable; nothing else is filtered.
import { spawn, spawnSync } from 'node:child_process';
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

/**
 * Each stage is one command, or several run at once: typecheck and lint (tsc and Biome, about 15 s of
 * CPU) beside the unit tests, whose vitest start and module graph leave the second core idle a while.
 */
const steps = [
  [['Java and DynamoDB Local (downloaded and verified once)', 'npx', ['tsx', 'functions/local/prepare.ts']]],
  [
    ['typecheck and lint', 'npm', ['run', 'check']],
    ['unit and infrastructure tests', 'npx', ['vitest', 'run', '--project', 'unit', '--project', 'infra']],
  ],
  [
    [
      'integration tests (DynamoDB Local, s3rver, cognito-local)',
      'npx',
      ['vitest', 'run', '--project', 'integration'],
    ],
  ],
  [['browser end-to-end tests (Chromium)', 'npx', ['vitest', 'run', '--project', 'e2e']]],
];

/** Runs one command; its output is printed as it comes (`live`), or at its end (beside a live one). */
function run([name, cmd, args], live) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const t0 = Date.now();
  const child = spawn(cmd, args, { stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'], env });
  const output = [];
  child.stdout?.on('data', (chunk) => output.push(chunk));
  child.stderr?.on('data', (chunk) => output.push(chunk));
  return new Promise((resolve) => {
    child.on('close', (code) => {
      if (output.length > 0) process.stdout.write(`\n=== ${name}: output\n${Buffer.concat(output)}`);
      const seconds = ((Date.now() - t0) / 1000).toFixed(1);
      console.log(`=== ${name}: ${code === 0 ? 'ok' : 'FAILED'} in ${seconds} s`);
      resolve(code ?? 1);
    });
  });
}

const started = Date.now();
for (const stage of steps) {
  const codes = await Promise.all(stage.map((step, i) => run(step, i === stage.length - 1)));
  const failed = codes.find((code) => code !== 0);
  if (failed !== undefined) process.exit(failed);
}
console.log(`\nAll suites passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
