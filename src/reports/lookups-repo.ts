import type { Db } from '../db/client.js';

export interface FilterOptions {
  events: { id: string; name: string; startsAt: Date }[];
  provinces: { code: string; name: string }[];
  regencies: { code: string; name: string }[];
  sectors: { slug: string; labelId: string; labelEn: string }[];
  estates: { slug: string; name: string }[];
  offices: { id: string; name: string }[];
}

/** Choices for the filter form; regencies only within the chosen province (the list is long). */
export async function listFilterOptions(db: Db, province: string | undefined): Promise<FilterOptions> {
  const [events, provinces, regencies, sectors, estates, offices] = await Promise.all([
    db<FilterOptions['events']>`select id, name, starts_at from events order by starts_at desc limit 300`,
    db<FilterOptions['provinces']>`
      select r.code, r.name from regions r
      where r.kind = 'province' and exists (select 1 from suppliers s where s.province_code = r.code)
      order by r.name`,
    province
      ? db<FilterOptions['regencies']>`
          select r.code, r.name from regions r
          where r.province_code = ${province} and exists (select 1 from suppliers s where s.regency_code = r.code)
          order by r.name`
      : Promise.resolve([]),
    db<FilterOptions['sectors']>`
      select slug, label_id, label_en from taxonomy_terms where kind = 'sector' and active order by label_id`,
    db<FilterOptions['estates']>`select slug, name from estates order by name`,
    db<FilterOptions['offices']>`select id, name from organizations where kind = 'facilitator' order by name`,
  ]);
  return { events, provinces, regencies, sectors, estates, offices };
}

/** Names for the printed header: the office in the filter, or the viewer's own office(s). */
export async function findOfficeNames(
  db: Db,
  officeId: string | undefined,
  userId: string,
): Promise<string[]> {
  const rows = officeId
    ? await db<{ name: string }[]>`select name from organizations where id = ${officeId}`
    : await db<{ name: string }[]>`
        select o.name from memberships m join organizations o on o.id = m.organization_id
        where m.user_id = ${userId} and o.kind = 'facilitator' order by o.name`;
  return rows.map((r) => r.name);
}

export interface SharedDeal {
  buyerName: string;
  supplierName: string;
  eventName: string | null;
  status: 'deal' | 'mou';
  valueIdr: string | null;
  startsAt: Date;
  timezone: string;
}

/**
 * Deals and MoUs the public may name: the official record says deal or MoU, and the latest
 * report of each side gave consent. Without both consents a deal only counts in the totals.
 */
export function listSharedDeals(db: Db, limit = 12): Promise<SharedDeal[]> {
  return db<SharedDeal[]>`
    select ob.name as buyer_name, os.name as supplier_name, e.name as event_name, f.outcome_status as status,
      f.value_idr::text as value_idr, f.starts_at, f.timezone
    from meeting_facts f
    join meeting_outcomes h on h.meeting_id = f.meeting_id
    join outcome_versions vb on vb.id = h.buyer_id and vb.share_names
    join outcome_versions vs on vs.id = h.supplier_id and vs.share_names
    join organizations ob on ob.id = f.buyer_org_id
    join organizations os on os.id = f.supplier_org_id
    left join events e on e.id = f.event_id
    where f.status = 'scheduled' and f.outcome_status in ('deal', 'mou')
    order by f.value_idr desc nulls last, f.starts_at desc
    limit ${limit}`;
}

/**
 * The zone a report's times are shown in: its event's, else that of the office's latest event
 * (an NTB office runs its events in WITA), else WIB.
 */
export async function findReportZone(
  db: Db,
  f: { event?: string | undefined; office?: string | undefined },
): Promise<string> {
  const [row]: [{ timezone: string }?] = f.event
    ? await db`select timezone from events where id = ${f.event}`
    : f.office
      ? await db`select timezone from events where organizer_id = ${f.office} order by starts_at desc limit 1`
      : [];
  return row?.timezone ?? 'Asia/Jakarta';
}
