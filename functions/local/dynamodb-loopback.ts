import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DynamoLocalInstall, run } from './dynamodb-local';
import { PlatformError } from './errors';

/**
 * DynamoDB Local has no option for its listening address (only `-port`), so it would serve every network
 * interface without authentication. `children/LoopbackDynamoDBLocal.java` starts it bound to 127.0.0.1.
 * It is compiled once per source version into the DynamoDB Local cache, with the Java compiler module of
 * the same `java` (`java -m jdk.compiler/...`: no separate `javac` needed where the runtime has the module,
 * as Debian's openjdk-17-jre-headless does); compiling at every start would cost ~3 s.
 */
const SOURCE = fileURLToPath(new URL('./children/LoopbackDynamoDBLocal.java', import.meta.url));
export const LAUNCHER_CLASS = 'LoopbackDynamoDBLocal';

/** The folder holding the compiled launcher, to put on the class path after DynamoDB Local's jar. */
export async function loopbackLauncher(java: string, install: DynamoLocalInstall): Promise<string> {
  const hash = createHash('sha256').update(readFileSync(SOURCE)).digest('hex').slice(0, 16);
  const dir = join(install.dir, `loopback-${hash}`);
  if (existsSync(join(dir, `${LAUNCHER_CLASS}.class`))) return dir;
  await mkdir(dirname(dir), { recursive: true });
  const work = await mkdtemp(`${dir}.tmp-`);
  try {
    const compiled = await run(
      java,
      ['-m', 'jdk.compiler/com.sun.tools.javac.Main', '-nowarn', '-cp', install.jar, '-d', work, SOURCE],
      work,
    ).catch((error: unknown) => ({ code: 1, out: String(error) }));
    if (compiled.code !== 0) {
      throw new PlatformError(
        `Could not compile the launcher that binds DynamoDB Local to 127.0.0.1 (it needs the jdk.compiler module: install a full JDK 17+, e.g. openjdk-17-jdk-headless).\n${compiled.out.trim().slice(-2000)}`,
      );
    }
    // Two starts may compile at once: the first rename wins, the other finds the class there.
    await rename(work, dir).catch(() => undefined);
    if (!existsSync(join(dir, `${LAUNCHER_CLASS}.class`))) {
      throw new PlatformError(`The compiled DynamoDB Local launcher is missing from ${dir}.`);
    }
    return dir;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
