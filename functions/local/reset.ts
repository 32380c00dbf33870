import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { PlatformError } from './errors';
import { defaultDataDir, PLATFORM_PIDS_FILE } from './paths';
import { stopLeftovers } from './processes';

/**
 * `npm run reset`: deletes `.data/` — tables, uploaded files, Cognito users, logs — so the next
 * `npm start` begins from the demo world again. Refuses while `npm start` is running, whose emulators
 * hold those files open; stops what a crashed `npm start` left running.
 */
async function main(): Promise<void> {
  const where = relative(process.cwd(), defaultDataDir) || '.';
  if (!existsSync(defaultDataDir)) {
    console.log(`Nothing to reset: ${where}/ does not exist.`);
    return;
  }
  await stopLeftovers(join(defaultDataDir, PLATFORM_PIDS_FILE));
  await rm(defaultDataDir, { recursive: true, force: true });
  console.log(
    `Deleted ${where}/ (tables, uploaded files, Cognito users, logs). The next \`npm start\` seeds the demo world again.`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof PlatformError ? error.message : error);
  process.exit(1);
});
