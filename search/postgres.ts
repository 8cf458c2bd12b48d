import type { Sql } from '../src/db/client.js';
import type { Logger } from '../src/logger.js';
import { analyze, textQuery } from './analyze.js';
import type { FacetCounts, SearchEngine, SearchResult, SearchStatus, SupplierQuery } from './engine.js';
import { execute } from './memory/execute.js';
import { LiveIndex } from './memory/live.js';
import { ResultCache, type ResultPlan } from './memory/result-cache.js';
import { SnapshotSchedule } from './memory/snapshot-schedule.js';
import { type HitRow, hydrate } from './pg-query-repo.js';
import { pgWordSource } from './pg-repo.js';
import { searchResult } from './result.js';
import { isQueryCanceled, SqlSearch, type WarmLimits } from './sql-search.js';
import { cachedWordSource } from './words.js';

export interface PostgresEngineOptions {
  /** Answer from the in-memory index once loaded (default); false: every query by SQL alone. */
  memory?: boolean;
  /** The first search waits for the index instead of being answered by SQL meanwhile (tests). */
  waitForIndex?: boolean;
  /**
   * Stored snapshots of the index (see memory/snapshot.ts): 'read' starts from the newest one,
   * 'write' also stores one after a build from the rows or when the one read is old (one
   * instance per database should write). Default 'off': every load reads the rows.
   */
  snapshots?: 'off' | 'read' | 'write';
  /** With 'write': a stored snapshot older than this is replaced (default 6 hours; tests lower it). */
  snapshotMaxAgeMs?: number;
  /** Bounded SQL while the index loads (tests lower them). */
  warm?: WarmLimits;
  logger?: Logger;
}

/** Positions re-ranked with PostgreSQL's ts_rank_cd (cover density) after the cheap in-memory score. */
const RERANK_WINDOW = 40;
/** How much ts_rank_cd (normalised to 0..1) adds to the in-memory score (0..1). */
const RERANK_WEIGHT = 0.2;
/** Results ranked ahead for a query without re-ranking: five pages of 20, served from the plan cache. */
const PLAN_WINDOW = 100;

/**
 * The default engine. PostgreSQL is the source of truth (supplier_search, kept by triggers in
 * the writers' transactions); an in-memory columnar index, refreshed before every search, does
 * the filtering, facet counting and first ranking; SQL re-ranks the top candidates by text
 * relevance and re-checks every hit shown against the full filter.
 */
export class PostgresEngine implements SearchEngine {
  readonly name = 'postgres' as const;
  private live: LiveIndex | null = null;
  private building: Promise<LiveIndex> | null = null;
  private state: 'idle' | 'loading' | 'ready' | 'failed' = 'idle';
  private readonly words;
  private readonly bySql: SqlSearch;
  private readonly plans = new ResultCache();
  /** When the loaded index's snapshot is stored again (with snapshots: 'write'). */
  private readonly schedule: SnapshotSchedule;

  constructor(
    private readonly sql: Sql,
    private readonly opts: PostgresEngineOptions = {},
  ) {
    this.words = cachedWordSource(pgWordSource(sql));
    this.bySql = new SqlSearch(sql, this.words);
    this.schedule = new SnapshotSchedule(null, opts.snapshotMaxAgeMs);
  }

  /** Starts loading the in-memory index in the background; until it is in, see `whileLoading`. */
  start(): Promise<void> {
    if (this.opts.memory === false) return Promise.resolve();
    return this.rebuild().then(
      () => undefined,
      () => undefined,
    );
  }

