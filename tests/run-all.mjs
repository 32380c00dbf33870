#!/usr/bin/env node
// `npm test`: every suite in order, stopping at the first failure. Each step is a plain command so a
// failure names the suite that failed. The AWS SDK's one-time "Node < 22" notice is switched off with
// its own documented variable; nothing else is filtered.
import { spawnSync } from 'node:child_process';

const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
const steps = [
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
