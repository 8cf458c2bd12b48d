import type { Db } from '../db/client.js';

/**
 * Every *naik kelas* milestone of every IKM, as one CTE (`milestones`), built from the records
 * alone so that it can be recomputed at any time:
 * - `verified`: the first facilitator decision that made the profile verified (audit log, action
 *   `verify` from another status); seeded or imported profiles without one use `verified_at`;
 * - `certificate`: the first certificate row of each type that was valid on the day it was recorded;
 * - `first_deal`: the IKM's first meeting whose official outcome is a deal with a large tenant (a
 *   buyer registered as tenant of an industrial estate);
 * - `repeat_deal`: every later deal with a large tenant it already had a deal with.
 * A deal's moment is its meeting's start; `estate_id` is that tenant's estate (first by name).
 */
export function milestonesCte(db: Db) {
  return db`
    tenants as (
      select distinct on (t.organization_id) t.organization_id, t.estate_id
      from estate_tenants t join estates x on x.id = t.estate_id
      order by t.organization_id, x.name
    ),
    deals as (
      select p.supplier_org_id, p.buyer_org_id, p.at, p.meeting_id, t.estate_id,
        row_number() over (partition by p.supplier_org_id order by p.at, p.meeting_id) as nth,
        row_number() over (partition by p.supplier_org_id, p.buyer_org_id order by p.at, p.meeting_id) as nth_buyer
      from meeting_pairs p join tenants t on t.organization_id = p.buyer_org_id
      where p.meeting_status = 'scheduled' and p.outcome_status = 'deal'
    ),
    milestones as (
      select s.organization_id as supplier_id, 'verified'::text as kind, null::text as detail,
        coalesce(v.at, s.verified_at) as at, null::uuid as buyer_org_id, null::uuid as estate_id
      from suppliers s
      left join lateral (
        select min(a.at) as at from audit_log a
        where a.entity = 'supplier' and a.entity_id = s.organization_id::text and a.action = 'verify'
          and coalesce(a.changes -> 'status' ->> 0, '') <> 'verified'
      ) v on true
      where coalesce(v.at, s.verified_at) is not null
      union all
      select * from (
        select distinct on (c.supplier_id, c.type) c.supplier_id, 'certificate', c.type, c.created_at,
          null::uuid, null::uuid
        from supplier_certifications c
        where c.valid_until is null or c.valid_until >= (c.created_at at time zone 'Asia/Jakarta')::date
        order by c.supplier_id, c.type, c.created_at, c.id
      ) first_cert
      union all
      select d.supplier_org_id, case when d.nth = 1 then 'first_deal' else 'repeat_deal' end,
        d.meeting_id::text, d.at, d.buyer_org_id, d.estate_id
      from deals d join suppliers s on s.organization_id = d.supplier_org_id
      where d.nth = 1 or d.nth_buyer > 1
    )`;
}

export interface MilestoneRow {
  kind: 'verified' | 'certificate' | 'first_deal' | 'repeat_deal';
  detail: string | null;
  at: Date;
  buyerName: string | null;
  estateName: string | null;
}

/** One IKM's milestones, oldest first: its *naik kelas* timeline. */
export function listSupplierMilestones(db: Db, supplierId: string): Promise<MilestoneRow[]> {
  return db`
    with ${milestonesCte(db)}
    select m.kind, m.detail, m.at, o.name as buyer_name, e.name as estate_name
    from milestones m
    left join organizations o on o.id = m.buyer_org_id
    left join estates e on e.id = m.estate_id
    where m.supplier_id = ${supplierId}
    order by m.at, m.kind`;
}

export interface MovedUpFilter {
  from?: string | undefined;
  to?: string | undefined;
  office?: string | undefined;
}

export interface MovedUpGroupRow {
  dimension: 'total' | 'kind' | 'province' | 'sector' | 'estate';
  key: string | null;
  labelId: string | null;
  labelEn: string | null;
  ikm: number;
}

/**
 * Distinct IKM with at least one milestone in the period (calendar days in `zone`, both ends
 * inclusive), in total, per milestone kind, per province, per sector (an IKM in two sectors counts
 * in both) and per estate (the estate of a large tenant it dealt with in the period; IKM that
 * moved up only by verification or certificates fall under no estate).
 */
export function countMovedUp(db: Db, f: MovedUpFilter, zone: string): Promise<MovedUpGroupRow[]> {
  return db`
    with ${milestonesCte(db)},
    hit as materialized (
      select m.*, s.province_code, s.sectors from milestones m
      join suppliers s on s.organization_id = m.supplier_id
      where true
        ${f.from ? db`and (m.at at time zone ${zone})::date >= ${f.from}::date` : db``}
        ${f.to ? db`and (m.at at time zone ${zone})::date <= ${f.to}::date` : db``}
        ${f.office ? db`and s.binaan_of = ${f.office}` : db``}
    ),
    est as (
      select h.supplier_id, h.estate_id from hit h where h.estate_id is not null
      union
      select h.supplier_id, null from hit h
      where not exists (select 1 from hit d where d.supplier_id = h.supplier_id and d.estate_id is not null)
    )
    select 'total' as dimension, null as key, null as label_id, null as label_en,
      count(distinct supplier_id)::int as ikm from hit
    union all
    select 'kind', kind, null, null, count(distinct supplier_id)::int from hit group by kind
    union all
    select 'province', h.province_code, r.name, r.name, count(distinct h.supplier_id)::int
    from hit h left join regions r on r.code = h.province_code group by h.province_code, r.name
    union all
    select 'sector', x.sector, t.label_id, t.label_en, count(distinct h.supplier_id)::int
    from hit h cross join lateral unnest(h.sectors) x(sector)
    left join taxonomy_terms t on t.kind = 'sector' and t.slug = x.sector
    group by x.sector, t.label_id, t.label_en
    union all
    select 'estate', e.slug, e.name, e.name, count(distinct est.supplier_id)::int
    from est left join estates e on e.id = est.estate_id group by e.slug, e.name
    order by 1, 5 desc, 2`;
}
