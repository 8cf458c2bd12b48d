import type { Db } from '../db/client.js';
import type { ReportFilter } from './schema.js';

/**
 * Every pairing in scope with its meeting's facts and the supplier's place and sectors, once per
 * query (materialised), filtered as the user asked. Everything else aggregates this.
 */
export function base(db: Db, f: ReportFilter) {
  return db`
    base as materialized (
      select p.pair_id, p.kind, p.request_status, p.buyer_org_id, p.supplier_org_id, p.event_id,
        p.meeting_id, p.meeting_status, p.starts_at, p.timezone, p.held, p.no_show, p.attendance,
        p.outcome_status, p.value_idr, p.official_id, p.needs_reconciliation,
        s.province_code, s.regency_code, coalesce(s.sectors, '{}') as sectors,
        coalesce(s.status = 'verified', false) as supplier_verified,
        exists (
          select 1 from supplier_certifications c where c.supplier_id = p.supplier_org_id
            and (c.valid_until is null or c.valid_until >= (p.at at time zone p.timezone)::date)
        ) as supplier_certified,
        coalesce(e.estate_id, be.estate_id) as estate_id
      from meeting_pairs p
      left join suppliers s on s.organization_id = p.supplier_org_id
      left join events e on e.id = p.event_id
      left join (
        select distinct on (t.organization_id) t.organization_id, t.estate_id
        from estate_tenants t join estates x on x.id = t.estate_id
        order by t.organization_id, x.name
      ) be on be.organization_id = p.buyer_org_id and e.estate_id is null
      where true
        ${f.event ? db`and p.event_id = ${f.event}` : db``}
        ${f.office ? db`and e.organizer_id = ${f.office}` : db``}
        ${f.from ? db`and (p.at at time zone p.timezone)::date >= ${f.from}::date` : db``}
        ${f.to ? db`and (p.at at time zone p.timezone)::date <= ${f.to}::date` : db``}
        ${f.province ? db`and s.province_code = ${f.province}` : db``}
        ${f.regency ? db`and s.regency_code = ${f.regency}` : db``}
        ${f.sector ? db`and s.sectors @> array[${f.sector}]::text[]` : db``}
        ${f.estate ? db`and coalesce(e.estate_id, be.estate_id) = (select id from estates where slug = ${f.estate})` : db``}
    ),
    sched as (select * from base where meeting_status = 'scheduled')`;
}

/**
 * The conversion funnel counts buyer × supplier pairs, so that every step is a subset of the one
 * before: a pair is matched, then requested, accepted, scheduled, held, and closed (a deal or MoU
 * in the official record) if any of its pairings got that far. "Matched" also covers pairs the
 * needs capability brought together without a meeting request yet: suppliers the match job told
 * about a buyer's need, invited, shortlisted or that answered it. Those have no event or office,
 * so event and office filters leave only requested pairs; dates are the signal's day in WIB.
 */
function funnel(db: Db, f: ReportFilter) {
  const needSignals = f.event || f.office ? db`and false` : db``;
  return db`
    pairs as (
      select buyer_org_id, supplier_org_id,
        bool_or(request_status = 'accepted') as accepted,
        bool_or(meeting_status = 'scheduled') as scheduled,
        bool_or(meeting_status = 'scheduled' and held) as held,
        bool_or(meeting_status = 'scheduled' and outcome_status in ('deal', 'mou')) as closed
      from base group by buyer_org_id, supplier_org_id
    ),
    matched as (
      select buyer_org_id, supplier_org_id from pairs
      union
      select n.buyer_org_id, x.supplier_id from (
        select need_id, supplier_id, notified_at as at from need_match_notices
        union all select need_id, supplier_id, created_at from need_invitations
        union all select need_id, supplier_id, created_at from need_shortlist
        union all select need_id, supplier_id, created_at from need_responses
      ) x
      join needs n on n.id = x.need_id
      join suppliers s on s.organization_id = x.supplier_id
      where true ${needSignals}
        ${f.from ? db`and (x.at at time zone 'Asia/Jakarta')::date >= ${f.from}::date` : db``}
        ${f.to ? db`and (x.at at time zone 'Asia/Jakarta')::date <= ${f.to}::date` : db``}
        ${f.province ? db`and s.province_code = ${f.province}` : db``}
        ${f.regency ? db`and s.regency_code = ${f.regency}` : db``}
        ${f.sector ? db`and s.sectors @> array[${f.sector}]::text[]` : db``}
        ${f.estate ? db`and n.estate_id = (select id from estates where slug = ${f.estate})` : db``}
    )`;
}

