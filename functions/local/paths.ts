import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file so that `npm start` works from any working directory. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where `npm start` keeps everything it persists (git-ignored; `npm run reset` deletes it). */
export const defaultDataDir = resolve(repoRoot, '.data');

/** Downloaded tools (git-ignored): the DynamoDB Local jar. */
export const cacheDir = resolve(repoRoot, '.cache');

/** In a data directory: the running platform's pid and its children's (see processes.ts `stopLeftovers`). */
export const PLATFORM_PIDS_FILE = 'platform.pids';
