import type { SearchEngine, SearchResult, SupplierQuery } from '../../search/engine.js';
import { PostgresEngine } from '../../search/postgres.js';
import type { Sql } from '../db/client.js';
import { DomainError, Invalid } from '../errors.js';
import type { Locale } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import { type Actor, isFacilitator } from '../suppliers/access.js';
import { todayIso } from '../suppliers/normalize.js';
import { cachedTaxonomy } from '../taxonomy/cache.js';
import type { TermKind } from '../taxonomy/dictionary.js';
import type { Taxonomy } from '../taxonomy/service.js';
import { type BuyerContext, loadBuyerContext, whatsappLinks } from './buyer-actions.js';
import { cachedEstateOptions, cachedRegionNames } from './cache.js';
import { type CardDetails, cardDetails, type EstateOption, findEstate } from './repo.js';
import type { SearchParams } from './schema.js';

export interface SearchDeps {
  sql: Sql;
  search: SearchEngine;
  clock: () => Date;
}

export interface SearchOutcome {
  params: SearchParams;
  query: SupplierQuery;
  result: SearchResult;
  estate: EstateOption | null;
  tookMs: number;
  /** Meilisearch is configured but PostgreSQL answered. */
  degraded: boolean;
}

const TERM_PARAMS: [keyof SearchParams & string, TermKind][] = [
  ['processes', 'process'],
  ['materials', 'material'],
  ['certifications', 'certification'],
  ['sectors', 'sector'],
  ['product_categories', 'product_category'],
];

/**
 * Who sees what: verified profiles are public, so everyone finds them; facilitators and
 * admins, who can open submitted profiles, also find those awaiting verification. Drafts,
 * rejected and suspended profiles are never listed.
 */
export function visibleStatuses(viewer: Actor | null): SupplierQuery['statuses'] {
  return isFacilitator(viewer) ? ['verified', 'submitted'] : ['verified'];
}

const fallbackEngines = new WeakMap<Sql, PostgresEngine>();

/**
 * The configured engine, or one PostgreSQL engine per database for setups that pass none
 * (kept per database handle: an engine holds its in-memory index, built once).
 */
export function directoryEngine(deps: { sql: Sql; search?: SearchEngine; logger: Logger }): SearchEngine {
  if (deps.search) return deps.search;
  let engine = fallbackEngines.get(deps.sql);
  if (!engine) {
    engine = new PostgresEngine(deps.sql, { logger: deps.logger, waitForIndex: true });
    fallbackEngines.set(deps.sql, engine);
  }
  return engine;
}

/** Checks what zod cannot (taxonomy slugs, estates), then asks the engine. Unknown values are a 400. */
export async function searchSuppliers(
  deps: SearchDeps,
  p: SearchParams,
  viewer: Actor | null,
): Promise<SearchOutcome> {
  const started = performance.now();
  const errors: Record<string, string> = {};
  if (TERM_PARAMS.some(([param]) => (p[param] as string[]).length)) {
    const tax = await cachedTaxonomy(deps.sql);
    for (const [param, kind] of TERM_PARAMS)
      if ((p[param] as string[]).some((slug) => !tax.has(kind, slug))) errors[param] = 'v.unknown_term';
  }
  const estate = p.estate ? await findEstate(deps.sql, p.estate) : null;
  if (p.estate && !estate) errors.estate = 'v.search_unknown_estate';
  if (Object.keys(errors).length) throw new Invalid(errors, 'errors.bad_request', 400);

  const query: SupplierQuery = {
    q: p.q,
    filters: {
      processes: p.processes,
      materials: p.materials,
      certifications: p.certifications,
      sectors: p.sectors,
      product_categories: p.product_categories,
      province: p.province,
      regency: p.regency,
      verified: p.verified === undefined ? [] : [p.verified === 'true'],
    },
    tkdnMin: p.tkdn_min ?? null,
    employeesMin: p.employees_min ?? null,
    employeesMax: p.employees_max ?? null,
    point: estate ? { lat: estate.lat, lon: estate.lon } : (p.near ?? null),
    radiusKm: p.radius_km ?? null,
    sort: p.sort,
    page: p.page,
    perPage: p.per_page,
    statuses: visibleStatuses(viewer),
    today: todayIso(deps.clock()),
  };
  const result = await deps.search.search(query);
  const status = deps.search.status();
  return {
    params: p,
    query,
    result,
    estate,
    tookMs: Math.round(performance.now() - started),
    degraded: status.degraded,
  };
}

