import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@thidua/functions/local/emulators';
import { PLATFORM_PIDS_FILE, repoRoot } from '@thidua/functions/local/paths';
import { isAlive } from '@thidua/functions/local/processes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { externalAddresses, reachable } from '../support/network';

/**
 * `npm start` killed with SIGKILL (no handler runs) must not leave its emulators and Vite behind, and the
 * next start must simply work. The start script runs here as it does under `npm start` (tsx, one Node
 * process), against a temporary data directory and free ports, so it never touches `.data/`.
 */
let dataDir: string;
let env: NodeJS.ProcessEnv;
const running = new Set<ChildProcess>();

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'thidua-start-'));
  env = {
    ...process.env,
    THIDUA_DATA_DIR: dataDir,
    WEB_PORT: String(await freePort()),
    API_PORT: String(await freePort()),
    DYNAMODB_PORT: String(await freePort()),
    S3_PORT: String(await freePort()),
    COGNITO_PORT: String(await freePort()),
  };
  delete env.NODE_OPTIONS; // vitest's loader hooks are not for the child
});

afterAll(async () => {
  for (const child of running) child.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

/** Starts `functions/local/start.ts` and resolves once it prints its summary (or rejects with its output). */
function start(): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'functions/local/start.ts')], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let text = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      text += chunk.toString('utf8');
      if (text.includes('Thi đua is running')) resolve({ child, output: () => text });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`start.ts exited (${code}) before it was ready:\n${text}`)),
    );
  });
}

const recordedChildren = (): number[] => {
  const record = JSON.parse(readFileSync(join(dataDir, PLATFORM_PIDS_FILE), 'utf8')) as {
    children: Record<string, string>;
  };
  return Object.keys(record.children).map(Number);
};

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

describe('npm start after its own crash', () => {
  it('its children stop with it when it is killed with SIGKILL, and the next start succeeds', async () => {
    const first = await start();
    const children = recordedChildren();
    // DynamoDB Local, s3rver, cognito-local, Vite.
    expect(children).toHaveLength(4);
    expect(children.every(isAlive)).toBe(true);

    first.child.kill('SIGKILL');
    expect(await waitUntil(() => !children.some(isAlive), 10_000), 'children outlived the killed start').toBe(
      true,
    );

    const second = await start();
    expect(second.output()).toContain('Demo world already present');
    const health = await fetch(`http://127.0.0.1:${env.API_PORT}/health`);
    expect(health.status).toBe(200);
    const web = await fetch(`http://127.0.0.1:${env.WEB_PORT}/`);
    expect(web.status).toBe(200);
    // Vite too listens on the loopback interface only (the emulators are checked in parity.test.ts).
    for (const address of externalAddresses()) {
      expect(await reachable(address, Number(env.WEB_PORT)), `web app on ${address}`).toBe(false);
    }

    const exited = new Promise<number | null>((resolve) => second.child.once('exit', resolve));
    second.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(recordedChildrenGone()).toBe(true);
  }, 300_000);
});

/** After a clean stop the record is removed. */
const recordedChildrenGone = (): boolean => {
  try {
    readFileSync(join(dataDir, PLATFORM_PIDS_FILE));
    return false;
  } catch {
    return true;
  }
};
