import QRCode from 'qrcode';
import { recordAudit } from '../audit/service.js';
import type { Db, Sql } from '../db/client.js';
import { isUuid } from '../db/ids.js';
import { Conflict, NotFound } from '../errors.js';
import { type Actor, requireEvent, requireStaff } from '../events/access.js';
import { requireOwnParticipant } from '../events/participants.js';
import { findParticipant, listParticipants, type ParticipantRow } from '../events/participants-repo.js';
import type { EventRow } from '../events/repo.js';
import { loadAgenda } from './agenda.js';
import * as repo from './checkin-repo.js';
import { isCheckInOpen, requireCheckInOpen } from './checkin-window.js';
import { explainPlacementError } from './conflicts.js';
import { findMeeting, listEventMeetings, lockMeeting, type MeetingRow, setAttendance } from './repo.js';

/** What the confirmation page shows: who, their current or next meeting, and whether it is open. */
export interface CheckInTarget {
  event: EventRow;
  participant: ParticipantRow;
  meeting: MeetingRow | null;
  open: boolean;
  /** This participant is already checked in for that meeting. */
  done: boolean;
}

/** Typed codes are read off a badge: case and spaces do not matter. */
export function normaliseCode(input: string): string {
  return input.replace(/[\s-]+/g, '').toUpperCase();
}

/**
 * The meeting a participant is checked in for: the one under way, else the next one. A meeting
 * that ended is behind them, even if nobody checked it in.
 */
export function currentOrNext(meetings: MeetingRow[], now: Date): MeetingRow | null {
  return meetings.find((m) => m.status === 'scheduled' && m.endsAt > now) ?? null;
}

async function target(db: Db, event: EventRow, participantId: string, now: Date): Promise<CheckInTarget> {
  const participant = await findParticipant(db, event.id, participantId);
  if (!participant) throw new NotFound();
  const meetings = await listEventMeetings(db, event.id, { participantIds: [participantId] });
  const meeting = currentOrNext(meetings, now);
  const done = meeting ? (await repo.listCheckedInSides(db, meeting.id)).includes(participantId) : false;
  return {
    event,
    participant,
    meeting,
    open: meeting ? isCheckInOpen(meeting.startsAt, event.timezone, now) : false,
    done,
  };
}

/** A facilitator typed a badge's code (null: the form was invalid): staff only; unknown is `found: null`. */
export async function lookUpCode(
  db: Db,
  actor: Actor,
  eventId: string | undefined,
  code: string | null,
  now: Date,
): Promise<{ event: EventRow; found: CheckInTarget | null }> {
  const event = await requireCheckInDesk(db, actor, eventId);
  const code6 = code === null ? '' : normaliseCode(code);
  const hit = code6 ? await repo.findByCode(db, event.id, code6) : null;
  return { event, found: hit ? await target(db, event, hit.participantId, now) : null };
}

/** A facilitator scanned a badge's QR (the token in its URL): staff only, this event only. */
export async function lookUpToken(
  db: Db,
  actor: Actor,
  eventId: string,
  token: string | undefined,
  now: Date,
): Promise<CheckInTarget> {
  requireStaff(actor);
  const event = await requireEvent(db, eventId);
  const found = token && /^[0-9a-f]{64}$/.test(token) ? await repo.findByToken(db, event.id, token) : null;
  if (!found) throw new NotFound('events.checkin.unknown_badge');
  return target(db, event, found.participantId, now);
}

/**
 * Checks one participant in for one meeting, inside the meeting's window. Who and when go into
 * the check-in row and the audit log; once both sides are in, the meeting is held. The meeting row
 * is locked, so two facilitators tapping the two sides at once both count.
 */
