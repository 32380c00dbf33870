import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ensureDynamoLocal, findJava } from './dynamodb-local';
import { PlatformError } from './errors';

/**
 * What `npm test` and `npm start` need before any emulator starts: Java 17+ (installed with apt-get on a
 * Debian machine when we run as root, as `npm test` installs Chromium; otherwise one line says what to
 * install) and the pinned DynamoDB Local in the cache (downloaded and verified once), so no test's
 * timeout and no start pays for the download.
 */

/** The JRE packages tried in order: Java 17 where the release has it (bookworm), else the default JRE. */
export const JAVA_PACKAGES = ['openjdk-17-jre-headless', 'default-jre-headless'] as const;

export interface JavaFacts {
  /** `findJava`'s verdict: usable, or the reason it is not (missing, too old). */
  java: { ok: true } | { ok: false; problem: string };
  debian: boolean;
  root: boolean;
}

export type JavaPlan =
  | { kind: 'ok' }
  | { kind: 'install'; candidates: readonly string[] }
  | { kind: 'message'; text: string };

/** The decision, pure: nothing to do, install with apt-get, or one line telling the person what to do. */
export function planJava(facts: JavaFacts): JavaPlan {
  if (facts.java.ok) return { kind: 'ok' };
  if (facts.debian && facts.root) return { kind: 'install', candidates: JAVA_PACKAGES };
  const what = facts.debian
    ? `install it with \`sudo apt-get install ${JAVA_PACKAGES[0]}\` (or ${JAVA_PACKAGES[1]} where that is missing), or run as root to have it installed`
    : 'install Java 17 or newer (macOS: `brew install openjdk@17`; Windows: Eclipse Temurin 17) and put `java` on the PATH';
  return { kind: 'message', text: `${facts.java.problem.split('. ')[0]}: ${what}, then run again.` };
}

/** The first package apt knows of (after `apt-get update`), or null. */
export const pickPackage = (candidates: readonly string[], known: (pkg: string) => boolean): string | null =>
  candidates.find(known) ?? null;

const probeJava = (): JavaFacts['java'] => {
  try {
    findJava();
    return { ok: true };
  } catch (error) {
    if (error instanceof PlatformError) return { ok: false, problem: error.message };
    throw error;
  }
};

function aptInstall(candidates: readonly string[], log: (line: string) => void): void {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args: string[]) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
  log('Java 17+ is missing: installing a headless JRE with apt-get (running as root)');
  if (!run(['update'])) throw new PlatformError('apt-get update failed; install Java 17+ and run again.');
  const known = (pkg: string) => spawnSync('apt-cache', ['show', pkg], { stdio: 'ignore' }).status === 0;
  const pkg = pickPackage(candidates, known);
  if (!pkg)
    throw new PlatformError(`apt knows none of ${candidates.join(', ')}; install Java 17+ and run again.`);
  if (!run(['install', '-y', '--no-install-recommends', pkg]))
    throw new PlatformError(`apt-get install ${pkg} failed; install Java 17+ and run again.`);
}

/** Java present (installing it when allowed), DynamoDB Local cached. Throws `PlatformError` otherwise. */
export async function prepareLocalPlatform(log: (line: string) => void = console.log): Promise<void> {
  const plan = planJava({
    java: probeJava(),
    debian: existsSync('/etc/debian_version'),
    root: typeof process.getuid === 'function' && process.getuid() === 0,
  });
  if (plan.kind === 'message') throw new PlatformError(plan.text);
  if (plan.kind === 'install') {
    aptInstall(plan.candidates, log);
    findJava();
  }
  const install = await ensureDynamoLocal();
  log(`DynamoDB Local ${install.version} ready in ${install.dir}`);
}

// `tsx functions/local/prepare.ts` (npm test's first step): the same, as a command.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await prepareLocalPlatform();
  } catch (error) {
    console.error(error instanceof PlatformError ? error.message : error);
    process.exit(1);
  }
}