/** The API representation (snake_case, taxonomy slugs, idn-area-data codes). */
export function outcomeToJson(o: SearchOutcome) {
  const r = o.result;
  return {
    engine: r.engine,
    total: r.total,
    // False only while an instance loads its search index: `total` is then a floor ("more than").
    total_exact: !r.warming?.totalCapped,
    // False only while an instance loads its search index: `facets` then hold no counts.
    facets_counted: !r.warming,
    page: r.page,
    per_page: r.perPage,
    hits: r.hits.map((h) => ({
      id: h.id,
      name: h.name,
      trading_name: h.tradingName,
      province_code: h.provinceCode,
      regency_code: h.regencyCode,
      processes: h.processes,
      materials: h.materials,
      product_categories: h.productCategories,
      sectors: h.sectors,
      certifications: h.certifications,
      verified: h.verified,
      tkdn_max: h.tkdnMax,
      location: h.location,
      ...(o.query.point ? { distance_km: h.distanceKm } : {}),
    })),
    facets: r.facets,
    suggestions: r.suggestions.map((s) =>
      s.kind === 'spelling'
        ? { type: 'spelling', query: s.query, replacements: s.replacements }
        : { type: 'relax', param: s.param, total: s.total },
    ),
    took_ms: o.tookMs,
  };
}

/** Everything the directory page shows besides the form: the search's answer and what labels it. */
export interface DirectoryPage {
  outcome: SearchOutcome | null;
  /** Field → i18n key, for a query the taxonomy or the estates refused. */
  errors: Record<string, string>;
  taxonomy: Taxonomy;
  regionNames: Map<string, string>;
  cards: Map<string, CardDetails>;
  estates: EstateOption[];
  /** Buyer actions on each card: the buyer's needs and events, and WhatsApp links by supplier id. */
  buyer: { ctx: BuyerContext; whatsapp: Map<string, string> } | null;
}

/**
 * The search page in one call: the search (unless the query failed validation), then the
 * page's reads in parallel. Taxonomy, estates and region names come from caches, so a page
 * usually costs the engine's queries and one read of the shown suppliers' texts.
 */
export async function searchPage(
  deps: SearchDeps,
  params: SearchParams | null,
  viewer: Actor | null,
  locale: Locale = 'id',
): Promise<DirectoryPage> {
  let outcome: SearchOutcome | null = null;
  let errors: Record<string, string> = {};
  if (params) {
    try {
      outcome = await searchSuppliers(deps, params, viewer);
    } catch (err) {
      if (!(err instanceof DomainError) || err.status !== 400) throw err;
      errors = err.fields ?? {};
    }
  }
  const result = outcome?.result ?? null;
  const codes = new Set<string>();
  for (const f of ['province', 'regency'] as const)
    for (const code of Object.keys(result?.facets[f] ?? {})) codes.add(code);
  for (const h of result?.hits ?? [])
    for (const code of [h.provinceCode, h.regencyCode]) if (code) codes.add(code);
  const [taxonomy, regionNames, cards, estates, buyer] = await Promise.all([
    cachedTaxonomy(deps.sql),
    cachedRegionNames(deps.sql, [...codes]),
    cardDetails(
      deps.sql,
      (result?.hits ?? []).map((h) => h.id),
    ),
    cachedEstateOptions(deps.sql),
    buyerBlocks(deps, viewer, locale, result?.hits ?? []),
  ]);
  return { outcome, errors, taxonomy, regionNames, cards, estates, buyer };
}

/** The buyer's action context for the shown hits (null for everyone else). */
async function buyerBlocks(
  deps: SearchDeps,
  viewer: Actor | null,
  locale: Locale,
  hits: { id: string; name: string }[],
): Promise<DirectoryPage['buyer']> {
  const ctx = await loadBuyerContext(deps, viewer, locale);
  return ctx ? { ctx, whatsapp: await whatsappLinks(deps.sql, ctx, hits) } : null;
}
