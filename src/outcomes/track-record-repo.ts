import type { Db } from '../db/client.js';
import type { OutcomeStatus } from './schema.js';

/** Per-supplier counts over meetings that have begun; `known` is meetings with known attendance. */
export interface TrackRecordCounts {
  supplierId: string;
  meetings: number;
  held: number;
  known: number;
  noShows: number;
  deals: number;
  mous: number;
}

/** One of the latest meetings on a supplier's record, with its buyer. */
export interface TrackRecordMeeting {
  meetingId: string;
  startsAt: Date;
  timezone: string;
  eventName: string | null;
  buyerName: string;
  attendance: string | null;
  status: OutcomeStatus;
  valueIdr: string | null;
}

/** Counts for the given suppliers from scheduled meetings begun by `now`; suppliers without any are absent. */
export function listTrackRecordCounts(
  db: Db,
  supplierIds: readonly string[],
  now: Date,
): Promise<TrackRecordCounts[]> {
  return db<TrackRecordCounts[]>`
    select f.supplier_org_id as supplier_id, count(*)::int as meetings,
      count(*) filter (where f.held)::int as held,
      count(*) filter (where f.held or f.no_show)::int as known,
      count(*) filter (where f.attendance in ('no_show_supplier', 'no_show_both'))::int as no_shows,
      count(*) filter (where f.outcome_status = 'deal')::int as deals,
      count(*) filter (where f.outcome_status = 'mou')::int as mous
    from meeting_facts f
    where f.supplier_org_id = any(${supplierIds as string[]}::uuid[]) and f.status = 'scheduled'
      and f.starts_at <= ${now}
    group by f.supplier_org_id`;
}

/** Official deal and MoU value (exact rupiah as digits) and open follow-ups of one supplier. */
export async function sumTrackRecordValue(
  db: Db,
  supplierId: string,
  now: Date,
): Promise<{ valueIdr: string; followUps: number } | null> {
  const [row]: [{ valueIdr: string; followUps: number }?] = await db`
    select coalesce(sum(value_idr) filter (where outcome_status in ('deal', 'mou')), 0)::text as value_idr,
      count(*) filter (where outcome_status = 'follow_up')::int as follow_ups
    from meeting_facts
    where supplier_org_id = ${supplierId} and status = 'scheduled' and starts_at <= ${now}`;
  return row ?? null;
}

/** The supplier's latest begun meetings, newest first. */
export function listRecentTrackRecordMeetings(
  db: Db,
  supplierId: string,
  now: Date,
  limit: number,
): Promise<TrackRecordMeeting[]> {
  return db<TrackRecordMeeting[]>`
    select f.meeting_id, f.starts_at, f.timezone, e.name as event_name, o.name as buyer_name, f.attendance,
      f.outcome_status as status, f.value_idr::text as value_idr
    from meeting_facts f
    join organizations o on o.id = f.buyer_org_id
    left join events e on e.id = f.event_id
    where f.supplier_org_id = ${supplierId} and f.status = 'scheduled' and f.starts_at <= ${now}
    order by f.starts_at desc
    limit ${limit}`;
}

/** Attendance and win counts of every supplier with a held or missed meeting before `now`. */
export function listTrackRecordScoreInputs(
  db: Db,
  now: Date,
): Promise<{ supplierId: string; held: number; known: number; noShows: number; wins: number }[]> {
  return db<{ supplierId: string; held: number; known: number; noShows: number; wins: number }[]>`
    select f.supplier_org_id as supplier_id,
      count(*) filter (where f.held)::int as held,
      count(*) filter (where f.held or f.no_show)::int as known,
      count(*) filter (where f.attendance in ('no_show_supplier', 'no_show_both'))::int as no_shows,
      count(*) filter (where f.outcome_status in ('deal', 'mou'))::int as wins
    from meeting_facts f
    where f.status = 'scheduled' and f.starts_at <= ${now} and f.supplier_org_id is not null
    group by f.supplier_org_id
    having count(*) filter (where f.held or f.no_show) > 0`;
}
