/** A stored snapshot older than this is replaced by the instance that writes them. */
export const SNAPSHOT_MAX_AGE_MS = 6 * 3600_000;
/** After a failed store, the next try waits this long (a full disk would otherwise be hit per search). */
const RETRY_MS = 10 * 60_000;

/**
 * When an index's stored snapshot is replaced (one instance per database writes them): when the
 * index did not start from one, and again whenever the one it started from or last stored is
 * older than `maxAgeMs`, so a writer that runs for weeks still leaves the next start a short
 * catch-up. One store at a time; after a failure, the next try waits ten minutes.
 */
export class SnapshotSchedule {
  private running: Promise<void> | null = null;
  private retryAt = 0;
  /** Bumped by `reset`: a store of the index before it no longer counts. */
  private generation = 0;

  /** `storedAt`: when the snapshot the index started from was taken (ms), or null for none. */
  constructor(
    private storedAt: number | null,
    private readonly maxAgeMs = SNAPSHOT_MAX_AGE_MS,
  ) {}

  /**
   * A new index took over (a rebuild), started from a snapshot taken at `storedAt` or from none.
   * A store still running for the one before finishes, but no longer counts, and nothing new
   * starts before it has: a store that completes removes the other snapshots of its name.
   */
  reset(storedAt: number | null): void {
    this.storedAt = storedAt;
    this.retryAt = 0;
    this.generation++;
  }

  /**
   * Starts `store` (which resolves true once stored, false when it failed and said why) when one
   * is due; returns the running store, or null when none is due or one is already running.
   */
  run(store: () => Promise<boolean>, now = Date.now()): Promise<void> | null {
    if (this.running || now < this.retryAt) return null;
    if (this.storedAt !== null && now - this.storedAt <= this.maxAgeMs) return null;
    const generation = this.generation;
    this.running = store()
      .then((ok) => {
        if (generation !== this.generation) return;
        if (ok) this.storedAt = now;
        else this.retryAt = Date.now() + RETRY_MS;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }
}
