import type { FacetName, SearchHit } from '../../search/engine.js';
import { MAX_RESULT_WINDOW } from '../../src/directory/schema.js';
import { BuyerActions } from '../directory/BuyerActions.js';
import { Highlight, type Phrases, snippet } from './highlight.js';
import { LIVE_CONTROL, type SearchViewModel } from './model.js';

/** Values shown before the rest fold away under "more". */
const SHOWN_VALUES = 12;

const hx = (href: string) => ({
  href,
  'hx-get': href,
  'hx-target': '#supplier-results',
  'hx-swap': 'outerHTML',
  'hx-push-url': 'true',
});

/** One formatter per locale: `toLocaleString` builds a new one on every call, hundreds per page. */
const NUMBERS = { id: new Intl.NumberFormat('id-ID'), en: new Intl.NumberFormat('en-GB') };
const fmt = (vm: SearchViewModel, n: number) => (vm.locale === 'id' ? NUMBERS.id : NUMBERS.en).format(n);

/**
 * One facet as checkboxes with counts (OR within the facet); open when something in it is ticked.
 * `counts` is null while the search index loads: then only the ticked values are listed, without
 * counts, so they stay in the form for the next search.
 */
export function FacetGroup({
  vm,
  facet,
  counts,
}: {
  vm: SearchViewModel;
  facet: Exclude<FacetName, 'verified'>;
  counts: Record<string, number> | null;
}) {
  const { t } = vm;
  const selected = vm.state.selected[facet];
  const values: [string, number | null][] =
    counts === null
      ? selected.map((v) => [v, null])
      : Object.entries(counts).sort(
          ([a, x], [b, y]) =>
            Number(selected.includes(b)) - Number(selected.includes(a)) || y - x || (a < b ? -1 : 1),
        );
  if (values.length === 0) return null;
  // Labels wrap their inputs and the inputs carry no id: htmx would otherwise "settle" each
  // input's attributes from the element it replaces, which a strict CSP can refuse.
  const box = ([value, n]: [string, number | null]) => (
    <label>
      <input type="checkbox" name={facet} value={value} checked={selected.includes(value)} />
      {vm.facetLabel(facet, value)} {n === null ? null : <span class="muted">({fmt(vm, n)})</span>}
    </label>
  );
  return (
    <details class="facet" open={selected.length > 0}>
      <summary>
        {t(`search.facet.${facet}`)}
        {selected.length ? ` (${selected.length})` : ''}
      </summary>
      {/* The live-search attributes sit once on the fieldset (change bubbles up), not on every box: a third less HTML. */}
      <fieldset aria-label={t(`search.facet.${facet}`)} {...LIVE_CONTROL}>
        {values.slice(0, SHOWN_VALUES).map(box)}
        {values.length > SHOWN_VALUES ? (
          <details>
            <summary>{t('search.more_filters')}</summary>
            {values.slice(SHOWN_VALUES).map(box)}
          </details>
        ) : null}
      </fieldset>
    </details>
  );
}

/** Verified or not: radio buttons, since the parameter takes one value (no counts while `counts` is null). */
export function VerifiedFacet({
  vm,
  counts,
}: {
  vm: SearchViewModel;
  counts: Record<string, number> | null;
}) {
  const { t } = vm;
  if (counts !== null && Object.keys(counts).length < 2 && !vm.state.verified) return null;
  const option = (value: string, label: string, n: number | null) => (
    <label>
      <input type="radio" name="verified" value={value} checked={vm.state.verified === value} />
      {label} {n === null ? null : <span class="muted">({fmt(vm, n)})</span>}
    </label>
  );
  return (
    <details class="facet" open={!!vm.state.verified}>
      <summary>{t('search.facet.verified')}</summary>
      <fieldset aria-label={t('search.facet.verified')} {...LIVE_CONTROL}>
        {option('', t('search.verified.all'), null)}
        {option('true', t('search.verified.true'), counts === null ? null : (counts.true ?? 0))}
        {option('false', t('search.verified.false'), counts === null ? null : (counts.false ?? 0))}
      </fieldset>
    </details>
  );
}

