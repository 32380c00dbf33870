import { type ChildProcess, fork } from 'node:child_process';
import type { FromClient, LoadRun, PhaseResult, ToClient } from './load-protocol';

/** The load client process (autocannon), kept for the whole benchmark run. */
export interface LoadClient {
  run(run: LoadRun): Promise<PhaseResult[]>;
  close(): Promise<void>;
}

export async function startLoadClient(): Promise<LoadClient> {
  // Same loader flags as this process (tsx), so the client is TypeScript too.
  const child: ChildProcess = fork(new URL('./load-client.ts', import.meta.url), [], {
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const messages: FromClient[] = [];
  const waiters: ((m: FromClient) => void)[] = [];
  let exited: string | undefined;
  child.on('message', (m: FromClient) => {
    const waiter = waiters.shift();
    if (waiter) waiter(m);
    else messages.push(m);
  });
  child.on('exit', (code, signal) => {
    exited = `load client exited (${code ?? signal})`;
    for (const waiter of waiters.splice(0)) waiter({ type: 'error', message: exited });
  });
  const next = (): Promise<FromClient> => {
    const queued = messages.shift();
    if (queued) return Promise.resolve(queued);
    if (exited) return Promise.resolve({ type: 'error', message: exited });
    return new Promise((resolve) => waiters.push(resolve));
  };
  const post = (m: ToClient): void => {
    child.send(m);
  };

  const ready = await next();
  if (ready.type !== 'ready') throw new Error(`load client did not start: ${JSON.stringify(ready)}`);

  return {
    async run(run) {
      post({ type: 'run', run });
      const answer = await next();
      if (answer.type === 'done') return answer.phases;
      throw new Error(`load client: ${answer.type === 'error' ? answer.message : JSON.stringify(answer)}`);
    },
    async close() {
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      post({ type: 'exit' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await gone;
      clearTimeout(timer);
    },
  };
}
