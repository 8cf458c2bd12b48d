import { FacetPanel } from './facet-panel.js';
import { highlightPhrases } from './highlight.js';
import { LIVE_CONTROL, type SearchViewModel, SORT_OPTIONS } from './model.js';
import { Pagination, ResultCard, Suggestions } from './parts.js';

/** htmx attributes shared by everything that reloads the results. */
const HX = {
  'hx-get': '/suppliers',
  'hx-target': '#supplier-results',
  'hx-swap': 'outerHTML',
  'hx-push-url': 'true',
};

/**
 * `/suppliers`: a plain GET form (works without JavaScript) with htmx layered on: typing
 * searches after a pause, ticking a facet or changing the radius reloads the results, and
 * the URL always holds the whole search, so back, forward and shared links restore it.
 */
export function SearchPage(vm: SearchViewModel) {
  const { t, state, errors } = vm;
  const fieldError = (name: string) =>
    errors[name] ? (
      <small id={`f-${name}-error`} class="field-error">
        {errors[name]}
      </small>
    ) : null;
  const invalid = (name: string) =>
    errors[name] ? { 'aria-invalid': 'true', 'aria-describedby': `f-${name}-error` } : {};
  return (
    <search id="search">
      <h1>{t('search.title')}</h1>
      <p class="muted">{t('search.lead')}</p>
      <form
        id="supplier-search"
        method="get"
        action="/suppliers"
        {...HX}
        hx-trigger="submit"
        hx-sync="this:replace"
      >
        <label for="f-q">
          {t('search.q')}
          <input
            id="f-q"
            name="q"
            type="search"
            value={state.q}
            placeholder={t('search.q_placeholder')}
            autocomplete="off"
            {...HX}
            hx-trigger="input changed delay:300ms, search"
            hx-include="closest form"
            hx-sync="closest form:replace"
            {...invalid('q')}
          />
          {fieldError('q')}
        </label>
        <div class="grid">
          <label for="f-estate">
            {t('search.estate')}
            <select id="f-estate" name="estate" {...LIVE_CONTROL} {...invalid('estate')}>
              <option value="">{t('search.estate_none')}</option>
              {vm.estates.map((e) => (
                <option value={e.slug} selected={e.slug === state.estate}>
                  {e.name}
                </option>
              ))}
            </select>
            {fieldError('estate')}
          </label>
          <label for="f-radius_km">
            {t('search.radius')}
            <input
              id="f-radius_km"
              name="radius_km"
              type="number"
              min="1"
              max="2000"
              step="1"
              value={state.radius_km}
              {...LIVE_CONTROL}
              {...invalid('radius_km')}
            />
            {fieldError('radius_km')}
          </label>
          <label for="f-sort">
            {t('search.sort')}
            <select id="f-sort" name="sort" {...LIVE_CONTROL} {...invalid('sort')}>
              {SORT_OPTIONS.map((s) => (
                <option
                  value={s}
                  selected={s === state.sort}
                  disabled={s === 'distance' && !state.estate && !state.near}
                >
                  {t(`search.sort.${s}`)}
                </option>
              ))}
            </select>
            {fieldError('sort')}
          </label>
        </div>
        {state.near ? <input type="hidden" name="near" value={state.near} /> : null}
        {fieldError('near')}
        <details open={!!(state.tkdn_min || state.employees_min || state.employees_max)}>
          <summary>{t('search.more_filters')}</summary>
          <div class="grid">
            {(['tkdn_min', 'employees_min', 'employees_max'] as const).map((name) => (
              <label for={`f-${name}`}>
                {t(`search.${name}`)}
                <input
                  id={`f-${name}`}
                  name={name}
                  type="number"
                  min="0"
                  value={state[name]}
                  {...LIVE_CONTROL}
                  {...invalid(name)}
                />
                {fieldError(name)}
              </label>
            ))}
          </div>
        </details>
        <button type="submit">{t('search.submit')}</button>
        <SearchResults {...vm} />
      </form>
    </search>
  );
}

/** The results container, which htmx swaps whole: facets with their counts, hits, pagination. */
export function SearchResults(vm: SearchViewModel) {
  const { t, result } = vm;
  const phrases = highlightPhrases(result?.highlight ?? []);
  return (
    <div id="supplier-results" class="search-layout">
      <aside class="facets" aria-label={t('search.filters')}>
        <details class="facet-panel">
          <summary>
            <h2>{t('search.filters')}</h2>
          </summary>
          {result ? <FacetPanel vm={vm} result={result} /> : null}
          <p>
            <a
              href="/suppliers"
              hx-get="/suppliers"
              hx-target="#supplier-results"
              hx-swap="outerHTML"
              hx-push-url="true"
            >
              {t('search.clear')}
            </a>
          </p>
          <p>
            <a href={`/saved-searches?query=${encodeURIComponent(vm.hrefWith({}).split('?')[1] ?? '')}`}>
              {t('saved.new')}
            </a>
          </p>
        </details>
      </aside>
      <section class="hits" aria-label={t('search.results')}>
        {Object.keys(vm.errors).length ? (
          <div class="form-error" role="alert">
            <p>{t('errors.bad_request')}</p>
            <ul>
              {Object.values(vm.errors).map((m) => (
                <li>{m}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {vm.degraded ? (
          <p class="notice" role="status">
            {t('search.degraded')}
          </p>
        ) : null}
        {result ? (
          <>
            <p aria-live="polite" class="result-count">
              <strong>
                {result.warming?.totalCapped
                  ? t('search.count_more', {
                      n: result.total.toLocaleString(vm.locale === 'id' ? 'id-ID' : 'en-GB'),
                    })
                  : result.total === 1
                    ? t('search.count_one')
                    : t('search.count', {
                        n: result.total.toLocaleString(vm.locale === 'id' ? 'id-ID' : 'en-GB'),
                      })}
              </strong>
            </p>
            {result.warming ? (
              <p class="notice" role="status">
                {t('search.warming')}
              </p>
            ) : null}
            {result.total === 0 ? <Suggestions vm={vm} /> : null}
            {result.hits.map((h) => (
              <ResultCard vm={vm} hit={h} phrases={phrases} />
            ))}
            <Pagination vm={vm} />
          </>
        ) : null}
      </section>
    </div>
  );
}
