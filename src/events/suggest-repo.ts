import type { Db } from '../db/client.js';

/** A counterpart with its score inputs: shared processes/sectors and whether it is an estate tenant. */
export interface ScoredRow {
  participantId: string;
  name: string;
  organizationName: string;
  organizationKind: 'buyer' | 'supplier';
  shared: number;
  tenant: boolean;
}

/**
 * Approved participants of the other kind not yet paired with this one, scored in one query
 * (see heuristicSuggester for the rules), tenants first, then by shared score.
 */
export function listSuggestionRows(
  db: Db,
  eventId: string,
  participantId: string,
  limit: number,
): Promise<ScoredRow[]> {
  return db<ScoredRow[]>`
    with me as (
      select p.id, o.kind, p.organization_id, s.processes, s.sectors
      from event_participants p join organizations o on o.id = p.organization_id
      left join suppliers s on s.organization_id = p.organization_id
      where p.id = ${participantId} and p.event_id = ${eventId}
    ),
    paired as (
      select case when r.from_participant_id = me.id then r.to_participant_id else r.from_participant_id end as id
      from meeting_requests r, me where r.from_participant_id = me.id or r.to_participant_id = me.id
    ),
    chosen as (
      select s.processes, s.sectors from meeting_requests r
      join event_participants p on p.id = r.to_participant_id
      join suppliers s on s.organization_id = p.organization_id, me
      where r.from_participant_id = me.id
    ),
    candidates as (
      select c.id as participant_id, c.name, o.name as organization_name, o.kind as organization_kind,
        c.organization_id, s.processes, s.sectors
      from event_participants c join organizations o on o.id = c.organization_id
      left join suppliers s on s.organization_id = c.organization_id, me
      where c.event_id = ${eventId} and c.status = 'approved' and c.id <> me.id
        and o.kind in ('buyer', 'supplier') and o.kind <> me.kind
        and c.organization_id <> me.organization_id
        and c.id not in (select id from paired)
    )
    select k.participant_id, k.name, k.organization_name, k.organization_kind,
      case when me.kind = 'buyer' then
        coalesce((select sum(cardinality(array(select unnest(k.processes) intersect select unnest(ch.processes)))
                     + 2 * cardinality(array(select unnest(k.sectors) intersect select unnest(ch.sectors))))
                  from chosen ch), 0)
      else
        (select count(*) from meeting_requests r
           join event_participants p on p.id = r.to_participant_id
           join suppliers s on s.organization_id = p.organization_id
         where r.from_participant_id = k.participant_id and (s.processes && me.processes or s.sectors && me.sectors))
      end::int as shared,
      exists (select 1 from estate_tenants et join events e on e.estate_id = et.estate_id
              where e.id = ${eventId} and et.organization_id = k.organization_id) as tenant
    from candidates k, me
    order by tenant desc, shared desc, k.organization_name, k.name
    limit ${limit}`;
}