  private rebuild(): Promise<LiveIndex> {
    if (this.building) return this.building;
    if (!this.live) this.state = 'loading';
    const t0 = performance.now();
    const snapshots = this.opts.snapshots ?? 'off';
    // Only the first load may start from a snapshot: a rebuild is asked for because the index
    // disagreed with SQL or the taxonomy changed, and then only the rows are trusted.
    const fromSnapshot = snapshots !== 'off' && !this.live;
    this.building = LiveIndex.build(this.sql, {
      snapshot: fromSnapshot,
      onSnapshotError: (err) =>
        this.opts.logger?.warn({ err }, 'search index snapshot unusable; reading every row instead'),
      onSnapshotRetry: (err) =>
        this.opts.logger?.warn({ err }, 'search index snapshot: COPY failed; reading it by SELECT instead'),
    })
      .then((live) => {
        this.live = live;
        this.bySql.vocabulary = live.vocabulary;
        this.state = 'ready';
        this.opts.logger?.info(
          { documents: live.ix.size, ms: Math.round(performance.now() - t0), source: live.source.kind },
          'search index loaded',
        );
        this.schedule.reset(live.source.kind === 'snapshot' ? live.source.createdAt.getTime() : null);
        this.storeWhenDue(live, { justLoaded: true });
        return live;
      })
      .catch((err: unknown) => {
        if (!this.live) this.state = 'failed';
        this.opts.logger?.error({ err }, 'search index failed to load; answering by SQL');
        throw err;
      })
      .finally(() => {
        this.building = null;
      });
    return this.building;
  }

  /**
   * Stores the index for the next start when a snapshot is due (see SnapshotSchedule); 'write'
   * only. Never an index being replaced: one whose taxonomy changed, or while a rebuild runs
   * (asked for when the index disagreed with SQL), unless the rebuild is the load just done.
   */
  private storeWhenDue(live: LiveIndex, opts: { justLoaded?: boolean } = {}): void {
    if (this.opts.snapshots !== 'write' || live !== this.live || live.stale) return;
    if (this.building && !opts.justLoaded) return;
    this.schedule.run(async () => {
      try {
        const saved = await live.saveSnapshot();
        this.opts.logger?.info({ bytes: saved.bytes, ms: saved.ms }, 'search index snapshot stored');
        return true;
      } catch (err) {
        // A failure only costs the next start its head start.
        this.opts.logger?.warn({ err }, 'search index snapshot not stored');
        return false;
      }
    });
  }

  status(): SearchStatus {
    return {
      engine: 'postgres',
      degraded: false,
      detail: {
        index: this.opts.memory === false ? 'off' : this.state,
        documents: this.live ? this.live.ix.size - this.live.ix.dead : null,
        source: this.live?.source.kind ?? null,
      },
    };
  }

  async search(q: SupplierQuery): Promise<SearchResult> {
    if (this.opts.memory !== false) {
      if (this.state === 'idle') void this.start();
      if (!this.live && this.opts.waitForIndex && this.building) await this.building.catch(() => null);
    }
    const live = this.live;
    if (!live)
      return this.building && this.state === 'loading'
        ? this.whileLoading(q, this.building)
        : this.bySql.full(q);
    await live.refresh();
    if ((live.stale || live.fragmented) && !this.building) void this.rebuild().catch(() => null);
    const answer = await this.searchInMemory(live, q);
    if (answer) {
      this.storeWhenDue(live);
      return answer;
    }
    // A write committed after this search's refresh (or after a kept plan was made) makes SQL
    // disagree about a hit: catch up once and ask again before distrusting the whole index.
    this.plans.clear();
    await live.refresh();
    const again = await this.searchInMemory(live, q);
    if (again) return again;
    this.opts.logger?.warn(
      { documents: live.ix.size },
      'search index disagreed with SQL; answering by SQL and rebuilding',
    );
    this.plans.clear();
    void this.rebuild().catch(() => null);
    return this.bySql.full(q);
  }

  /**
   * Until the first load is in: bounded SQL answers what it can within a second (exact hits, a
   * capped total, no facet counts); anything slower, and a text search ranked over more matches
   * than the cap, waits for the index rather than scanning a million rows beside the load. A load
   * that fails leaves the full SQL answer.
   */
  private async whileLoading(q: SupplierQuery, building: Promise<LiveIndex>): Promise<SearchResult> {
    try {
      const answer = await this.bySql.bounded(q, this.opts.warm);
      if (answer) return answer;
    } catch (err) {
      if (!isQueryCanceled(err)) throw err;
    }
    const live = await building.catch(() => null);
    return live ? this.search(q) : this.bySql.full(q);
  }

