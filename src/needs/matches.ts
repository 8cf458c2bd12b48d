import type { SearchEngine } from '../../search/engine.js';
import type { Sql } from '../db/client.js';
import type { Locale, T } from '../i18n/index.js';
import { describe, type ReasonContext, renderReasons } from '../matching/reasons.js';
import {
  type Explanation,
  explainMatch,
  type MatchableNeed,
  type MatchList,
  type MatchRow,
  rankNeed,
} from '../matching/service.js';
import type { SupplierStatus } from '../matching/types.js';
import { loadVocabulary } from '../matching/vocabulary.js';
import { todayIso } from '../suppliers/normalize.js';
import type { NeedRow } from './repo.js';

export interface MatchingDeps {
  sql: Sql;
  search?: SearchEngine | undefined;
  clock: () => Date;
}

/** A stored need as the matcher sees it: criteria, delivery point (estate or lat/lon), texts. */
export function matchableOf(n: NeedRow): MatchableNeed {
  const estate = n.estateLat !== null && n.estateLon !== null ? { lat: n.estateLat, lon: n.estateLon } : null;
  const point =
    n.deliveryLat !== null && n.deliveryLon !== null ? { lat: n.deliveryLat, lon: n.deliveryLon } : null;
  return {
    criteria: {
      processes: n.processes,
      materials: n.materials,
      requiredCerts: n.requiredCerts,
      preferredCerts: n.preferredCerts,
      minTkdn: n.minTkdn,
      quantity: n.quantity,
      unit: n.unit,
      frequency: n.frequency,
      point: estate ?? point,
      placeName: estate ? n.estateName : null,
      pointRegency: estate ? n.estateRegencyCode : null,
      maxDistanceKm: n.maxDistanceKm,
    },
    texts: [n.titleId, n.titleEn, n.descriptionId, n.descriptionEn],
  };
}

/** The ranked matches of a need as a viewer with these statuses may see them. */
export function listMatches(
  deps: MatchingDeps,
  need: NeedRow,
  statuses: readonly SupplierStatus[],
  opts: { limit: number; minScore?: number },
): Promise<MatchList> {
  return rankNeed(deps, matchableOf(need), { statuses, today: todayIso(deps.clock()), ...opts });
}

/** Every criterion for one supplier and a need, as the ranking judged it. */
export function explainSupplier(
  deps: MatchingDeps,
  need: NeedRow,
  supplierId: string,
  statuses: readonly SupplierStatus[],
): Promise<Explanation | null> {
  return explainMatch(deps, matchableOf(need), supplierId, { statuses, today: todayIso(deps.clock()) });
}

/** Taxonomy labels and number formats of the reader, for reasons. */
export async function reasonContext(sql: Sql, t: T, locale: Locale): Promise<ReasonContext> {
  const v = await loadVocabulary(sql);
  return { t, locale, term: (kind, slug) => v.label(kind, slug, locale) };
}

const roundKm = (km: number | null) => (km === null ? null : Math.round(km * 10) / 10);

/** `GET /api/v1/needs/:id/matches` item. */
export function matchToJson(m: MatchRow, ctx: ReasonContext) {
  return {
    supplier_id: m.supplierId,
    name: m.card.legalName,
    score: m.score,
    distance_km: roundKm(m.distanceKm),
    crosses_sea: m.crossesSea,
    reasons: renderReasons(m.criteria, ctx),
  };
}

/** `GET /api/v1/needs/:id/why-not/:supplier_id`: every criterion with pass/fail. */
export function explanationToJson(e: Explanation, ctx: ReasonContext) {
  return {
    supplier_id: e.supplierId,
    name: e.card.legalName,
    matched: e.verdict === 'matched',
    verdict: e.verdict,
    score: e.score,
    criteria: e.criteria.map((c) => ({
      code: c.code,
      hard: c.hard,
      pass: c.pass,
      applies: c.applies,
      weight: c.weight,
      points: c.points,
      label: describe(c, c.pass, c.applies, ctx),
    })),
  };
}
