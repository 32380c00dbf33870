import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PlatformError } from './errors';
import { isAlive, onFreePort, stopLeftovers } from './processes';

/**
 * The second half of crash recovery: whatever a crashed start left running (here: processes that do not
 * watch their parent) is found through the record in the data directory and stopped — only processes
 * whose command line is the recorded one, never a stranger that reuses a pid.
 */
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const SLEEPER = ['-e', 'setInterval(() => {}, 1000)'];

/** A pid that belonged to a process which has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid ?? 0;
}

async function record(parent: number, children: Record<number, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'thidua-leftovers-'));
  dirs.push(dir);
  const file = join(dir, 'platform.pids');
  writeFileSync(file, JSON.stringify({ parent, children }));
  return file;
}

describe('stopLeftovers', () => {
  it('stops the recorded children of a parent that is gone, and leaves other processes alone', async () => {
    const leftover = spawn(process.execPath, SLEEPER, { stdio: 'ignore' });
    const stranger = spawn(process.execPath, [...SLEEPER, 'stranger'], { stdio: 'ignore' });
    try {
      const leftoverPid = leftover.pid ?? 0;
      const strangerPid = stranger.pid ?? 0;
      const file = await record(await deadPid(), {
        [leftoverPid]: [process.execPath, ...SLEEPER].join(' '),
        // A recorded pid now used by a process with another command line.
        [strangerPid]: [process.execPath, '-e', 'something else'].join(' '),
      });
      const exited = new Promise((resolve) => leftover.once('exit', resolve));
      expect(await stopLeftovers(file)).toBe(1);
      await exited;
      expect(isAlive(leftoverPid)).toBe(false);
      expect(isAlive(strangerPid)).toBe(true);
    } finally {
      leftover.kill('SIGKILL');
      stranger.kill('SIGKILL');
    }
  });

  it('refuses while the recorded platform itself is still running', async () => {
    const platform = spawn(process.execPath, [...SLEEPER, 'functions/local/start.ts'], { stdio: 'ignore' });
    try {
      const file = await record(platform.pid ?? 0, {});
      await expect(stopLeftovers(file)).rejects.toThrow(PlatformError);
    } finally {
      platform.kill('SIGKILL');
    }
  });

  it('does nothing without a record', async () => {
    expect(await stopLeftovers(join(tmpdir(), 'no-such-dir', 'platform.pids'))).toBe(0);
  });
});

describe('onFreePort', () => {
  const taken = () =>
    new PlatformError(
      'cognito-local stopped while starting (exit code 1). listen EADDRINUSE: address already in use',
    );

  it('starts again on another port when the child could not bind the one it was given', async () => {
    const ports: number[] = [];
    const started = await onFreePort(async (port) => {
      ports.push(port);
      if (ports.length < 3) throw taken();
      return port;
    });
    expect(ports).toHaveLength(3);
    expect(new Set(ports).size).toBe(3);
    expect(started).toBe(ports[2]);
  });

  it('gives up after its attempts, and never retries another failure', async () => {
    let calls = 0;
    await expect(
      onFreePort(async () => {
        calls += 1;
        throw taken();
      }, 2),
    ).rejects.toThrow(/EADDRINUSE/);
    expect(calls).toBe(2);
    calls = 0;
    await expect(
      onFreePort(async () => {
        calls += 1;
        throw new PlatformError('cognito-local stopped while starting (exit code 1). out of memory');
      }),
    ).rejects.toThrow(/out of memory/);
    expect(calls).toBe(1);
  });
});
