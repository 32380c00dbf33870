import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PlatformError } from './errors';

/**
 * Child processes of the local platform (the emulators). Each is started with its output captured (the
 * last lines go into error messages, all of it into an optional log file), waited on until it answers,
 * and stopped with SIGTERM, then SIGKILL if it lingers. Every child still alive when this process exits
 * is killed, so a crashed test run does not leave a JVM behind.
 */

const liveChildren = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of liveChildren) child.kill('SIGKILL');
});

/**
 * The record of live children in a data directory (`npm start`: `.data/platform.pids`), so that the next
 * start can stop what a crashed one left behind: `{ parent, children: { pid: command line } }`.
 */
let recordFile: string | undefined;
const recorded = new Map<number, string>();

function writeRecord(): void {
  if (!recordFile) return;
  const children = Object.fromEntries(recorded);
  writeFileSync(recordFile, `${JSON.stringify({ parent: process.pid, children }, null, 2)}\n`);
}

/** From now on, every child spawned by this process is listed in `file` while it lives. */
export function recordChildrenIn(file: string): void {
  recordFile = file;
  writeRecord();
}

/** Whether a process with this pid exists (ours or not). */
export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The command line of a live process (Linux /proc, else `ps`), to tell our children from a reused pid. */
function commandLine(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    const ps = spawnSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' });
    return ps.status === 0 ? ps.stdout.trim() : undefined;
  }
}

/**
 * Stops what a platform that crashed (`kill -9`) left running from `file`'s record: each child still alive
 * with the command line it was started with gets SIGTERM, then SIGKILL after the grace period. Fails when
 * the recorded parent itself is still running: then the data directory is in use, not abandoned.
 * Returns how many leftovers were stopped.
 */
export async function stopLeftovers(file: string): Promise<number> {
  let record: { parent?: number; children?: Record<string, string> };
  try {
    record = JSON.parse(readFileSync(file, 'utf8')) as typeof record;
  } catch {
    return 0;
  }
  const parent = record.parent;
  if (
    parent !== undefined &&
    parent !== process.pid &&
    isAlive(parent) &&
    commandLine(parent)?.includes('start')
  ) {
    throw new PlatformError(
      `The local platform is already running from this data directory (process ${parent}). Stop it first (Ctrl-C in its terminal, or kill ${parent}).`,
    );
  }
  const leftovers = Object.entries(record.children ?? {})
    .map(([pid, command]) => [Number(pid), command] as const)
    .filter(([pid, command]) => isAlive(pid) && commandLine(pid) === command.trim());
  for (const [pid] of leftovers) process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + STOP_GRACE_MS;
  while (leftovers.some(([pid]) => isAlive(pid)) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  for (const [pid] of leftovers) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  return leftovers.length;
}

export interface ServiceProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** The last lines the process printed (stdout and stderr), for error messages. */
  recentOutput(): string;
  /** Resolves when the process has exited; rejects if it could not be started at all. */
  readonly exited: Promise<number | null>;
  stop(): Promise<void>;
}

export interface SpawnServiceOptions {
  name: string;
  command: string;
  args: readonly string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Append everything the process prints to this file. */
  logFile?: string;
  /** The message when `command` does not exist (e.g. "Java 17+ is needed ..."). */
  notFoundMessage?: string;
  /** Called with every non-empty line the process prints. */
  onLine?: (line: string) => void;
}

const RECENT_LINES = 40;

/** Every emulator, front and server of the local platform listens here only, never on the network. */
export const LOOPBACK = '127.0.0.1';

/** `node --require` this in every Node child: it exits when its parent is gone (even after SIGKILL). */
export const WATCH_PARENT = fileURLToPath(new URL('./children/watch-parent.cjs', import.meta.url));
const STOP_GRACE_MS = 5_000;

/** The environment for an emulator child: ours, minus loader hooks meant for TypeScript (tsx, vitest). */
export function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { NODE_OPTIONS: _ignored, ...rest } = process.env;
  return { ...rest, ...extra };
}

