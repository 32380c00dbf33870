/**
 * Debounced draft saving: a save starts `delayMs` after the last change; never two saves at once (the
 * second would carry a stale expected version); changes made during a save are saved right after it.
 * Framework-free so its timing is tested with fake timers.
 */
export type AutosaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'failed'; error: unknown };

export class AutosaveController<V> {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private latest: V | null = null;
  private inFlight: Promise<void> | null = null;
  private status: AutosaveStatus = { kind: 'idle' };
  private stopped = false;

  constructor(
    private readonly save: (values: V) => Promise<void>,
    private readonly onStatus: (status: AutosaveStatus) => void,
    private readonly delayMs = 1500,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private set(status: AutosaveStatus): void {
    this.status = status;
    this.onStatus(status);
  }

  get current(): AutosaveStatus {
    return this.status;
  }

  /** Something changed: save it after a quiet moment. */
  schedule(values: V): void {
    if (this.stopped) return;
    this.latest = values;
    if (this.timer) clearTimeout(this.timer);
    if (this.status.kind !== 'saving') this.set({ kind: 'pending' });
    this.timer = setTimeout(() => {
      this.timer = null;
      this.run().catch(() => undefined);
    }, this.delayMs);
  }

  /** Saves what is pending now (before submitting), and waits for any save in flight. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    await this.run();
  }

  private run(): Promise<void> {
    if (this.inFlight) return this.inFlight.then(() => this.run());
    const values = this.latest;
    if (values === null) return Promise.resolve();
    this.latest = null;
    this.set({ kind: 'saving' });
    this.inFlight = this.save(values).then(
      () => {
        this.inFlight = null;
        if (this.latest !== null && !this.timer) return this.run();
        this.set(this.latest !== null ? { kind: 'pending' } : { kind: 'saved', at: this.now() });
        return undefined;
      },
      (error: unknown) => {
        this.inFlight = null;
        // Keep the unsaved values so the next change or a retry sends them (newer ones win).
        if (this.latest === null) this.latest = values;
        this.set({ kind: 'failed', error });
        throw error;
      },
    );
    return this.inFlight;
  }

  /** Retry after a failure (e.g. the connection came back). */
  retry(): void {
    if (this.latest !== null && this.status.kind === 'failed') this.run().catch(() => undefined);
  }

  /** Whether something typed has not reached the server yet. */
  get hasUnsaved(): boolean {
    return this.latest !== null || this.inFlight !== null;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }
}
