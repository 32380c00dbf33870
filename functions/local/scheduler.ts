/**
 * A small scheduler for the local platform: named jobs, each run every `everyMs` by a clock that tests can
 * replace. It plays EventBridge's part on AWS and calls the SAME handler module with the same event, so
 * what runs on a schedule locally is what runs in Lambda. Generic: the anchoring of audit chain heads is
 * its first job; reminders can be another.
 */
export interface Clock {
  now(): Date;
  /** Calls `fn` after `ms`; answers a cancel function. */
  after(ms: number, fn: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => new Date(),
  after(ms, fn) {
    const t = setTimeout(fn, ms);
    // A pending run must not keep the process alive.
    t.unref();
    return () => clearTimeout(t);
  },
};

export interface ScheduledJob {
  name: string;
  everyMs: number;
  /** The work; it receives the time the run was due. */
  run(at: Date): Promise<unknown>;
}

export interface JobRun {
  name: string;
  at: Date;
  ok: boolean;
  error?: string;
}

export interface Scheduler {
  /** Runs a job now (tests, and `npm start`'s first anchoring); resolves when it has finished. */
  runNow(name: string): Promise<JobRun>;
  /** The runs so far, oldest first (the last 100). */
  readonly runs: readonly JobRun[];
  stop(): void;
}

const MAX_KEPT_RUNS = 100;

export function startScheduler(options: {
  jobs: readonly ScheduledJob[];
  clock?: Clock;
  log?: (line: string) => void;
}): Scheduler {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? (() => undefined);
  const names = new Set<string>();
  for (const job of options.jobs) {
    if (names.has(job.name)) throw new Error(`scheduler: two jobs named ${job.name}`);
    if (!(job.everyMs > 0)) throw new Error(`scheduler: ${job.name} needs a positive interval`);
    names.add(job.name);
  }
  const runs: JobRun[] = [];
  const cancels = new Map<string, () => void>();
  const running = new Map<string, Promise<JobRun>>();
  let stopped = false;

  const execute = (job: ScheduledJob): Promise<JobRun> => {
    // One run of a job at a time: a slow run is not overlapped by the next tick.
    const current = running.get(job.name);
    if (current) return current;
    const at = clock.now();
    const p = job
      .run(at)
      .then(
        (): JobRun => ({ name: job.name, at, ok: true }),
        (err: unknown): JobRun => ({ name: job.name, at, ok: false, error: String(err) }),
      )
      .then((r) => {
        runs.push(r);
        if (runs.length > MAX_KEPT_RUNS) runs.shift();
        if (!r.ok) log(`scheduled job ${job.name} failed: ${r.error}`);
        running.delete(job.name);
        return r;
      });
    running.set(job.name, p);
    return p;
  };

  const arm = (job: ScheduledJob) => {
    if (stopped) return;
    cancels.set(
      job.name,
      clock.after(job.everyMs, () => {
        void execute(job).finally(() => arm(job));
      }),
    );
  };
  for (const job of options.jobs) arm(job);

  return {
    runs,
    runNow(name) {
      const job = options.jobs.find((j) => j.name === name);
      if (!job) return Promise.reject(new Error(`scheduler: no job ${name}`));
      return execute(job);
    },
    stop() {
      stopped = true;
      for (const cancel of cancels.values()) cancel();
      cancels.clear();
    },
  };
}
