import type { Db } from '../db/client.js';
import type { OutcomeStatus, Side } from './schema.js';

export interface OutcomeListRow {
  meetingId: string;
  startsAt: Date;
  timezone: string;
  eventId: string | null;
  eventName: string | null;
  buyerOrgName: string;
  supplierOrgName: string;
  attendance: string | null;
  officialStatus: OutcomeStatus | null;
  buyerStatus: OutcomeStatus | null;
  supplierStatus: OutcomeStatus | null;
  needsReconciliation: boolean;
  /** For parties: the side the viewer reports for. */
  mySide: Side | null;
}

const listSelect = (db: Db, userId: string | null) => db`
  select f.meeting_id, f.starts_at, f.timezone, f.event_id, e.name as event_name, ob.name as buyer_org_name,
    os.name as supplier_org_name, f.attendance, vo.status as official_status, vb.status as buyer_status,
    vs.status as supplier_status, f.needs_reconciliation,
    ${
      userId
        ? db`case when exists (select 1 from memberships ms where ms.user_id = ${userId} and ms.organization_id = f.buyer_org_id)
            then 'buyer' else 'supplier' end`
        : db`null::text`
    } as my_side
  from meeting_facts f
  join organizations ob on ob.id = f.buyer_org_id
  join organizations os on os.id = f.supplier_org_id
  left join events e on e.id = f.event_id
  left join meeting_outcomes h on h.meeting_id = f.meeting_id
  left join outcome_versions vo on vo.id = h.official_id
  left join outcome_versions vb on vb.id = h.buyer_id
  left join outcome_versions vs on vs.id = h.supplier_id`;

/**
 * A party's meetings that have begun, newest first: the ones to report on. Only meetings of
 * organisations the user belongs to.
 */
export function listMeetingsOfUser(
  db: Db,
  userId: string,
  now: Date,
  f: { eventId?: string | undefined } = {},
): Promise<OutcomeListRow[]> {
  return db<OutcomeListRow[]>`
    ${listSelect(db, userId)}
    where f.status = 'scheduled' and f.starts_at <= ${now}
      and exists (select 1 from memberships ms where ms.user_id = ${userId}
        and ms.organization_id in (f.buyer_org_id, f.supplier_org_id))
      ${f.eventId ? db`and f.event_id = ${f.eventId}` : db``}
    order by f.starts_at desc, f.meeting_id
    limit 300`;
}

/**
 * For facilitators: an event's meetings, or the reconciliation queue (a side reported after the
 * last official version, or no official record yet), oldest first so nothing waits forever.
 */
export function listMeetingsForStaff(
  db: Db,
  now: Date,
  f: { eventId?: string | undefined; queue?: boolean },
): Promise<OutcomeListRow[]> {
  return db<OutcomeListRow[]>`
    ${listSelect(db, null)}
    where f.status = 'scheduled' and f.starts_at <= ${now}
      ${f.eventId ? db`and f.event_id = ${f.eventId}` : db``}
      ${f.queue ? db`and f.needs_reconciliation` : db``}
    order by ${f.queue ? db`h.updated_at` : db`f.starts_at desc, f.meeting_id`}
    limit 500`;
}

export interface EventProgress {
  id: string;
  name: string;
  startsAt: Date;
  timezone: string;
  meetings: number;
  reported: number;
  reconciled: number;
  waiting: number;
}

/** Past events with how far their outcomes have come (for the facilitators' overview). */
export function listEventProgress(db: Db, now: Date): Promise<EventProgress[]> {
  return db<EventProgress[]>`
    select e.id, e.name, e.starts_at, e.timezone, count(f.meeting_id)::int as meetings,
      count(*) filter (where f.reported)::int as reported,
      count(*) filter (where f.official_id is not null)::int as reconciled,
      count(*) filter (where f.needs_reconciliation)::int as waiting
    from events e
    left join meeting_facts f on f.event_id = e.id and f.status = 'scheduled'
    where e.starts_at <= ${now}
    group by e.id
    order by e.starts_at desc
    limit 100`;
}
