import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { relative } from 'node:path';
import { PlatformError } from './errors';
import { defaultDataDir } from './paths';

/**
 * `npm run reset`: deletes `.data/` — tables, uploaded files, Cognito users, logs — so the next
 * `npm start` begins from the demo world again. Refuses while `npm start` is running, whose emulators
 * hold those files open.
 */
function runningPlatformPid(): number | undefined {
  const pidFile = `${defaultDataDir}/platform.pid`;
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const where = relative(process.cwd(), defaultDataDir) || '.';
  const pid = runningPlatformPid();
  if (pid !== undefined) {
    throw new PlatformError(
      `\`npm start\` is running (process ${pid}). Stop it (Ctrl-C) before resetting ${where}/.`,
    );
  }
  if (!existsSync(defaultDataDir)) {
    console.log(`Nothing to reset: ${where}/ does not exist.`);
    return;
  }
  await rm(defaultDataDir, { recursive: true, force: true });
  console.log(
    `Deleted ${where}/ (tables, uploaded files, Cognito users, logs). The next \`npm start\` seeds the demo world again.`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof PlatformError ? error.message : error);
  process.exit(1);
});
