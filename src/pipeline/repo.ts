import type { Db } from '../db/client.js';
import type { Stage } from './stages.js';

export interface ItemRow {
  meetingId: string;
  stage: Stage;
  stageAt: Date;
  revision: number;
}

/** A meeting's pipeline item, locked for a move when asked. */
export async function findItem(db: Db, meetingId: string, lock = false): Promise<ItemRow | null> {
  const [row]: [ItemRow?] = await db`
    select meeting_id, stage, stage_at, revision from followup_items where meeting_id = ${meetingId}
    ${lock ? db`for update` : db``}`;
  return row ?? null;
}

/** Serialises moves of one meeting, including its first (when no item row exists to lock yet). */
export async function lockMeeting(db: Db, meetingId: string): Promise<void> {
  await db`select pg_advisory_xact_lock(hashtextextended(${`pipeline:${meetingId}`}, 0))`;
}

/** Puts the item in a stage (creating it on its first move) and bumps its revision. */
export async function saveItem(
  db: Db,
  i: { meetingId: string; stage: Stage; userId: string | null; now: Date },
): Promise<number> {
  const [row] = await db<{ revision: number }[]>`
    insert into followup_items (meeting_id, stage, stage_at, updated_by)
    values (${i.meetingId}, ${i.stage}, ${i.now}, ${i.userId})
    on conflict (meeting_id) do update set stage = excluded.stage, stage_at = excluded.stage_at,
      updated_by = excluded.updated_by, revision = followup_items.revision + 1
    returning revision`;
  return row!.revision;
}

/** One line of the item's history. */
export async function insertMove(
  db: Db,
  m: { meetingId: string; from: Stage | null; to: Stage; userId: string | null; side: string; now: Date },
): Promise<void> {
  await db`
    insert into followup_moves (meeting_id, from_stage, to_stage, moved_by, side, at)
    values (${m.meetingId}, ${m.from}, ${m.to}, ${m.userId}, ${m.side}, ${m.now})`;
}

export interface MoveRow {
  from: Stage | null;
  to: Stage;
  side: string;
  at: Date;
  byName: string | null;
}

/** A meeting's moves, oldest first. */
export function listMoves(db: Db, meetingId: string): Promise<MoveRow[]> {
  return db<MoveRow[]>`
    select m.from_stage as from, m.to_stage as to, m.side, m.at, u.name as by_name
    from followup_moves m left join users u on u.id = m.moved_by
    where m.meeting_id = ${meetingId} order by m.at, m.id limit 200`;
}

export interface BoardRow {
  meetingId: string;
  eventName: string | null;
  buyerName: string;
  supplierName: string;
  endsAt: Date;
  timezone: string;
  outcomeStatus: string;
  stage: Stage | null;
  stageAt: Date | null;
  revision: number | null;
}

/** Most cards a board shows; an office with more filters by event. */
export const BOARD_LIMIT = 500;

/**
 * The cards of a board: held meetings of an event, or of all events an office organised, whose
 * official outcome is a follow-up, deal or MoU, or that already have a pipeline item.
 */
export function listBoard(db: Db, scope: { eventId?: string; officeId?: string }): Promise<BoardRow[]> {
  return db<BoardRow[]>`
    select f.meeting_id, e.name as event_name, ob.name as buyer_name, os.name as supplier_name, f.ends_at,
      f.timezone, f.outcome_status, i.stage, i.stage_at, i.revision
    from meeting_facts f
    join events e on e.id = f.event_id
    join organizations ob on ob.id = f.buyer_org_id
    join organizations os on os.id = f.supplier_org_id
    left join followup_items i on i.meeting_id = f.meeting_id
    where f.status = 'scheduled' and f.held
      and (i.meeting_id is not null or f.outcome_status in ('follow_up', 'deal', 'mou'))
      ${scope.eventId ? db`and f.event_id = ${scope.eventId}` : db``}
      ${scope.officeId ? db`and e.organizer_id = ${scope.officeId}` : db``}
    order by coalesce(i.stage_at, f.ends_at), f.meeting_id
    limit ${BOARD_LIMIT}`;
}

/** The board's title: the event's or the office's name (null when it does not exist). */
export async function findScopeName(
  db: Db,
  scope: { eventId?: string; officeId?: string },
): Promise<string | null> {
  const [row]: [{ name: string }?] = scope.eventId
    ? await db`select name from events where id = ${scope.eventId}`
    : await db`select name from organizations where id = ${scope.officeId ?? null} and kind = 'facilitator'`;
  return row?.name ?? null;
}
