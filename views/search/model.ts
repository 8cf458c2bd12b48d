import type { FacetName, SearchResult, SortKey } from '../../search/engine.js';
import type { Locale, T } from '../../src/i18n/index.js';
import type { BuyerActionsView } from '../directory/BuyerActions.js';

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
  /** Where the labels come from (the taxonomy in use): rendered facet panels are cached per scope. */
  labelScope: object;
  regionName: (code: string | null) => string | null;
  cards: Map<string, CardText>;
  /** The URL of this search with some parameters changed (null removes one). */
  hrefWith: (changes: Record<string, string | null>) => string;
  /** True when a result's regency is on another island than the estate searched from. */
  crossesSea?: (regencyCode: string | null) => boolean;
  /** Buyer actions on each card (logged-in buyers only): needs, events, WhatsApp links by supplier. */
  buyer?: { ctx: BuyerActionsView; whatsapp: ReadonlyMap<string, string> } | null;
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
