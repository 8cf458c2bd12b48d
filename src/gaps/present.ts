import type { GapMapView } from '../../views/gaps/models.js';
import type { Locale, T } from '../i18n/index.js';
import type { Taxonomy } from '../taxonomy/service.js';
import type { GapMap } from './service.js';
import type { Lack, Requirement } from './supply.js';

/** One lack in words: "certificate: Halal", "TKDN ≥ 25% (has 10%)". */
export function lackText(l: Lack, t: T, tax: Taxonomy, locale: Locale): string {
  if (l.kind === 'tkdn')
    return l.has === null
      ? t('gaps.lack.tkdn_none', { min: l.min })
      : t('gaps.lack.tkdn', { min: l.min, has: l.has });
  if (l.kind === 'material')
    return t('gaps.lack.material', {
      what: l.anyOf.map((m) => tax.label('material', m, locale)).join(' / '),
    });
  if (l.kind === 'cert') return t('gaps.lack.cert', { what: tax.label('certification', l.slug, locale) });
  return t('gaps.lack.capability', { what: tax.label(l.kind, l.slug, locale) });
}

const labels = (tax: Taxonomy, kind: 'material' | 'certification', slugs: string[], locale: Locale) =>
  slugs.map((s) => tax.label(kind, s, locale)).join(', ');

/** The requirement's capability as a label, e.g. "Bubut CNC". */
export const capabilityLabel = (r: Requirement, tax: Taxonomy, locale: Locale) =>
  tax.label(r.kind, r.slug, locale);

/** The gap map in the reader's language. */
export function presentGapMap(map: GapMap, t: T, tax: Taxonomy, locale: Locale): GapMapView {
  return {
    estateSlug: map.estate.slug,
    estateName: map.estate.name,
    regencyName: map.estate.regencyName,
    radiusKm: map.radiusKm,
    asOf: map.asOf,
    suppliersInReach: map.suppliersInReach,
    rows: map.rows.map((r) => ({
      capability: capabilityLabel(r.requirement, tax, locale),
      materials: labels(tax, 'material', r.requirement.materials, locale),
      certs: labels(tax, 'certification', r.requirement.certs, locale),
      minTkdn: r.requirement.minTkdn,
      needs: r.needs,
      openNeeds: r.openNeeds,
      unmatchedNeeds: r.unmatchedNeeds,
      tenants: r.tenants,
      qualified: r.qualified,
      level: r.level,
      partial: r.partial.map((p) => ({
        id: p.id,
        name: p.name,
        place: p.regencyName ?? '',
        distanceKm: Math.round(p.distanceKm),
        lacks: p.lacks.map((l) => lackText(l, t, tax, locale)),
      })),
    })),
  };
}

/** The API's shape: stable codes, snake_case, labels alongside. */
export function gapMapToJson(map: GapMap, tax: Taxonomy, locale: Locale) {
  return {
    estate: { slug: map.estate.slug, name: map.estate.name },
    radius_km: map.radiusKm,
    as_of: map.asOf,
    suppliers_in_reach: map.suppliersInReach,
    gaps: map.rows.map((r) => ({
      capability: {
        kind: r.requirement.kind,
        slug: r.requirement.slug,
        label: capabilityLabel(r.requirement, tax, locale),
      },
      materials_any_of: r.requirement.materials,
      certificates: r.requirement.certs,
      min_tkdn: r.requirement.minTkdn,
      demand: {
        needs: r.needs,
        open_needs: r.openNeeds,
        unmatched_needs: r.unmatchedNeeds,
        tenants: r.tenants,
      },
      qualified_suppliers: r.qualified,
      level: r.level,
      nearest_partial: r.partial.map((p) => ({
        supplier_id: p.id,
        name: p.name,
        distance_km: Math.round(p.distanceKm * 10) / 10,
        lacks: p.lacks,
      })),
    })),
  };
}