export async function checkInParticipant(
  ctx: { sql: Sql; now: Date },
  actor: Actor,
  eventId: string,
  input: { participantId: string; meetingId: string; method: repo.CheckInMethod },
): Promise<CheckInTarget> {
  requireStaff(actor);
  const event = await requireEvent(ctx.sql, eventId);
  if (!isUuid(input.participantId) || !isUuid(input.meetingId)) throw new NotFound();
  try {
    await ctx.sql.begin(async (tx) => {
      await lockMeeting(tx, input.meetingId);
      const m = await findMeeting(tx, input.meetingId);
      if (!m || m.eventId !== event.id || (m.aId !== input.participantId && m.bId !== input.participantId))
        throw new NotFound();
      if (m.status !== 'scheduled') throw new Conflict('events.conflict.meeting_cancelled');
      requireCheckInOpen(m.startsAt, event.timezone, ctx.now);
      const c = { ...input, by: actor.userId, now: ctx.now };
      if (!(await repo.insertMeetingCheckIn(tx, c))) return;
      await repo.markArrived(tx, input.participantId, actor.userId, ctx.now);
      const sides = await repo.listCheckedInSides(tx, m.id);
      const held = sides.includes(m.aId) && sides.includes(m.bId) && m.attendance === null;
      if (held) await setAttendance(tx, m.id, 'held', actor.userId, ctx.now);
      await recordAudit(tx, {
        actorUserId: actor.userId,
        organizationId: null,
        entity: 'meeting',
        entityId: m.id,
        action: 'check_in',
        changes: {
          participantId: input.participantId,
          method: input.method,
          ...(held ? { held: true } : {}),
        },
      });
    });
  } catch (err) {
    return explainPlacementError(err);
  }
  return target(ctx.sql, event, input.participantId, ctx.now);
}

/** A lost or shared badge: staff issue a new token and code, and the old ones stop working. */
export async function regenerateCredentials(
  sql: Sql,
  actor: Actor,
  eventId: string,
  participantId: string | undefined,
): Promise<void> {
  requireStaff(actor);
  const event = await requireEvent(sql, eventId);
  if (!isUuid(participantId) || !(await findParticipant(sql, event.id, participantId))) throw new NotFound();
  await sql.begin(async (tx) => {
    await repo.replaceCredentials(tx, participantId);
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organizationId: null,
      entity: 'event_participant',
      entityId: participantId,
      action: 'checkin_credentials.regenerate',
    });
  });
}

/** A badge as the views draw it: the typed code and the QR as inline SVG (no JS, prints crisply). */
export interface Badge {
  participantId: string;
  code: string;
  url: string;
  qrSvg: string;
}

/** The URL a badge's QR carries: the scan page resolves it (facilitators only). */
export function checkInUrl(origin: string, c: repo.Credentials): string {
  return `${origin}/events/${c.eventId}/check-in/t/${c.token}?code=${c.code}`;
}

/** Badges for some participants (or every approved one), QR drawn server-side by `qrcode`. */
export async function loadBadges(db: Db, origin: string, eventId: string, ids?: string[]): Promise<Badge[]> {
  const creds = await repo.listCredentials(db, eventId, ids);
  const badges: Badge[] = [];
  for (const c of creds) {
    const url = checkInUrl(origin, c);
    const qrSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    badges.push({ participantId: c.participantId, code: c.code, url, qrSvg });
    // About 12 ms per QR (measured under load): a sheet of 300 badges yields after every code so
    // no other request waits behind the whole sheet.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return badges;
}

/** The event whose check-in desk a facilitator opens (staff only). */
export async function requireCheckInDesk(
  db: Db,
  actor: Actor,
  eventId: string | undefined,
): Promise<EventRow> {
  requireStaff(actor);
  return requireEvent(db, eventId);
}

/** Every approved participant's badge with names, for the print-all sheet (staff only). */
export async function loadEventBadges(db: Db, actor: Actor, origin: string, eventId: string | undefined) {
  const event = await requireCheckInDesk(db, actor, eventId);
  const [badges, people] = await Promise.all([
    loadBadges(db, origin, event.id),
    listParticipants(db, event.id, { kind: '', q: '', province: '', status: 'approved' }),
  ]);
  return { event, badges, people: new Map(people.map((p) => [p.id, p])) };
}

/** One participant's own badge: its members, or staff. */
export async function loadOwnBadge(
  db: Db,
  actor: Actor,
  origin: string,
  eventId: string | undefined,
  participantId: string | undefined,
) {
  const event = await requireEvent(db, eventId);
  const participant = await requireOwnParticipant(db, actor, event.id, participantId);
  const badges = await loadBadges(db, origin, event.id, [participant.id]);
  return { event, participant, badge: badges[0]! };
}

/** The agenda page: the participant's meetings and their badge QR (members or staff). */
export async function loadAgendaWithBadge(
  db: Db,
  actor: Actor,
  origin: string,
  eventId: string | undefined,
  participantId: string | undefined,
) {
  const own = await loadOwnBadge(db, actor, origin, eventId, participantId);
  return { ...own, entries: await loadAgenda(db, own.event.id, own.participant.id) };
}
