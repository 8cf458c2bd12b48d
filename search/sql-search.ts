import type { Sql } from '../src/db/client.js';
import type { WordSource } from './analyze.js';
import { analyze, groupsToTsquery, type TextQuery, textQuery } from './analyze.js';
import {
  emptyFacets,
  type FacetName,
  type SearchResult,
  type Suggestion,
  type SupplierQuery,
} from './engine.js';
import { loadVocabulary, type Vocabulary } from './memory/live.js';
import {
  boundedPageBySql,
  countWithout,
  facetsBySql,
  hydrate,
  matchesAny,
  type Omitted,
  pageBySql,
} from './pg-query-repo.js';
import { searchResult } from './result.js';
import { spellingSuggestion } from './suggest.js';

/** How far bounded SQL goes while the index loads. */
export interface WarmLimits {
  /** A total is counted no further than this ("more than 1,000"). Default 1,000. */
  cap?: number;
  /** A search SQL cannot answer within this waits for the index instead. Default 1,000 ms. */
  timeoutMs?: number;
}

/**
 * The PostgreSQL engine's answers by SQL alone: every part exact (`full`), used when the index is
 * switched off, failed to load or disagreed with SQL; or bounded (`bounded`), used while the
 * index loads, where a million-row count or facet pass would take seconds and slow the load down.
 */
export class SqlSearch {
  /** The taxonomy's words and phrases; set by the engine from each loaded index. */
  vocabulary: Vocabulary | null = null;
  /** The one read of the vocabulary in flight: searches arriving together while the index loads share it. */
  private reading: Promise<Vocabulary> | null = null;

  constructor(
    private readonly sql: Sql,
    private readonly words: WordSource,
  ) {}

  /** Every part by SQL: hits, exact total, disjunctive facet counts and relaxation suggestions. */
  async full(q: SupplierQuery): Promise<SearchResult> {
    const text = await this.text(q);
    const tsq = text?.tsquery ?? null;
    const [page, facets] = await Promise.all([pageBySql(this.sql, q, text), facetsBySql(this.sql, q, tsq)]);
    const rows = await hydrate(this.sql, page.ids, q, tsq, text?.rankTsquery);
    for (const f of Object.keys(facets) as FacetName[])
      for (const value of q.filters[f]) facets[f][String(value)] ??= 0;
    const suggestions = page.total === 0 ? await this.relaxSuggestions(q, text) : [];
    return searchResult(
      q,
      page.total,
      page.ids.map((id) => rows.get(id)!).filter(Boolean),
      facets,
      text,
      suggestions,
    );
  }

  /**
   * The same hits in the same order, with the total capped and no facet counts (`warming` says
   * so), every statement cut off after the time limit: PostgreSQL's query_canceled error (57014)
   * then reaches the caller, who waits for the index instead. Null, without that wait, for a text
   * search ranked by relevance over more matches than the cap: ranking them all takes longer.
   */
  async bounded(q: SupplierQuery, limits: WarmLimits = {}): Promise<SearchResult | null> {
    const text = await this.text(q);
    const tsq = text?.tsquery ?? null;
    const page = await boundedPageBySql(this.sql, q, text, {
      cap: limits.cap ?? 1000,
      timeoutMs: limits.timeoutMs ?? 1000,
    });
    if (!page.ids) return null;
    const rows = await hydrate(this.sql, page.ids, q, tsq, text?.rankTsquery);
    const suggestions = page.total === 0 ? await this.spelling(q, text) : [];
    return {
      ...searchResult(
        q,
        page.total,
        page.ids.map((id) => rows.get(id)!).filter(Boolean),
        emptyFacets(),
        text,
        suggestions,
      ),
      warming: { totalCapped: page.capped },
    };
  }

  /** The spelling suggestion for a text query (none without one). */
  async spelling(q: SupplierQuery, text: TextQuery | null): Promise<Suggestion[]> {
    const s = text ? await spellingSuggestion(this.sql, q.q) : null;
    return s ? [s] : [];
  }

  private async text(q: SupplierQuery): Promise<TextQuery | null> {
    const v = this.vocabulary ?? (await this.readVocabulary());
    return this.withFoundFirst(
      await analyze(q.q, { table: v.table, phraseForms: v.phraseForms, words: this.words }),
    );
  }

  private async readVocabulary(): Promise<Vocabulary> {
    this.reading ??= loadVocabulary(this.sql).finally(() => {
      this.reading = null;
    });
    const v = await this.reading;
    this.vocabulary ??= v;
    return this.vocabulary;
  }

  /** Groups no supplier matches move behind the others, as the in-memory index orders them. */
  private async withFoundFirst(text: TextQuery | null): Promise<TextQuery | null> {
    if (!text || text.groups.length < 2) return text;
    const found = await matchesAny(
      this.sql,
      text.groups.map((g) => groupsToTsquery([g])),
    );
    if (found.every(Boolean)) return text;
    const order = text.groups
      .map((g, i) => ({ g, i }))
      .sort((a, b) => Number(!found[a.i]) - Number(!found[b.i]) || a.i - b.i);
    return textQuery(order.map((x) => x.g));
  }

  private async relaxSuggestions(q: SupplierQuery, text: TextQuery | null): Promise<Suggestion[]> {
    const params: Omitted[] = [
      ...(Object.keys(q.filters) as FacetName[]).filter((f) => q.filters[f].length),
      ...(text ? (['q'] as const) : []),
      ...(q.tkdnMin !== null ? (['tkdn_min'] as const) : []),
      ...(q.employeesMin !== null || q.employeesMax !== null ? (['employees'] as const) : []),
      ...(q.radiusKm !== null && q.point ? (['radius_km'] as const) : []),
    ];
    const totals = await Promise.all(params.map((p) => countWithout(this.sql, q, text?.tsquery ?? null, p)));
    const relax: Suggestion[] = params
      .map((p, i) => ({ kind: 'relax' as const, param: p!, value: null, total: totals[i]! }))
      .filter((s) => s.total > 0)
      .sort((a, b) => b.total - a.total);
    return [...(await this.spelling(q, text)), ...relax];
  }
}

/** PostgreSQL cancelled a statement (statement_timeout): the bounded answer ran out of time. */
export function isQueryCanceled(err: unknown): boolean {
  return (err as { code?: string } | null)?.code === '57014';
}
