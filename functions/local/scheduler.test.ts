import { describe, expect, it } from 'vitest';
import { type Clock, startScheduler } from './scheduler';

/** A clock the test moves by hand: timers fire when `advance` passes them. */
const manualClock = () => {
  let now = 0;
  const timers: { at: number; fn: () => void; cancelled: boolean }[] = [];
  const clock: Clock = {
    now: () => new Date(now),
    after(ms, fn) {
      const t = { at: now + ms, fn, cancelled: false };
      timers.push(t);
      return () => {
        t.cancelled = true;
      };
    },
  };
  const advance = async (ms: number) => {
    const until = now + ms;
    for (;;) {
      const next = timers.filter((t) => !t.cancelled && t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      now = next.at;
      next.cancelled = true;
      next.fn();
      // Let the job's promise chain settle (and re-arm) before the next timer.
      for (let i = 0; i < 10; i++) await Promise.resolve();
    }
    now = until;
  };
  return { clock, advance };
};

describe('the local scheduler', () => {
  it('runs each named job at its interval, by the injected clock, with the time it was due', async () => {
    const { clock, advance } = manualClock();
    const seen: { name: string; at: number }[] = [];
    const s = startScheduler({
      clock,
      jobs: [
        { name: 'a', everyMs: 100, run: async (at) => seen.push({ name: 'a', at: at.getTime() }) },
        { name: 'b', everyMs: 250, run: async (at) => seen.push({ name: 'b', at: at.getTime() }) },
      ],
    });
    await advance(500);
    expect(seen.filter((r) => r.name === 'a').map((r) => r.at)).toEqual([100, 200, 300, 400, 500]);
    expect(seen.filter((r) => r.name === 'b').map((r) => r.at)).toEqual([250, 500]);
    s.stop();
    await advance(1000);
    expect(seen).toHaveLength(7);
  });

  it('keeps running after a failed run, records it, and refuses duplicate names and unknown jobs', async () => {
    const { clock, advance } = manualClock();
    let n = 0;
    const s = startScheduler({
      clock,
      jobs: [
        {
          name: 'flaky',
          everyMs: 10,
          run: async () => {
            n += 1;
            if (n === 1) throw new Error('boom');
          },
        },
      ],
    });
    await advance(30);
    expect(s.runs.map((r) => r.ok)).toEqual([false, true, true]);
    expect(s.runs[0]?.error).toContain('boom');
    expect((await s.runNow('flaky')).ok).toBe(true);
    await expect(s.runNow('nope')).rejects.toThrow('no job nope');
    s.stop();
    const job = { name: 'x', everyMs: 1, run: async () => undefined };
    expect(() => startScheduler({ clock, jobs: [job, job] })).toThrow('two jobs named x');
  });
});
