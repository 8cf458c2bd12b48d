import { Cache } from '../../src/cache.js';
import type { TextQuery } from '../analyze.js';
import type { FacetCounts, Suggestion, SupplierQuery } from '../engine.js';
import type { HitRow } from '../pg-query-repo.js';
import type { MemoryIndex } from './index.js';

/** What a query resolves to before its page is read from PostgreSQL. */
export interface ResultPlan {
  /** Supplier ids in result order (after the text re-rank), the first `window` of them. */
  ordered: string[];
  window: number;
  total: number;
  facets: FacetCounts;
  text: TextQuery | null;
  suggestions: Suggestion[];
  /**
   * Rows of the pages served so far, each re-checked (`ok`) when read. They come from
   * supplier_search alone, whose every change ends the plan, so they hold as long as it does.
   */
  rows: Map<string, HitRow>;
}

interface Entry {
  ix: MemoryIndex;
  version: number;
  plan: ResultPlan;
}

/**
 * Recent result plans of the in-memory index, the way search engines keep a query result cache
 * (Solr's queryResultCache, Elasticsearch's request cache): the next page of a search, the same
 * search sorted again and the directory's landing page then skip ranking and facet counting,
 * and a page already served is not read again. An entry holds only while the index is the one it was
 * computed on, at the same version: every change a refresh applies (or a rebuild) ends it, so a
 * plan is never older than the data every search catches up with first.
 */
export class ResultCache {
  private readonly cache = new Cache<string, Entry>({ max: 256 });

  /** The plan for `q` (any page whose end is within its window), when still current. */
  get(ix: MemoryIndex, q: SupplierQuery, needed: number): ResultPlan | null {
    const e = this.cache.get(keyOf(q));
    if (!e || e.ix !== ix || e.version !== ix.version || e.plan.window < needed) return null;
    return e.plan;
  }

  set(ix: MemoryIndex, version: number, q: SupplierQuery, plan: ResultPlan): void {
    this.cache.set(keyOf(q), { ix, version, plan });
  }

  /** Forgets every plan (the index disagreed with SQL). */
  clear(): void {
    this.cache.clear();
  }
}

/** Every field of the query but its page, so a new field can never be left out of the key. */
function keyOf(q: SupplierQuery): string {
  return JSON.stringify({ ...q, page: 0 });
}
