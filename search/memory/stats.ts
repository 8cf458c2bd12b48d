/** Size and freshness of one in-memory copy of the directory, for /metrics and /healthz. */
export interface IndexStats {
  /** Live documents (slots minus dead ones). */
  documents: number;
  /** Slots allocated, dead ones included (memory grows with these). */
  slots: number;
  /** When the build finished, ms since epoch. */
  builtAt: number;
  buildMs: number;
  /** When it last caught up with PostgreSQL, ms since epoch (null before its first refresh). */
  refreshedAt: number | null;
}

type Source = () => IndexStats;
const sources = new Map<'search' | 'matching', Source>();

/**
 * Registers the process's current index of a kind (the latest build wins, as it replaces the
 * previous one). Kept as a getter so the metrics reader never holds an index alive.
 */
export function reportIndex(kind: 'search' | 'matching', source: Source): void {
  sources.set(kind, source);
}

/** The in-memory indexes this process holds now: what a metrics scrape reports as size and freshness. */
export function indexStats(): { search: IndexStats | null; matching: IndexStats | null } {
  return { search: sources.get('search')?.() ?? null, matching: sources.get('matching')?.() ?? null };
}
