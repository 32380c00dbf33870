import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutosaveController, type AutosaveStatus } from './autosave';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function setup(saveImpl?: (v: number) => Promise<void>) {
  const saved: number[] = [];
  const statuses: AutosaveStatus['kind'][] = [];
  const save =
    saveImpl ??
    (async (v: number) => {
      saved.push(v);
    });
  const c = new AutosaveController<number>(
    async (v) => {
      await save(v);
      if (saveImpl) saved.push(v);
    },
    (s) => statuses.push(s.kind),
    1000,
  );
  return { c, saved, statuses };
}

describe('autosave', () => {
  it('debounces: one save for a burst of changes, with the last values', async () => {
    const { c, saved, statuses } = setup();
    c.schedule(1);
    await vi.advanceTimersByTimeAsync(500);
    c.schedule(2);
    await vi.advanceTimersByTimeAsync(500);
    c.schedule(3);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved).toEqual([3]);
    expect(statuses.at(-1)).toBe('saved');
  });

  it('never runs two saves at once; changes during a save follow it', async () => {
    let release: () => void = () => undefined;
    let concurrent = 0;
    let maxConcurrent = 0;
    const { c, saved } = setup(async () => {
      concurrent++;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      await new Promise<void>((r) => {
        release = r;
      });
      concurrent--;
    });
    c.schedule(1);
    await vi.advanceTimersByTimeAsync(1000); // save(1) starts and hangs
    c.schedule(2);
    await vi.advanceTimersByTimeAsync(1000); // timer fires while save(1) in flight
    expect(maxConcurrent).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(0);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toEqual([1, 2]);
    expect(maxConcurrent).toBe(1);
  });

  it('keeps the values after a failure and sends them on retry', async () => {
    let fail = true;
    const { c, saved, statuses } = setup(async () => {
      if (fail) throw new Error('offline');
    });
    c.schedule(7);
    await vi.advanceTimersByTimeAsync(1000);
    expect(statuses.at(-1)).toBe('failed');
    expect(c.hasUnsaved).toBe(true);
    fail = false;
    c.retry();
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toEqual([7]);
    expect(c.hasUnsaved).toBe(false);
  });

  it('flush saves at once and waits', async () => {
    const { c, saved } = setup();
    c.schedule(5);
    await c.flush();
    expect(saved).toEqual([5]);
  });

  it('a newer change wins over values kept from a failed save', async () => {
    let fail = true;
    const { c, saved } = setup(async () => {
      if (fail) throw new Error('x');
    });
    c.schedule(1);
    await vi.advanceTimersByTimeAsync(1000);
    fail = false;
    c.schedule(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved).toEqual([2]);
  });
});
