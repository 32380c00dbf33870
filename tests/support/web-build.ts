import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '../..');

/** A production build of the web app (as `npm run build -w web` makes it), in a temporary folder. */
export interface WebBuild {
  dir: string;
  remove(): Promise<void>;
}

export async function buildWeb(): Promise<WebBuild> {
  const dir = await mkdtemp(join(tmpdir(), 'thidua-web-dist-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    await build({ root: join(ROOT, 'web'), logLevel: 'warn', build: { outDir: dir, emptyOutDir: true } });
    return { dir, remove };
  } catch (e) {
    await remove();
    throw e;
  }
}
