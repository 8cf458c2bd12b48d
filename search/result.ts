import type { TextQuery } from './analyze.js';
import {
  emptyFacets,
  type FacetCounts,
  type SearchHit,
  type SearchResult,
  type Suggestion,
  type SupplierQuery,
} from './engine.js';
import type { HitRow } from './pg-query-repo.js';

/** The engine-neutral answer of the PostgreSQL engine, from its page of rows and counts. */
export function searchResult(
  q: SupplierQuery,
  total: number,
  rows: HitRow[],
  facets: FacetCounts,
  text: TextQuery | null,
  suggestions: Suggestion[],
): SearchResult {
  return {
    engine: 'postgres',
    total,
    page: q.page,
    perPage: q.perPage,
    hits: rows.map(toHit),
    facets: { ...emptyFacets(), ...facets },
    highlight: text?.highlight ?? [],
    suggestions,
  };
}

function toHit(r: HitRow): SearchHit {
  return {
    id: r.supplierId,
    name: r.name,
    tradingName: r.tradingName,
    provinceCode: r.provinceCode,
    regencyCode: r.regencyCode,
    // Copies: a row may be kept in a result plan and serve the next request too.
    processes: [...r.processes],
    materials: [...r.materials],
    productCategories: [...r.productCategories],
    sectors: [...r.sectors],
    certifications: [...r.certifications],
    verified: r.verified,
    tkdnMax: r.tkdnMax === null ? null : Math.round(r.tkdnMax * 100) / 100,
    distanceKm: r.distanceKm === null ? null : Math.round(r.distanceKm * 10) / 10,
    location: r.lat !== null && r.lon !== null ? { lat: r.lat, lon: r.lon } : null,
  };
}
