import { type Context, Hono } from 'hono';
import type { FacetName } from '../../search/engine.js';
import { PostgresEngine } from '../../search/postgres.js';
import { formState, type SearchViewModel, stateHref } from '../../views/search/model.js';
import { SearchPage, SearchResults } from '../../views/search/SearchPage.js';
import type { AppEnv, Deps } from '../context.js';
import { DomainError } from '../errors.js';
import { currentActor } from '../http/guards.js';
import { render } from '../http/render.js';
import { fieldErrors } from '../http/validate.js';
import type { TermKind } from '../taxonomy/dictionary.js';
import { loadTaxonomy } from '../taxonomy/service.js';
import { cardDetails, listEstateOptions, regionNames } from './repo.js';
import { queryToInput, SearchParams } from './schema.js';
import { outcomeToJson, type SearchOutcome, searchSuppliers } from './service.js';

const fallbackEngines = new WeakMap<Deps['sql'], PostgresEngine>();

/** The configured engine, or one PostgreSQL engine per database for setups that pass none. */
function engineOf(deps: Deps) {
  if (deps.search) return deps.search;
  let engine = fallbackEngines.get(deps.sql);
  if (!engine) {
    engine = new PostgresEngine(deps.sql, { logger: deps.logger, waitForIndex: true });
    fallbackEngines.set(deps.sql, engine);
  }
  return engine;
}

const viewerOf = (c: Context<AppEnv>) => (c.get('user') ? currentActor(c) : null);

/** Query string → validated params; a bad parameter is a 400 listing the fields. */
async function run(c: Context<AppEnv>): Promise<SearchOutcome> {
  const deps = c.get('deps');
  const parsed = SearchParams.safeParse(queryToInput(c.req.queries()));
  if (!parsed.success) {
    // Errors name the query parameter (`processes`), not the list item (`processes.0`).
    const fields: Record<string, string> = {};
    for (const [path, message] of Object.entries(fieldErrors(parsed.error, c.get('t'))))
      fields[path.split('.')[0]!] ??= message;
    throw new InvalidQuery(fields);
  }
  return searchSuppliers(
    { sql: deps.sql, search: engineOf(deps), clock: deps.clock },
    parsed.data,
    viewerOf(c),
  );
}

class InvalidQuery extends DomainError {
  constructor(fields: Record<string, string>) {
    super(400, 'bad_request', 'errors.bad_request', fields);
  }
}

/** `GET /api/v1/suppliers`: the search API (snake_case, slugs, region codes, took_ms, engine). */
export const searchApi = new Hono<AppEnv>();

searchApi.get('/suppliers', async (c) => {
  const outcome = await run(c);
  c.header('Cache-Control', 'no-store');
  return c.json(outcomeToJson(outcome));
});

const FACET_KINDS: Partial<Record<FacetName, TermKind>> = {
  processes: 'process',
  materials: 'material',
  certifications: 'certification',
  sectors: 'sector',
  product_categories: 'product_category',
};

/** `GET /suppliers`: the search page; htmx requests get the results container alone. */
export const searchPages = new Hono<AppEnv>();

searchPages.get('/suppliers', async (c) => {
  const deps = c.get('deps');
  const t = c.get('t');
  const locale = c.get('locale');
  const input = queryToInput(c.req.queries());
  let outcome: SearchOutcome | null = null;
  let errors: Record<string, string> = {};
  try {
    outcome = await run(c);
  } catch (err) {
    if (!(err instanceof DomainError) || err.status !== 400) throw err;
    errors = Object.fromEntries(Object.entries(err.fields ?? {}).map(([k, v]) => [k, t(v)]));
  }
  const result = outcome?.result ?? null;
  const codes = new Set<string>();
  for (const f of ['province', 'regency'] as const)
    for (const code of Object.keys(result?.facets[f] ?? {})) codes.add(code);
  for (const h of result?.hits ?? [])
    for (const code of [h.provinceCode, h.regencyCode]) if (code) codes.add(code);
  const [tax, names, cards, estates] = await Promise.all([
    loadTaxonomy(deps.sql),
    regionNames(deps.sql, [...codes]),
    cardDetails(
      deps.sql,
      (result?.hits ?? []).map((h) => h.id),
    ),
    listEstateOptions(deps.sql),
  ]);
  const state = formState(input);
  const vm: SearchViewModel = {
    t,
    locale,
    state,
    errors,
    result,
    degraded: outcome?.degraded ?? false,
    estates,
    facetLabel: (facet, value) => {
      const kind = FACET_KINDS[facet];
      if (kind) return tax.label(kind, value, locale);
      if (facet === 'province' || facet === 'regency') return names.get(value) ?? value;
      return value;
    },
    regionName: (code) => (code ? (names.get(code) ?? code) : null),
    cards,
    hrefWith: (changes) => stateHref(state, changes),
  };
  const invalid = Object.keys(errors).length > 0;
  c.header('Cache-Control', 'no-store');
  if (c.get('partial')) {
    // htmx swaps 422 (not 400), so the messages replace the results instead of being dropped.
    const status = invalid ? 422 : 200;
    c.header('HX-Push-Url', stateHref(state, { page: state.page === '1' ? null : state.page }));
    return render(c, <SearchResults {...vm} />, { title: t('search.title'), status });
  }
  return render(c, <SearchPage {...vm} />, { title: t('search.title'), status: invalid ? 400 : 200 });
});
