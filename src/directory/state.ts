import type { FormState } from '../../views/search/model.js';

/*
 * The directory's URL state: the search form's values read from the query string, and the
 * canonical /suppliers URL of a state with changes. Routes and the page model use it; views get
 * ready-made links through the view model's `hrefWith`.
 */

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
