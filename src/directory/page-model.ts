import type { FacetName } from '../../search/engine.js';
import type { FormState, SearchViewModel } from '../../views/search/model.js';
import { crossesSea } from '../geo/islands.js';
import type { Locale, T } from '../i18n/index.js';
import type { TermKind } from '../taxonomy/dictionary.js';
import type { DirectoryPage } from './service.js';
import { stateHref } from './state.js';

const FACET_KINDS: Partial<Record<FacetName, TermKind>> = {
  processes: 'process',
  materials: 'material',
  certifications: 'certification',
  sectors: 'sector',
  product_categories: 'product_category',
};

/**
 * The directory page's answer as the search view model: facet values get taxonomy labels or
 * region names, and field errors (i18n keys, or messages already translated by validation)
 * are put in the reader's language. Pure: everything it shows was read by `searchPage`.
 */
export function toSearchViewModel(
  page: DirectoryPage,
  view: { t: T; locale: Locale; state: FormState; errors: Record<string, string> },
): SearchViewModel {
  const { t, locale, state } = view;
  const { taxonomy, regionNames: names } = page;
  return {
    t,
    locale,
    state,
    errors: Object.fromEntries(Object.entries(view.errors).map(([k, v]) => [k, t(v)])),
    result: page.outcome?.result ?? null,
    degraded: page.outcome?.degraded ?? false,
    estates: page.estates,
    facetLabel: (facet, value) => {
      const kind = FACET_KINDS[facet];
      if (kind) return taxonomy.label(kind, value, locale);
      if (facet === 'province' || facet === 'regency') return names.get(value) ?? value;
      return value;
    },
    labelScope: taxonomy,
    regionName: (code) => (code ? (names.get(code) ?? code) : null),
    cards: page.cards,
    hrefWith: (changes) => stateHref(state, changes),
    buyer: page.buyer,
    crossesSea: (regency) => crossesSea(regency, page.outcome?.estate?.regencyCode ?? null),
  };
}