  /** The fast path; null when SQL disagrees with the index (or a kept plan) about a hit. */
  private async searchInMemory(live: LiveIndex, q: SupplierQuery): Promise<SearchResult | null> {
    const offset = (q.page - 1) * q.perPage;
    const rows = new Map<string, HitRow>();
    const plan = this.plans.get(live.ix, q, offset + q.perPage) ?? (await this.plan(live, q, rows));
    const pageIds = plan.ordered.slice(offset, offset + q.perPage);
    for (const id of pageIds) {
      const kept = plan.rows.get(id);
      if (kept) rows.set(id, kept);
    }
    const missing = pageIds.filter((id) => !rows.has(id));
    if (missing.length)
      for (const [id, row] of await hydrate(
        this.sql,
        missing,
        q,
        plan.text?.tsquery ?? null,
        plan.text?.rankTsquery,
      ))
        rows.set(id, row);
    if (pageIds.some((id) => !rows.get(id)?.ok)) return null;
    // Read under this plan's index version or later: while the plan holds (no change applied
    // since), the same page is served without asking PostgreSQL again.
    for (const id of pageIds) plan.rows.set(id, rows.get(id)!);
    const facets = Object.fromEntries(
      Object.entries(plan.facets).map(([f, v]) => [f, { ...v }]),
    ) as FacetCounts;
    return searchResult(
      q,
      plan.total,
      pageIds.map((id) => rows.get(id)!),
      facets,
      plan.text,
      plan.suggestions,
    );
  }

  /**
   * Ranks and counts a query in memory, re-ranks its head by SQL text relevance, and keeps the
   * plan for the next page; the head's rows land in `rows`.
   */
  private async plan(live: LiveIndex, q: SupplierQuery, rows: Map<string, HitRow>): Promise<ResultPlan> {
    const v = live.vocabulary;
    const analyzed = await analyze(q.q, {
      table: v.table,
      phraseForms: v.phraseForms,
      words: this.words,
      df: (l) => live.ix.df(l),
    });
    const ix = live.ix;
    const rerank = !!analyzed && q.sort === 'relevance';
    const needed = q.page * q.perPage;
    const window = rerank ? Math.max(RERANK_WINDOW, needed) : Math.max(PLAN_WINDOW, needed);
    const version = ix.version;
    const r = execute(ix, q, analyzed, window);
    // The index may have moved a word found nowhere behind the others; SQL re-checks the same order.
    const text = analyzed && r.groups ? textQuery(r.groups) : analyzed;
    let ordered = r.ordered.map((s) => ix.ids.idAt(s));
    const memoryScore = new Map(r.ordered.map((s, i) => [ordered[i]!, r.scores.get(s) ?? 0]));
    if (rerank && text && ordered.length) {
      const head = ordered.slice(0, RERANK_WINDOW);
      for (const [id, row] of await hydrate(this.sql, head, q, text.tsquery, text.rankTsquery))
        rows.set(id, row);
      const score = (id: string) => {
        const rank = rows.get(id)?.rank ?? 0;
        return (memoryScore.get(id) ?? 0) + (RERANK_WEIGHT * rank) / (1 + rank);
      };
      const reranked = head.map((id, i) => ({ id, i, s: score(id) })).sort((a, b) => b.s - a.s || a.i - b.i);
      ordered = [...reranked.map((x) => x.id), ...ordered.slice(RERANK_WINDOW)];
    }
    const suggestions = r.total === 0 ? [...(await this.bySql.spelling(q, text)), ...r.suggestions] : [];
    const plan: ResultPlan = {
      ordered,
      window,
      total: r.total,
      facets: r.facets,
      text,
      suggestions,
      rows: new Map([...rows].filter(([, row]) => row.ok)),
    };
    this.plans.set(ix, version, q, plan);
    return plan;
  }
}
