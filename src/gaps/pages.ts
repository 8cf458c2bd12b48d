import type { GapMapView } from '../../views/gaps/models.js';
import type { Sql } from '../db/client.js';
import { Invalid } from '../errors.js';
import { fieldErrors } from '../http/validate.js';
import type { Locale, T } from '../i18n/index.js';
import { cachedTaxonomy } from '../taxonomy/cache.js';
import { presentGapMap } from './present.js';
import { listEstateChoices } from './repo.js';
import { type GapFilter, GapQuery } from './schema.js';
import { buildGapMap } from './service.js';

export interface GapPageData {
  estates: { slug: string; name: string }[];
  view: GapMapView | null;
  errors: Record<string, string>;
}

/**
 * The gap map page: the estate choices, and the map when the query names a valid estate and
 * radius. Without an estate it is just the form; a bad value comes back as a field error.
 */
export async function loadGapPage(
  sql: Sql,
  query: Record<string, string>,
  ctx: { t: T; locale: Locale; now: Date },
): Promise<GapPageData> {
  const estates = await listEstateChoices(sql);
  if (!query.estate && !query.radius_km) return { estates, view: null, errors: {} };
  const parsed = GapQuery.safeParse(query);
  if (!parsed.success) return { estates, view: null, errors: fieldErrors(parsed.error, ctx.t) };
  try {
    return { estates, view: await loadGapView(sql, parsed.data, ctx), errors: {} };
  } catch (e) {
    if (e instanceof Invalid) return { estates, view: null, errors: translate(e, ctx.t) };
    throw e;
  }
}

const translate = (e: Invalid, t: T) =>
  Object.fromEntries(Object.entries(e.fields ?? {}).map(([k, v]) => [k, t(String(v))]));

/** The gap map for a valid query, in the reader's language (exports use it too). */
export async function loadGapView(
  sql: Sql,
  f: GapFilter,
  ctx: { t: T; locale: Locale; now: Date },
): Promise<GapMapView> {
  const [map, tax] = await Promise.all([
    buildGapMap(sql, f.estate, f.radius_km, ctx.now),
    cachedTaxonomy(sql),
  ]);
  return presentGapMap(map, ctx.t, tax, ctx.locale);
}