export interface TotalsRow {
  matches: number;
  pairsRequested: number;
  pairsAccepted: number;
  pairsScheduled: number;
  pairsHeld: number;
  pairsClosed: number;
  requests: number;
  accepted: number;
  scheduled: number;
  held: number;
  noShowBuyer: number;
  noShowSupplier: number;
  noShowBoth: number;
  deal: number;
  mou: number;
  followUp: number;
  noDeal: number;
  pending: number;
  valueTotal: string;
  valueCount: number;
  valueMedian: string | null;
  suppliersWithDeal: number;
  awaitingReconciliation: number;
  ikmVerified: number;
  ikmCertified: number;
  firstDay: string | null;
  lastDay: string | null;
}

export interface GroupRow {
  key: string | null;
  labelId: string | null;
  labelEn: string | null;
  meetings: number;
  held: number;
  deals: number;
  mous: number;
  valueIdr: string;
}

export interface ReportRows {
  totals: TotalsRow;
  province: GroupRow[];
  sector: GroupRow[];
  estate: GroupRow[];
  buyer: GroupRow[];
}

const groupColumns = (db: Db) => db`
  count(*)::int as meetings, count(*) filter (where held)::int as held,
  count(*) filter (where outcome_status = 'deal')::int as deals,
  count(*) filter (where outcome_status = 'mou')::int as mous,
  coalesce(sum(value_idr) filter (where outcome_status in ('deal', 'mou')), 0)::text as value_idr`;

/**
 * All figures of the report in one round trip: funnel and totals over the pairings, outcome
 * counts, value total and exact median (the middle one, or the rounded mean of the middle two),
 * and the four breakdowns (a meeting counts once in each of its supplier's sectors).
 * Meetings are scheduled meetings; cancelled ones only count in the funnel's earlier steps.
 */
export async function queryReport(db: Db, f: ReportFilter): Promise<ReportRows> {
  const [row] = await db<
    [{ totals: TotalsRow; province: GroupRow[]; sector: GroupRow[]; estate: GroupRow[]; buyer: GroupRow[] }]
  >`
    with ${base(db, f)}, ${funnel(db, f)},
    vals as (select value_idr as v from sched where outcome_status in ('deal', 'mou') and value_idr is not null),
    med as (
      select round(avg(v))::text as median from (
        select v from vals order by v
        offset (select greatest(count(*) - 1, 0) / 2 from vals) limit (select 2 - count(*) % 2 from vals)
      ) mid
    )
    select
      (select json_build_object(
        'matches', (select count(*) from matched),
        'pairsRequested', (select count(*) from pairs),
        'pairsAccepted', (select count(*) filter (where accepted) from pairs),
        'pairsScheduled', (select count(*) filter (where scheduled) from pairs),
        'pairsHeld', (select count(*) filter (where held) from pairs),
        'pairsClosed', (select count(*) filter (where closed) from pairs),
        'requests', count(*),
        'accepted', count(*) filter (where request_status = 'accepted'),
        'scheduled', count(*) filter (where meeting_status = 'scheduled'),
        'held', count(*) filter (where meeting_status = 'scheduled' and held),
        'noShowBuyer', count(*) filter (where meeting_status = 'scheduled' and attendance = 'no_show_buyer'),
        'noShowSupplier', count(*) filter (where meeting_status = 'scheduled' and attendance = 'no_show_supplier'),
        'noShowBoth', count(*) filter (where meeting_status = 'scheduled' and attendance = 'no_show_both'),
        'deal', count(*) filter (where meeting_status = 'scheduled' and outcome_status = 'deal'),
        'mou', count(*) filter (where meeting_status = 'scheduled' and outcome_status = 'mou'),
        'followUp', count(*) filter (where meeting_status = 'scheduled' and outcome_status = 'follow_up'),
        'noDeal', count(*) filter (where meeting_status = 'scheduled' and outcome_status = 'no_deal'),
        'pending', count(*) filter (where meeting_status = 'scheduled' and outcome_status = 'pending'),
        'valueTotal', coalesce(sum(value_idr) filter (
          where meeting_status = 'scheduled' and outcome_status in ('deal', 'mou')), 0)::text,
        'valueCount', (select count(*) from vals),
        'valueMedian', (select median from med),
        'suppliersWithDeal', count(distinct supplier_org_id) filter (
          where meeting_status = 'scheduled' and outcome_status = 'deal'),
        'awaitingReconciliation', count(*) filter (where meeting_status = 'scheduled' and needs_reconciliation),
        'ikmVerified', count(distinct supplier_org_id) filter (
          where meeting_status = 'scheduled' and held and supplier_verified),
        'ikmCertified', count(distinct supplier_org_id) filter (
          where meeting_status = 'scheduled' and held and supplier_certified),
        'firstDay', min((starts_at at time zone timezone)::date) filter (where meeting_status = 'scheduled'),
        'lastDay', max((starts_at at time zone timezone)::date) filter (where meeting_status = 'scheduled')
      ) from base) as totals,
      (select coalesce(json_agg(g order by g.meetings desc, g.label_id), '[]') from (
        select h.province_code as key, r.name as label_id, r.name as label_en, ${groupColumns(db)}
        from sched h left join regions r on r.code = h.province_code group by h.province_code, r.name) g) as province,
      (select coalesce(json_agg(g order by g.meetings desc, g.key), '[]') from (
        select x.sector as key, t.label_id, t.label_en, ${groupColumns(db)}
        from sched h cross join lateral unnest(h.sectors) x (sector)
        left join taxonomy_terms t on t.kind = 'sector' and t.slug = x.sector
        group by x.sector, t.label_id, t.label_en) g) as sector,
      (select coalesce(json_agg(g order by g.meetings desc, g.label_id), '[]') from (
        select es.slug as key, es.name as label_id, es.name as label_en, ${groupColumns(db)}
        from sched h left join estates es on es.id = h.estate_id group by es.slug, es.name) g) as estate,
      (select coalesce(json_agg(g order by g.meetings desc, g.label_id), '[]') from (
        select h.buyer_org_id::text as key, o.name as label_id, o.name as label_en, ${groupColumns(db)}
        from sched h join organizations o on o.id = h.buyer_org_id group by h.buyer_org_id, o.name) g) as buyer`;
  return row!;
}

