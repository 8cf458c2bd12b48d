import type { SearchEngine, SearchResult, SupplierQuery } from '../../search/engine.js';
import type { Sql } from '../db/client.js';
import { Invalid } from '../errors.js';
import { type Actor, isFacilitator } from '../suppliers/access.js';
import { todayIso } from '../suppliers/normalize.js';
import type { TermKind } from '../taxonomy/dictionary.js';
import { loadTaxonomy, type Taxonomy } from '../taxonomy/service.js';
import { type EstateOption, findEstate } from './repo.js';
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

const taxonomies = new WeakMap<Sql, { at: number; tax: Promise<Taxonomy> }>();

/** The taxonomy for validating slugs, re-read at most every ten seconds (it changes rarely, by admins). */
function recentTaxonomy(sql: Sql): Promise<Taxonomy> {
  const hit = taxonomies.get(sql);
  if (hit && Date.now() - hit.at < 10_000) return hit.tax;
  const tax = loadTaxonomy(sql);
  taxonomies.set(sql, { at: Date.now(), tax });
  tax.catch(() => taxonomies.delete(sql));
  return tax;
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
    const tax = await recentTaxonomy(deps.sql);
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
