import type { Db } from '../db/client.js';
import type { Stage } from '../pipeline/stages.js';

export interface NewInvitation {
  reminderId: string;
  meetingId: string;
  userId: string;
  side: 'buyer' | 'supplier';
  wave: '3m' | '6m';
  locale: 'id' | 'en';
  tokenHash: Buffer;
  expiresAt: Date;
}

/** Records an invitation unless this reminder already invited this user for this meeting (null then). */
export async function insertInvitation(db: Db, i: NewInvitation): Promise<string | null> {
  const rows = await db<{ id: string }[]>`
    insert into survey_invitations (reminder_id, meeting_id, user_id, side, wave, locale, token_hash, expires_at)
    values (${i.reminderId}, ${i.meetingId}, ${i.userId}, ${i.side}, ${i.wave}, ${i.locale}, ${i.tokenHash}, ${i.expiresAt})
    on conflict (reminder_id, user_id, meeting_id) do nothing returning id`;
  return rows[0]?.id ?? null;
}

export interface InvitationRow {
  id: string;
  meetingId: string;
  userId: string;
  side: 'buyer' | 'supplier';
  wave: '3m' | '6m';
  locale: 'id' | 'en';
  expiresAt: Date;
  usedAt: Date | null;
  counterpart: string;
  eventName: string | null;
  startsAt: Date;
  timezone: string;
}

/** The invitation behind a token hash, with what the questionnaire shows; `lock` for the answer's transaction. */
export async function findInvitation(db: Db, hash: Buffer, lock = false): Promise<InvitationRow | null> {
  const [row]: [InvitationRow?] = await db`
    select i.id, i.meeting_id, i.user_id, i.side, i.wave, i.locale, i.expires_at, i.used_at,
      case i.side when 'buyer' then os.name else ob.name end as counterpart,
      e.name as event_name, f.starts_at, f.timezone
    from survey_invitations i
    join meeting_facts f on f.meeting_id = i.meeting_id
    join organizations ob on ob.id = f.buyer_org_id
    join organizations os on os.id = f.supplier_org_id
    left join events e on e.id = f.event_id
    where i.token_hash = ${hash}
    ${lock ? db`for update of i` : db``}`;
  return row ?? null;
}

/** Marks the invitation answered. */
export async function markInvitationUsed(db: Db, id: string, now: Date): Promise<void> {
  await db`update survey_invitations set used_at = ${now} where id = ${id} and used_at is null`;
}

export interface NewAnswer {
  invitationId: string;
  versionId: string;
  stage: Stage;
  valueIdr: bigint | null;
  volume: string | null;
  repeatOrders: number | null;
  obstacles: string | null;
  helpWanted: string[];
  helpNote: string | null;
  now: Date;
}

/** Stores what the questionnaire asked beyond the outcome version. */
export async function insertAnswer(db: Db, a: NewAnswer): Promise<void> {
  await db`
    insert into survey_answers (invitation_id, version_id, stage, value_idr, volume, repeat_orders, obstacles,
      help_wanted, help_note, answered_at)
    values (${a.invitationId}, ${a.versionId}, ${a.stage}, ${a.valueIdr === null ? null : a.valueIdr.toString()}::bigint,
      ${a.volume}, ${a.repeatOrders}, ${a.obstacles}, ${a.helpWanted}::text[], ${a.helpNote}, ${a.now})`;
}

/** Meetings of an event survey's recipient: their side of each meeting the survey still concerns. */
export function listRecipientMeetings(
  db: Db,
  eventId: string,
  userId: string,
): Promise<{ meetingId: string; side: 'buyer' | 'supplier'; counterpart: string }[]> {
  return db<{ meetingId: string; side: 'buyer' | 'supplier'; counterpart: string }[]>`
    select f.meeting_id, s.side, o.name as counterpart
    from meeting_facts f
    cross join lateral (values ('buyer', f.buyer_org_id, f.buyer_user_id, f.supplier_org_id),
      ('supplier', f.supplier_org_id, f.supplier_user_id, f.buyer_org_id)) s (side, org_id, user_id, other_org_id)
    join organizations o on o.id = s.other_org_id
    where f.event_id = ${eventId} and f.status = 'scheduled' and not f.no_show and f.outcome_status <> 'no_deal'
      and (s.user_id = ${userId} or (s.user_id is null and exists (
        select 1 from memberships m where m.organization_id = s.org_id and m.user_id = ${userId} and m.role = 'owner')))
    order by f.starts_at, f.meeting_id`;
}

/** Where a survey mail goes. */
export async function findUserEmail(db: Db, userId: string): Promise<string | null> {
  const [row]: [{ email: string }?] = await db`select email from users where id = ${userId}`;
  return row?.email ?? null;
}
