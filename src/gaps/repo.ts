import type { Db } from '../db/client.js';

export interface GapEstateRow {
  id: string;
  slug: string;
  name: string;
  lat: number;
  lon: number;
  regencyName: string | null;
}

/** An estate by slug, with its regency's name for the page heading. */
export async function findEstateBySlug(db: Db, slug: string): Promise<GapEstateRow | null> {
  const [row]: [GapEstateRow?] = await db`
    select e.id, e.slug, e.name, e.lat, e.lon, r.name as regency_name
    from estates e left join regions r on r.code = e.regency_code
    where e.slug = ${slug}`;
  return row ?? null;
}

/** Every estate, for the page's estate selector. */
export function listEstateChoices(db: Db): Promise<{ slug: string; name: string }[]> {
  return db`select slug, name from estates order by name`;
}

export interface DemandNeedRow {
  id: string;
  status: 'open' | 'closed';
  processes: string[];
  productCategory: string | null;
  materials: string[];
  requiredCerts: string[];
  minTkdn: string | null;
  unmatched: boolean;
}

/**
 * Open and past (closed) needs of the estate: posted for it, or by one of its tenants. Drafts are
 * not demand yet. "Unmatched": no supplier said it was interested and the buyer shortlisted none.
 */
export function listEstateNeeds(db: Db, estateId: string): Promise<DemandNeedRow[]> {
  return db`
    select n.id, n.status, n.processes, n.product_category, n.materials, n.required_certs, n.min_tkdn,
      not exists (select 1 from need_responses r where r.need_id = n.id and r.interested)
        and not exists (select 1 from need_shortlist l where l.need_id = n.id) as unmatched
    from needs n
    where n.status in ('open', 'closed')
      and (n.estate_id = ${estateId}
        or n.buyer_org_id in (select organization_id from estate_tenants where estate_id = ${estateId}))
    order by n.id`;
}

/** The sectors of each tenant of the estate (a tenant in two sectors counts in both). */
export function listTenantSectors(
  db: Db,
  estateId: string,
): Promise<{ organizationId: string; sectors: string[] }[]> {
  return db`
    select organization_id, sectors from estate_tenants where estate_id = ${estateId} order by organization_id`;
}

export interface SupplyRow {
  organizationId: string;
  name: string;
  regencyName: string | null;
  distanceKm: number;
  processes: string[];
  materials: string[];
  productCategories: string[];
  certs: { type: string; validUntil: string | null; tkdn: number | null }[];
}

/**
 * Verified suppliers within `radiusKm` of a point (earthdistance, as supplier search measures),
 * nearest first, with their certificates; validity is judged by the caller against its clock.
 */
export function listVerifiedSuppliersNear(
  db: Db,
  at: { lat: number; lon: number },
  radiusKm: number,
): Promise<SupplyRow[]> {
  const m = radiusKm * 1000;
  return db`
    with p as (select ll_to_earth(${at.lat}::float8, ${at.lon}::float8) as e)
    select s.organization_id, coalesce(s.trading_name, s.legal_name) as name, r.name as regency_name,
      earth_distance(p.e, ll_to_earth(s.lat, s.lon)) / 1000 as distance_km,
      s.processes, s.materials, s.product_categories,
      coalesce((
        select json_agg(json_build_object('type', c.type, 'validUntil', c.valid_until::text,
          'tkdn', c.tkdn_percent::float8) order by c.type)
        from supplier_certifications c where c.supplier_id = s.organization_id
      ), '[]'::json) as certs
    from suppliers s cross join p
    left join regions r on r.code = s.regency_code
    where s.status = 'verified' and s.lat is not null
      and earth_box(p.e, ${m}::float8) @> ll_to_earth(s.lat, s.lon)
      and earth_distance(p.e, ll_to_earth(s.lat, s.lon)) <= ${m}::float8
    order by distance_km, s.organization_id`;
}