/** A hit: name, town, badge, distance, key capabilities and valid certificates, query words marked. */
export function ResultCard({ vm, hit, phrases }: { vm: SearchViewModel; hit: SearchHit; phrases: Phrases }) {
  const { t } = vm;
  const card = vm.cards.get(hit.id);
  const description =
    vm.locale === 'en'
      ? (card?.descriptionEn ?? card?.descriptionId ?? '')
      : (card?.descriptionId ?? card?.descriptionEn ?? '');
  const town = [vm.regionName(hit.regencyCode), vm.regionName(hit.provinceCode)].filter(Boolean).join(', ');
  return (
    <article class="supplier-card">
      <header>
        <h3>
          <a href={`/suppliers/${hit.id}`}>
            <Highlight text={hit.name} phrases={phrases} />
          </a>{' '}
          {hit.verified ? (
            <span class="badge verified" title={t('suppliers.verified_title')}>
              ✓ {t('search.verified.true')}
            </span>
          ) : (
            <span class="badge status-submitted">{t('search.verified.false')}</span>
          )}
        </h3>
        <p class="muted">
          {town}
          {hit.distanceKm !== null ? ` · ${t('search.distance', { km: fmt(vm, hit.distanceKm) })}` : ''}
          {hit.distanceKm !== null && vm.crossesSea?.(hit.regencyCode) ? (
            <span class="badge crossing"> {t('search.crossing')}</span>
          ) : null}
        </p>
      </header>
      {description ? (
        <p>
          <Highlight text={snippet(description, phrases)} phrases={phrases} />
        </p>
      ) : null}
      {hit.processes.length ? (
        <ul class="tags" aria-label={t('search.capabilities')}>
          {hit.processes.slice(0, 5).map((p) => (
            <li>
              <Highlight text={vm.facetLabel('processes', p)} phrases={phrases} />
            </li>
          ))}
          {hit.materials.slice(0, 3).map((m) => (
            <li>
              <Highlight text={vm.facetLabel('materials', m)} phrases={phrases} />
            </li>
          ))}
        </ul>
      ) : null}
      {hit.certifications.length || hit.tkdnMax !== null ? (
        <p>
          <small>
            {t('search.certificates')}:{' '}
            {hit.certifications.map((c) => vm.facetLabel('certifications', c)).join(', ')}
            {hit.tkdnMax !== null ? ` · ${t('search.tkdn', { n: fmt(vm, hit.tkdnMax) })}` : ''}
          </small>
        </p>
      ) : null}
      {vm.buyer ? (
        <BuyerActions
          t={t}
          ctx={vm.buyer.ctx}
          supplierId={hit.id}
          supplierName={hit.name}
          whatsapp={vm.buyer.whatsapp.get(hit.id) ?? null}
          next={vm.hrefWith({})}
        />
      ) : null}
    </article>
  );
}

/** Previous / next and a few page numbers; links work with and without htmx. */
export function Pagination({ vm }: { vm: SearchViewModel }) {
  const r = vm.result;
  if (!r) return null;
  const pages = Math.min(Math.ceil(r.total / r.perPage), Math.floor(MAX_RESULT_WINDOW / r.perPage));
  if (pages <= 1) return null;
  const page = r.page;
  const link = (p: number, label: string, rel?: string) => (
    <li>
      {p === page ? (
        <span aria-current="page">
          <strong>{label}</strong>
        </span>
      ) : (
        <a {...hx(vm.hrefWith({ page: String(p) }))} rel={rel}>
          {label}
        </a>
      )}
    </li>
  );
  const numbers = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter(
    (p) => p >= 1 && p <= pages,
  );
  return (
    <nav aria-label={vm.t('search.pagination')}>
      <ul>
        {page > 1 ? link(page - 1, vm.t('search.prev'), 'prev') : null}
        {numbers.map((p) => link(p, String(p)))}
        {page < pages ? link(page + 1, vm.t('search.next'), 'next') : null}
      </ul>
      <small class="muted">{vm.t('search.page', { page, pages })}</small>
    </nav>
  );
}

/** For an empty result: a spelling near-miss, and which single filter to drop (with its count). */
export function Suggestions({ vm }: { vm: SearchViewModel }) {
  const { t } = vm;
  const suggestions = vm.result?.suggestions ?? [];
  const relaxName = (param: string) =>
    (['q', 'tkdn_min', 'employees', 'radius_km'] as string[]).includes(param)
      ? t(`search.relax.${param}`)
      : t(`search.facet.${param}`);
  const dropped = (param: string): Record<string, string | null> =>
    param === 'employees' ? { employees_min: null, employees_max: null } : { [param]: null };
  return (
    <div class="suggestions">
      <p>{t('search.none')}</p>
      <ul>
        {suggestions.map((s) =>
          s.kind === 'spelling' ? (
            <li>
              {t('search.did_you_mean')} <a {...hx(vm.hrefWith({ q: s.query }))}>{s.query}</a>
            </li>
          ) : (
            <li>
              <a {...hx(vm.hrefWith(dropped(s.param)))}>
                {t('search.relax', { filter: relaxName(s.param), n: fmt(vm, s.total) })}
              </a>
            </li>
          ),
        )}
      </ul>
    </div>
  );
}