export interface ReportMeetingRow {
  meetingId: string;
  kind: 'event' | 'adhoc';
  startsAt: Date;
  timezone: string;
  eventName: string | null;
  estateName: string | null;
  buyerName: string;
  supplierName: string;
  provinceName: string | null;
  regencyName: string | null;
  sectors: string[];
  /** The sectors' labels (Indonesian and English), in the order of `sectors`. */
  sectorLabelsId: string[];
  sectorLabelsEn: string[];
  attendance: string | null;
  status: string;
  valueIdr: string | null;
  products: string | null;
  volume: string | null;
  followUpOn: string | null;
  noDealReason: string | null;
  officialVersion: number | null;
  needsReconciliation: boolean;
}

/** The scheduled meetings in scope with their official outcome, for CSV and XLSX. */
export function listReportMeetings(db: Db, f: ReportFilter): Promise<ReportMeetingRow[]> {
  return db<ReportMeetingRow[]>`
    with ${base(db, f)}
    select h.meeting_id, h.kind, h.starts_at, h.timezone, e.name as event_name, es.name as estate_name,
      ob.name as buyer_name, os.name as supplier_name, rp.name as province_name, rr.name as regency_name,
      h.sectors,
      array(select coalesce(st.label_id, x) from unnest(h.sectors) with ordinality u (x, n)
        left join taxonomy_terms st on st.kind = 'sector' and st.slug = u.x order by u.n) as sector_labels_id,
      array(select coalesce(st.label_en, x) from unnest(h.sectors) with ordinality u (x, n)
        left join taxonomy_terms st on st.kind = 'sector' and st.slug = u.x order by u.n) as sector_labels_en,
      h.attendance, h.outcome_status as status, h.value_idr::text as value_idr, v.products, v.volume,
      v.follow_up_on::text as follow_up_on, v.no_deal_reason, v.version as official_version, h.needs_reconciliation
    from sched h
    join organizations ob on ob.id = h.buyer_org_id
    join organizations os on os.id = h.supplier_org_id
    left join events e on e.id = h.event_id
    left join estates es on es.id = h.estate_id
    left join regions rp on rp.code = h.province_code
    left join regions rr on rr.code = h.regency_code
    left join outcome_versions v on v.id = h.official_id
    order by h.starts_at, h.meeting_id`;
}

export interface ResponseRow {
  wave: '3m' | '6m';
  sent: number;
  answered: number;
  realisedIdr: string;
}

/**
 * Survey links sent and answered per wave, for the meetings in scope, with the value realised
 * that the answers state (the latest answer per meeting and side counts once).
 */
export function queryResponseRates(db: Db, f: ReportFilter): Promise<ResponseRow[]> {
  return db<ResponseRow[]>`
    with ${base(db, f)}
    select i.wave, count(*)::int as sent, count(i.used_at)::int as answered,
      coalesce(sum(a.value_idr), 0)::text as realised_idr
    from survey_invitations i
    join sched h on h.meeting_id = i.meeting_id
    left join survey_answers a on a.invitation_id = i.id
    group by i.wave order by i.wave`;
}
