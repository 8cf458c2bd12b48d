import type { FacetName, SearchResult, SortKey } from '../../search/engine.js';
import type { Locale, T } from '../../src/i18n/index.js';

/** An estate in the picker; searching by it centres the distance filter on the estate. */
export interface EstateChoice {
  slug: string;
  name: string;
}

/** What a result card shows beyond the search engine's hit. */
export interface CardText {
  descriptionId: string | null;
  descriptionEn: string | null;
}

/** The search form as the URL states it (raw strings, so an invalid query re-renders as typed). */
export interface FormState {
  q: string;
  sort: string;
  estate: string;
  near: string;
  radius_km: string;
  tkdn_min: string;
  employees_min: string;
  employees_max: string;
  verified: string;
  page: string;
  per_page: string;
  selected: Record<Exclude<FacetName, 'verified'>, string[]>;
}

/** Everything the search page shows; built by the route, rendered by pure components. */
export interface SearchViewModel {
  t: T;
  locale: Locale;
  state: FormState;
  /** Field → translated message, for a query that failed validation. */
  errors: Record<string, string>;
  result: SearchResult | null;
  degraded: boolean;
  estates: EstateChoice[];
  facetLabel: (facet: FacetName, value: string) => string;
  regionName: (code: string | null) => string | null;
  cards: Map<string, CardText>;
  /** The URL of this search with some parameters changed (null removes one). */
  hrefWith: (changes: Record<string, string | null>) => string;
}

/**
 * Controls that reload the results when they change, with the whole form as parameters. Only
 * these listen to `change`: the keyword box has its own debounced trigger, so leaving it does
 * not fire a second request that would re-render (and fold) a facet being opened.
 */
export const LIVE_CONTROL = {
  'hx-get': '/suppliers',
  'hx-trigger': 'change',
  'hx-include': 'closest form',
  'hx-target': '#supplier-results',
  'hx-swap': 'outerHTML',
  'hx-push-url': 'true',
  'hx-sync': 'closest form:replace',
} as const;

export const SORT_OPTIONS: readonly SortKey[] = ['relevance', 'distance', 'name', 'tkdn', 'recent'];

const LIST_FACETS = [
  'processes',
  'materials',
  'certifications',
  'sectors',
  'product_categories',
  'province',
  'regency',
] as const;

/** Form state from query parameters (already joined: repeated keys become comma lists). */
export function formState(input: Record<string, string>): FormState {
  const get = (k: string) => input[k] ?? '';
  const selected = Object.fromEntries(
    LIST_FACETS.map((f) => [
      f,
      get(f)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ]),
  ) as FormState['selected'];
  return {
    q: get('q'),
    sort: get('sort') || 'relevance',
    estate: get('estate'),
    near: get('near'),
    radius_km: get('radius_km'),
    tkdn_min: get('tkdn_min'),
    employees_min: get('employees_min'),
    employees_max: get('employees_max'),
    verified: get('verified'),
    page: get('page') || '1',
    per_page: get('per_page'),
    selected,
  };
}

/** The canonical URL of a form state with changes applied (blank values dropped, page reset unless given). */
export function stateHref(state: FormState, changes: Record<string, string | null>): string {
  const u = new URLSearchParams();
  const values: Record<string, string> = {
    q: state.q,
    ...Object.fromEntries(LIST_FACETS.map((f) => [f, state.selected[f].join(',')])),
    verified: state.verified,
    tkdn_min: state.tkdn_min,
    employees_min: state.employees_min,
    employees_max: state.employees_max,
    near: state.near,
    estate: state.estate,
    radius_km: state.radius_km,
    sort: state.sort === 'relevance' ? '' : state.sort,
    per_page: state.per_page,
  };
  for (const [k, v] of Object.entries(changes)) values[k] = v ?? '';
  for (const [k, v] of Object.entries(values)) if (v) u.set(k, v);
  const qs = u.toString();
  return qs ? `/suppliers?${qs}` : '/suppliers';
}
