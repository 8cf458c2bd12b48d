import type { Db } from '../db/client.js';

export type AdhocStatus = 'proposed' | 'scheduled' | 'declined' | 'cancelled';

export interface AdhocRow {
  id: string;
  status: AdhocStatus;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  place: string | null;
  onlineUrl: string | null;
  message: string | null;
  proposerUserId: string | null;
  proposerName: string | null;
  proposerOrgId: string;
  proposerOrgName: string;
  counterpartOrgId: string;
  counterpartOrgName: string;
  counterpartUserId: string | null;
  counterpartName: string | null;
  sequence: number;
  updatedAt: Date;
}

const adhocSelect = (db: Db) => db`
  select m.id, m.status, m.starts_at, m.ends_at, m.timezone, m.place, m.online_url, m.message, m.sequence,
    m.updated_at, m.proposer_user_id, up.name as proposer_name, m.proposer_org_id, op.name as proposer_org_name,
    m.counterpart_org_id, oc.name as counterpart_org_name, m.counterpart_user_id, uc.name as counterpart_name
  from meetings m
  join organizations op on op.id = m.proposer_org_id
  join organizations oc on oc.id = m.counterpart_org_id
  left join users up on up.id = m.proposer_user_id
  left join users uc on uc.id = m.counterpart_user_id`;

/** One ad-hoc meeting with both organisations and people. */
export async function findAdhoc(db: Db, id: string): Promise<AdhocRow | null> {
  const [row]: [AdhocRow?] = await db`${adhocSelect(db)} where m.id = ${id} and m.kind = 'adhoc'`;
  return row ?? null;
}

/** Ad-hoc meetings of any organisation the user belongs to, soonest first. */
export function listAdhocOfUser(db: Db, userId: string): Promise<AdhocRow[]> {
  return db<AdhocRow[]>`
    ${adhocSelect(db)}
    where m.kind = 'adhoc' and exists (
      select 1 from memberships ms where ms.user_id = ${userId}
        and ms.organization_id in (m.proposer_org_id, m.counterpart_org_id))
    order by m.starts_at
    limit 200`;
}

/** A proposal: it holds no one's time until accepted (no attendee rows yet). */
export async function insertAdhoc(
  db: Db,
  m: {
    proposerUserId: string;
    proposerOrgId: string;
    counterpartOrgId: string;
    startsAt: Date;
    endsAt: Date;
    timezone: string;
    place: string | null;
    onlineUrl: string | null;
    message: string | null;
  },
): Promise<string> {
  const [row] = await db<{ id: string }[]>`
    insert into meetings (kind, status, starts_at, ends_at, timezone, proposer_user_id, proposer_org_id,
      counterpart_org_id, place, online_url, message, created_by)
    values ('adhoc', 'proposed', ${m.startsAt}, ${m.endsAt}, ${m.timezone}, ${m.proposerUserId}, ${m.proposerOrgId},
      ${m.counterpartOrgId}, ${m.place}, ${m.onlineUrl}, ${m.message}, ${m.proposerUserId})
    returning id`;
  return row!.id;
}

/** Accepting names the counterpart; the attendee trigger then claims both people's time. */
export async function setAdhocStatus(
  db: Db,
  id: string,
  status: AdhocStatus,
  now: Date,
  counterpartUserId?: string,
): Promise<void> {
  await db`
    update meetings set status = ${status}, sequence = sequence + 1, updated_at = ${now}
      ${counterpartUserId ? db`, counterpart_user_id = ${counterpartUserId}` : db``}
    where id = ${id} and kind = 'adhoc'`;
}

/** Serialises answers to the same proposal. */
export async function lockAdhoc(db: Db, id: string): Promise<void> {
  await db`select id from meetings where id = ${id} and kind = 'adhoc' for update`;
}

/** Organisations one can propose a meeting to. */
export function listOrgsForAdhoc(db: Db): Promise<{ id: string; name: string; kind: string }[]> {
  return db<{ id: string; name: string; kind: string }[]>`
    select id, name, kind from organizations order by name limit 2000`;
}
