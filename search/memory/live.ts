import type { Sql } from '../../src/db/client.js';
import { listTerms } from '../../src/taxonomy/repo.js';
import { formsOf, readAllRows, readChanges, taxonomyVersion } from '../pg-repo.js';
import { allPhrases, buildSynonymTable, type SynonymTable } from '../synonyms.js';
import type { Form } from '../tsvector.js';
import { MemoryIndex } from './index.js';
import { applyInSlices, SnapshotPoller } from './poller.js';
import { loadSnapshot, type SavedSnapshot, saveSnapshot } from './snapshot-store.js';
import { reportIndex } from './stats.js';

/** The taxonomy as search uses it: the synonym table and the lexemes of every phrase. */
export interface Vocabulary {
  version: string;
  table: SynonymTable;
  phraseForms: Map<string, Form[]>;
}

/** Reads the active taxonomy and computes its phrases' lexemes (one query for all of them). */
export async function loadVocabulary(sql: Sql): Promise<Vocabulary> {
  const version = await taxonomyVersion(sql);
  const table = buildSynonymTable(await listTerms(sql, { activeOnly: true }));
  const phraseForms = await formsOf(sql, allPhrases(table));
  return { version, table, phraseForms };
}

/**
 * An in-memory index kept current with PostgreSQL through the shared SnapshotPoller: before every
 * search `refresh()` applies the rows written since the previous read's snapshot.
 */
export class LiveIndex {
  private readonly poller: SnapshotPoller;
  /** The taxonomy changed since the index was built: the owner should rebuild. */
  stale = false;
  /** Where the index came from: a stored snapshot (then caught up) or every row. */
  source: { kind: 'rows' } | { kind: 'snapshot'; createdAt: Date; bytes: number } = { kind: 'rows' };

  private constructor(
    private readonly sql: Sql,
    readonly ix: MemoryIndex,
    readonly vocabulary: Vocabulary,
    xmin: string,
  ) {
    this.poller = new SnapshotPoller(xmin, (since) => this.poll(since));
  }

  /**
   * Builds the index from every searchable row (about a minute for a million suppliers on two
   * cores), or, with `snapshot`, from the newest stored snapshot when one fits the taxonomy, then
   * caught up with every change since (seconds). A snapshot that fails to load is reported
   * through `onSnapshotError` and the rows are read instead.
   */
  static async build(
    sql: Sql,
    opts: {
      snapshot?: boolean;
      onSnapshotError?: (err: unknown) => void;
      /** The snapshot's COPY failed and it is read by SELECT instead. */
      onSnapshotRetry?: (err: unknown) => void;
    } = {},
  ): Promise<LiveIndex> {
    const t0 = performance.now();
    const vocabulary = await loadVocabulary(sql);
    let live: LiveIndex | null = null;
    if (opts.snapshot) {
      try {
        const stored = await loadSnapshot(sql, vocabulary, opts.onSnapshotRetry);
        if (stored) {
          live = new LiveIndex(sql, stored.ix, vocabulary, stored.xmin);
          live.source = { kind: 'snapshot', createdAt: stored.createdAt, bytes: stored.bytes };
          await live.refresh();
        }
      } catch (err) {
        live = null;
        opts.onSnapshotError?.(err);
      }
    }
    if (!live) {
      const ix = new MemoryIndex(vocabulary.phraseForms.values());
      ix.beginLoad();
      const snap = await readAllRows(sql, (rows) => applyInSlices(rows, (r) => ix.apply(r)));
      ix.trim();
      live = new LiveIndex(sql, ix, vocabulary, snap.xmin);
      live.stale = snap.taxonomyVersion !== vocabulary.version;
    }
    const builtAt = Date.now();
    const buildMs = Math.round(performance.now() - t0);
    const ref = new WeakRef(live);
    reportIndex('search', () => {
      const l = ref.deref();
      return {
        documents: l ? l.ix.size - l.ix.dead : 0,
        slots: l?.ix.size ?? 0,
        builtAt,
        buildMs,
        refreshedAt: l?.lastRefreshAt ?? null,
      };
    });
    return live;
  }

  /** Stores the index as the newest snapshot, for the next instance to start from. */
  saveSnapshot(): Promise<SavedSnapshot> {
    return saveSnapshot(this.sql, this.ix, {
      taxonomyVersion: this.vocabulary.version,
      xmin: this.poller.since,
    });
  }

  /** Resolves once every change committed before the call is in the index. */
  refresh(): Promise<void> {
    return this.poller.refresh();
  }

  /** When the index last caught up with PostgreSQL (ms since epoch), or null before the first refresh. */
  get lastRefreshAt(): number | null {
    return this.poller.lastPollAt;
  }

  private async poll(since: string): Promise<string> {
    // A bulk import or a taxonomy-wide rewrite can bring hundreds of thousands of rows at once.
    const snap = await readChanges(this.sql, since, (rows) => applyInSlices(rows, (r) => this.ix.apply(r)));
    if (this.fragmented) this.ix.compact();
    if (snap.taxonomyVersion !== this.vocabulary.version) this.stale = true;
    return snap.xmin;
  }

  /**
   * Dead slots have piled up (every change leaves one). The poll squeezes them out in place before
   * any search reads the index, so this only stays true when a caller never refreshes.
   */
  get fragmented(): boolean {
    return this.ix.dead > Math.max(5000, this.ix.size / 4);
  }
}