export function spawnService(options: SpawnServiceOptions): ServiceProcess {
  const recent: string[] = [];
  if (options.logFile) mkdirSync(dirname(options.logFile), { recursive: true });
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env ?? childEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  liveChildren.add(child);
  if (child.pid !== undefined) {
    recorded.set(child.pid, [options.command, ...options.args].join(' '));
    writeRecord();
  }

  const collect = (chunk: Buffer): void => {
    const text = chunk.toString('utf8');
    if (options.logFile) appendFileSync(options.logFile, text);
    for (const line of text.split(/\r?\n/)) {
      if (line.trim() === '') continue;
      recent.push(line);
      if (recent.length > RECENT_LINES) recent.shift();
      options.onLine?.(line);
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      liveChildren.delete(child);
      reject(
        error.code === 'ENOENT' && options.notFoundMessage
          ? new PlatformError(options.notFoundMessage)
          : new PlatformError(`${options.name} could not be started (${options.command}): ${error.message}`),
      );
    });
    child.once('exit', (code, signal) => {
      liveChildren.delete(child);
      if (child.pid !== undefined && recorded.delete(child.pid)) writeRecord();
      resolve(code ?? (signal ? null : 0));
    });
  });
  // Callers await `exited` only when they need it; an unobserved spawn failure must not crash the process.
  exited.catch(() => undefined);

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
      await exited.catch(() => undefined);
      return;
    }
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited.catch(() => undefined);
    clearTimeout(timer);
  };

  return { name: options.name, child, recentOutput: () => recent.join('\n'), exited, stop };
}

export interface WaitForHttpOptions {
  timeoutMs?: number;
  /** Which answers count as ready; default: any HTTP answer at all. */
  ready?: (status: number) => boolean;
}

/**
 * Polls `url` until the service answers over HTTP. Fails early with the process's own last output when
 * it exits while we wait, and after `timeoutMs` with the same output.
 */
export async function waitForHttp(
  service: ServiceProcess,
  url: string,
  options: WaitForHttpOptions = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const ready = options.ready ?? (() => true);
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  let spawnError: unknown;
  service.exited.then(
    (code) => {
      exitCode = code;
    },
    (error: unknown) => {
      spawnError = error;
    },
  );
  for (;;) {
    if (spawnError) throw spawnError;
    if (exitCode !== undefined) {
      throw new PlatformError(
        `${service.name} stopped while starting (exit code ${exitCode}). Its last output:\n${indent(service.recentOutput())}`,
      );
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (ready(response.status)) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await service.stop();
      throw new PlatformError(
        `${service.name} did not answer on ${url} within ${Math.round(timeoutMs / 1000)} s. Its last output:\n${indent(service.recentOutput())}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const indent = (text: string): string =>
  text === ''
    ? '    (nothing)'
    : text
        .split('\n')
        .map((line) => `    ${line}`)
        .join('\n');

const handedOut = new Set<number>();

/**
 * A TCP port nobody listens on right now. Ports handed out by this process are not handed out twice, so
 * several emulators started in a row do not race for the same one.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, () => {
        const address = server.address();
        const found = typeof address === 'object' && address ? address.port : 0;
        server.close(() => resolve(found));
      });
    });
    if (port !== 0 && !handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new PlatformError('Could not find a free TCP port.');
}

/**
 * Fails with one clear sentence when `port` is taken, before a child process prints its own stack trace
 * about it. `what` names the service, `envVar` the variable that moves it.
 */
export async function assertPortFree(port: number, what: string, envVar?: string): Promise<void> {
  const inUse = await new Promise<boolean>((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(true);
      else reject(error);
    });
    server.listen(port, () => server.close(() => resolve(false)));
  });
  if (inUse) {
    const hint = envVar ? ` Stop whatever uses it, or choose another port with ${envVar}=<port>.` : '';
    throw new PlatformError(`Port ${port} (${what}) is already in use.${hint}`);
  }
}

/**
 * Starts a child on a port from `freePort`, again on another port when the child could not bind it: a
 * port free when asked can be taken by another process (parallel test files) before the child binds it.
 * `start` spawns, waits until the child answers and stops it when it does not.
 */
export async function onFreePort<T>(start: (port: number) => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      return await start(port);
    } catch (error) {
      const taken = error instanceof PlatformError && error.message.includes('EADDRINUSE');
      if (!taken || attempt >= attempts) throw error;
    }
  }
}
