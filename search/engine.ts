import { todayIso } from '../src/suppliers/normalize.js';
/**
 * The search port: one query shape and one result shape, answered by either engine
 * (PostgreSQL, the default and fallback; Meilisearch when configured).
 */

/** Facets the API counts, keyed by their API names. */
export const FACETS = [
  'processes',
  'materials',
  'certifications',
  'sectors',
  'product_categories',
  'province',
  'regency',
  'verified',
] as const;
export type FacetName = (typeof FACETS)[number];

/** Facets whose values are taxonomy slugs, with the taxonomy kind behind each. */
export const TERM_FACETS = {
  processes: 'process',
  materials: 'material',
  certifications: 'certification',
  sectors: 'sector',
  product_categories: 'product_category',
} as const;
export type TermFacet = keyof typeof TERM_FACETS;

export const SORTS = ['relevance', 'distance', 'name', 'tkdn', 'recent'] as const;
export type SortKey = (typeof SORTS)[number];

/** Statuses that search can list at all; who sees which is decided per viewer (see src/directory/service.ts). */
export const SEARCHABLE_STATUSES = ['verified', 'submitted'] as const;
export type SearchableStatus = (typeof SEARCHABLE_STATUSES)[number];

export interface GeoPoint {
  lat: number;
  lon: number;
}

/** Multi-valued facet filters: OR within a facet, AND across facets. */
export interface FacetFilters {
  processes: string[];
  materials: string[];
  certifications: string[];
  sectors: string[];
  product_categories: string[];
  province: string[];
  regency: string[];
  /** `[true]` or `[false]` narrows; empty means both. */
  verified: boolean[];
}

export interface SupplierQuery {
  /** Free text; empty for browsing by facets. */
  q: string;
  filters: FacetFilters;
  tkdnMin: number | null;
  employeesMin: number | null;
  employeesMax: number | null;
  /** The point distances are measured from (`near`, or an estate's location). */
  point: GeoPoint | null;
  radiusKm: number | null;
  sort: SortKey;
  page: number;
  perPage: number;
  /** Statuses the viewer may see in results. */
  statuses: readonly SearchableStatus[];
  /** Today in WIB (YYYY-MM-DD): a certificate valid until an earlier day is not held. */
  today: string;
}

export interface SearchHit {
  id: string;
  name: string;
  tradingName: string | null;
  provinceCode: string | null;
  regencyCode: string | null;
  processes: string[];
  materials: string[];
  productCategories: string[];
  sectors: string[];
  /** Valid (unexpired) certificate types only. */
  certifications: string[];
  verified: boolean;
  tkdnMax: number | null;
  distanceKm: number | null;
  location: GeoPoint | null;
}

export type FacetCounts = Record<FacetName, Record<string, number>>;

/** What to tell a user whose search found nothing. */
export type Suggestion =
  | { kind: 'spelling'; query: string; replacements: Record<string, string> }
  | { kind: 'relax'; param: RelaxParam; value: string | null; total: number };

export type RelaxParam = FacetName | 'q' | 'tkdn_min' | 'employees' | 'radius_km';

export interface SearchResult {
  engine: 'postgres' | 'meilisearch';
  total: number;
  page: number;
  perPage: number;
  hits: SearchHit[];
  facets: FacetCounts;
  /** Words and phrases that matched (query words, synonyms, typo corrections), for highlighting. */
  highlight: string[];
  /** Filled when nothing was found. */
  suggestions: Suggestion[];
  /**
   * Only while the in-memory index loads, when bounded SQL answered: the hits and their order are
   * exact, but `total` stops at a cap (`totalCapped` when there are more) and `facets` hold no counts.
   */
  warming?: { totalCapped: boolean };
}

export interface SearchStatus {
  /** The engine that answers right now. */
  engine: 'postgres' | 'meilisearch';
  /** Meilisearch is configured but unreachable, so PostgreSQL answers. */
  degraded: boolean;
  /** Extra facts for /healthz (index state, pending outbox rows). */
  detail?: Record<string, unknown>;
}

export interface SearchEngine {
  readonly name: 'postgres' | 'meilisearch';
  search(query: SupplierQuery): Promise<SearchResult>;
  status(): SearchStatus;
}

/** A query with every filter empty, for tests and callers that set only a few fields. */
export function emptyQuery(over: Partial<SupplierQuery> = {}): SupplierQuery {
  return {
    q: '',
    filters: {
      processes: [],
      materials: [],
      certifications: [],
      sectors: [],
      product_categories: [],
      province: [],
      regency: [],
      verified: [],
    },
    tkdnMin: null,
    employeesMin: null,
    employeesMax: null,
    point: null,
    radiusKm: null,
    sort: 'relevance',
    page: 1,
    perPage: 20,
    statuses: ['verified', 'submitted'],
    today: todayIso(new Date()),
    ...over,
  };
}

/** Empty counts for every facet, so both engines answer with the same keys. */
export function emptyFacets(): FacetCounts {
  return Object.fromEntries(FACETS.map((f) => [f, {}])) as FacetCounts;
}

/** Great-circle distance on the sphere earthdistance uses (radius 6,378,168 m), in km. */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** earthdistance's `earth()`: keeping the same radius makes the in-memory radius filter agree with SQL. */
export const EARTH_RADIUS_KM = 6378.168;
