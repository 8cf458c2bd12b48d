/**
 * The one snapshot poller behind every in-memory copy of the directory (the search index and the
 * matching candidates). Before a query, `refresh()` reads the rows written by transactions at or
 * above the previous read's snapshot xmin: any transaction that committed before the query started
 * is then visible (read-your-writes), and one still running has an id at or above that xmin, so it
 * is read next time. Concurrent callers share a read; a caller arriving during a read waits for one
 * more, which starts after it, and all callers arriving meanwhile share that one too.
 */
export class SnapshotPoller {
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;
  /** Completed reads (freshness for metrics and tests). */
  polls = 0;
  /** When the last read completed (ms since epoch), or null before the first. */
  lastPollAt: number | null = null;

  /** `read(since)` applies the changes at or above `since` and returns the new snapshot's xmin. */
  constructor(
    private xmin: string,
    private readonly read: (since: string) => Promise<string>,
  ) {}

  /** The xmin the next read starts from. */
  get since(): string {
    return this.xmin;
  }

  /** Resolves once every change committed before the call is applied. */
  refresh(): Promise<void> {
    if (this.running) {
      this.next ??= this.running.then(
        () => this.start(),
        () => this.start(),
      );
      return this.next;
    }
    return this.start();
  }

  private start(): Promise<void> {
    this.next = null;
    this.running = this.read(this.xmin)
      .then((xmin) => {
        this.xmin = xmin;
        this.polls++;
        this.lastPollAt = Date.now();
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }
}

/** Rows applied between two yields while an index loads: a few milliseconds of work at most. */
const SLICE = 500;

/**
 * Applies `rows` in slices, giving the event loop back between them, so loading a million
 * suppliers never blocks a request (or /healthz) for longer than one slice.
 */
export async function applyInSlices<T>(rows: readonly T[], apply: (row: T) => void): Promise<void> {
  for (let i = 0; i < rows.length; i += SLICE) {
    const end = Math.min(rows.length, i + SLICE);
    for (let k = i; k < end; k++) apply(rows[k]!);
    await new Promise<void>((r) => setImmediate(r));
  }
}
