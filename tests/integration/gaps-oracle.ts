import type { Sql } from '../../src/db/client.js';
import { SECTOR_INPUTS } from '../../src/gaps/sector-inputs.js';

/** One gap row as the oracle computes it, keyed like the API's rows. */
export interface OracleRow {
  needs: number;
  openNeeds: number;
  unmatchedNeeds: number;
  tenants: number;
  qualified: number;
}

/** The key of a gap row: capability, sorted materials and certificates, minimum TKDN. */
export const rowKey = (
  kind: string,
  slug: string,
  materials: string[],
  certs: string[],
  minTkdn: number | null,
) => [kind, slug, [...materials].sort().join('+'), [...certs].sort().join('+'), minTkdn ?? ''].join('|');

/**
 * The gap map recomputed in one plain SQL statement over the raw tables: demand lines from needs
 * and the curated sector table (passed in as data), narrower terms by a recursive walk of the
 * taxonomy, distance by the haversine formula on earthdistance's sphere, certificates judged on
 * `today`. Written separately from src/gaps on purpose: it shares no code with the service.
 */
export async function oracleGapMap(sql: Sql, slug: string, radiusKm: number, today: string) {
  const inputs = Object.entries(SECTOR_INPUTS).flatMap(([sector, list]) =>
    list.map((i) => ({
      sector,
      kind: i.kind,
      slug: i.slug,
      materials: i.materials,
      certs: i.certs,
      min_tkdn: i.minTkdn,
    })),
  );
  const rows = await sql<
    {
      kind: string;
      slug: string;
      materials: string[];
      certs: string[];
      minTkdn: string | null;
      needs: number;
      openNeeds: number;
      unmatchedNeeds: number;
      tenants: number;
      qualified: number;
    }[]
  >`
    with recursive est as (select id, lat, lon from estates where slug = ${slug}),
    tree (kind, root, slug) as (
      select kind, slug, slug from taxonomy_terms where active
      union
      select t.kind, tree.root, t.slug from taxonomy_terms t join tree on t.kind = tree.kind and t.parent_slug = tree.slug
      where t.active
    ),
    tenant as (select organization_id, sectors from estate_tenants where estate_id = (select id from est)),
    nd as (
      select n.* from needs n
      where n.status <> 'draft'
        and (n.estate_id = (select id from est) or n.buyer_org_id in (select organization_id from tenant))
    ),
    si as (
      select * from jsonb_to_recordset(${sql.json(inputs)}::jsonb)
        as x(sector text, kind text, slug text, materials text[], certs text[], min_tkdn numeric)
    ),
    lines as (
      select 'process' as kind, p as slug, n.materials, n.required_certs as certs, n.min_tkdn, n.id as need_id,
        n.status, null::uuid as tenant_id
      from nd n cross join unnest(n.processes) p
      union all
      select 'product_category', n.product_category, n.materials, n.required_certs, n.min_tkdn, n.id, n.status, null
      from nd n where cardinality(n.processes) = 0 and n.product_category is not null
      union all
      select si.kind, si.slug, si.materials, si.certs, si.min_tkdn, null, null, tn.organization_id
      from tenant tn cross join unnest(tn.sectors) sec join si on si.sector = sec
    ),
    grouped as (
      select kind, slug, (select coalesce(array_agg(m order by m), '{}') from unnest(materials) m) as materials,
        (select coalesce(array_agg(c order by c), '{}') from unnest(certs) c) as certs, min_tkdn,
        count(distinct need_id)::int as needs,
        count(distinct need_id) filter (where status = 'open')::int as open_needs,
        count(distinct need_id) filter (where need_id is not null
          and not exists (select 1 from need_responses r where r.need_id = lines.need_id and r.interested)
          and not exists (select 1 from need_shortlist l where l.need_id = lines.need_id))::int as unmatched_needs,
        count(distinct tenant_id)::int as tenants
      from lines group by 1, 2, 3, 4, 5
    ),
    supply as (
      select s.* from suppliers s, est e
      where s.status = 'verified' and s.lat is not null
        and 2 * 6378.168 * asin(sqrt(
          power(sin(radians(s.lat - e.lat) / 2), 2)
          + cos(radians(e.lat)) * cos(radians(s.lat)) * power(sin(radians(s.lon - e.lon) / 2), 2)
        )) <= ${radiusKm}
    )
    select g.*, (
      select count(*)::int from supply s
      where exists (select 1 from tree where tree.kind = g.kind and tree.root = g.slug
          and tree.slug = any(case g.kind when 'process' then s.processes else s.product_categories end))
        and (cardinality(g.materials) = 0 or exists (
          select 1 from tree where tree.kind = 'material' and tree.root = any(g.materials) and tree.slug = any(s.materials)))
        and not exists (
          select 1 from unnest(g.certs) want where not exists (
            select 1 from supplier_certifications c where c.supplier_id = s.organization_id and c.type = want
              and (c.valid_until is null or c.valid_until >= ${today}::date)))
        and (g.min_tkdn is null or exists (
          select 1 from supplier_certifications c where c.supplier_id = s.organization_id and c.type = 'tkdn'
            and (c.valid_until is null or c.valid_until >= ${today}::date) and c.tkdn_percent >= g.min_tkdn))
    ) as qualified
    from grouped g`;
  const out = new Map<string, OracleRow>();
  for (const r of rows) {
    const key = rowKey(r.kind, r.slug, r.materials, r.certs, r.minTkdn === null ? null : Number(r.minTkdn));
    out.set(key, {
      needs: r.needs,
      openNeeds: r.openNeeds,
      unmatchedNeeds: r.unmatchedNeeds,
      tenants: r.tenants,
      qualified: r.qualified,
    });
  }
  return out;
}
