import { type Context, Hono } from 'hono';
import { SearchPage, SearchResults } from '../../views/search/SearchPage.js';
import { describeRoutes } from '../api/openapi-registry.js';
import type { AppEnv } from '../context.js';
import { Invalid } from '../errors.js';
import { currentActor } from '../http/guards.js';
import { render } from '../http/render.js';
import { fieldErrors } from '../http/validate.js';
import { toSearchViewModel } from './page-model.js';
import { queryToInput, SearchParams } from './schema.js';
import { directoryEngine, outcomeToJson, type SearchDeps, searchPage, searchSuppliers } from './service.js';
import { formState, stateHref } from './state.js';

const viewerOf = (c: Context<AppEnv>) => (c.get('user') ? currentActor(c) : null);

const searchDeps = (c: Context<AppEnv>): SearchDeps => {
  const deps = c.get('deps');
  return { sql: deps.sql, search: directoryEngine(deps), clock: deps.clock };
};

/** Query string → validated params, or the failed fields keyed by query parameter. */
function parseQuery(c: Context<AppEnv>): { params: SearchParams } | { fields: Record<string, string> } {
  const parsed = SearchParams.safeParse(queryToInput(c.req.queries()));
  if (parsed.success) return { params: parsed.data };
  // Errors name the query parameter (`processes`), not the list item (`processes.0`).
  const fields: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrors(parsed.error, c.get('t'))))
    fields[path.split('.')[0]!] ??= message;
  return { fields };
}

/** `GET /api/v1/suppliers`: the search API (snake_case, slugs, region codes, took_ms, engine). */
export const searchApi = new Hono<AppEnv>();

searchApi.get('/suppliers', async (c) => {
  const query = parseQuery(c);
  if ('fields' in query) throw new Invalid(query.fields, 'errors.bad_request', 400);
  const outcome = await searchSuppliers(searchDeps(c), query.params, viewerOf(c));
  c.header('Cache-Control', 'no-store');
  return c.json(outcomeToJson(outcome));
});

/** `GET /suppliers`: the search page; htmx requests get the results container alone. */
export const searchPages = new Hono<AppEnv>();

searchPages.get('/suppliers', async (c) => {
  const t = c.get('t');
  const query = parseQuery(c);
  const page = await searchPage(
    searchDeps(c),
    'params' in query ? query.params : null,
    viewerOf(c),
    c.get('locale'),
  );
  const state = formState(queryToInput(c.req.queries()));
  const errors = 'fields' in query ? query.fields : page.errors;
  const vm = toSearchViewModel(page, { t, locale: c.get('locale'), state, errors });
  const invalid = Object.keys(errors).length > 0;
  c.header('Cache-Control', 'no-store');
  if (c.get('partial')) {
    // htmx swaps 422 (not 400), so the messages replace the results instead of being dropped.
    c.header('HX-Push-Url', stateHref(state, { page: state.page === '1' ? null : state.page }));
    return render(c, <SearchResults {...vm} />, { title: t('search.title'), status: invalid ? 422 : 200 });
  }
  return render(c, <SearchPage {...vm} />, { title: t('search.title'), status: invalid ? 400 : 200 });
});

describeRoutes('suppliers', [
  {
    method: 'get',
    path: '/suppliers',
    summary: 'Search the supplier directory: text, facets, region, distance and sorting.',
    description: 'List parameters (`processes`, `materials`, …) may repeat or be comma-separated.',
    query: SearchParams,
    response: {
      status: 200,
      description:
        'Hits, total, facets, took_ms and the engine that answered. For the few seconds after an instance starts, while its search index loads, `total_exact` may be false (`total` is then a floor) and `facets_counted` is false (`facets` hold no counts); the hits and their order are exact.',
    },
  },
]);
