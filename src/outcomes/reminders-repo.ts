import type { Db } from '../db/client.js';

export type ReminderKind = 'follow_up' | 'survey_3m' | 'survey_6m';

export interface ReminderRow {
  id: string;
  kind: ReminderKind;
  meetingId: string | null;
  eventId: string | null;
  dueAt: Date;
  jobId: string | null;
  status: 'scheduled' | 'sent' | 'skipped';
  recipients: number | null;
  doneAt: Date | null;
}

const columns = (db: Db) => db`id, kind, meeting_id, event_id, due_at, job_id, status, recipients, done_at`;

/** Records a reminder unless the same one (target, kind, time) exists; returns the new id or null. */
export async function insertReminder(
  db: Db,
  r: { kind: ReminderKind; meetingId: string | null; eventId: string | null; dueAt: Date },
): Promise<string | null> {
  const rows = r.eventId
    ? await db<{ id: string }[]>`
        insert into outcome_reminders (kind, event_id, due_at) values (${r.kind}, ${r.eventId}, ${r.dueAt})
        on conflict (event_id, kind, due_at) where event_id is not null do nothing returning id`
    : await db<{ id: string }[]>`
        insert into outcome_reminders (kind, meeting_id, due_at) values (${r.kind}, ${r.meetingId}, ${r.dueAt})
        on conflict (meeting_id, kind, due_at) where meeting_id is not null do nothing returning id`;
  return rows[0]?.id ?? null;
}

/** Remembers the pg-boss job, so a reminder can be traced to (or cancelled in) the queue. */
export async function setReminderJob(db: Db, id: string, jobId: string | null): Promise<void> {
  await db`update outcome_reminders set job_id = ${jobId} where id = ${id}`;
}

/** Locks the reminder so a retried job cannot send it twice. */
export async function lockReminder(db: Db, id: string): Promise<ReminderRow | null> {
  const [row]: [ReminderRow?] =
    await db`select ${columns(db)} from outcome_reminders where id = ${id} for update`;
  return row ?? null;
}

/** A handled reminder: sent (to how many people) or skipped because it no longer applied. */
export async function markReminder(
  db: Db,
  id: string,
  status: 'sent' | 'skipped',
  recipients: number,
  now: Date,
): Promise<void> {
  await db`
    update outcome_reminders set status = ${status}, recipients = ${recipients}, done_at = ${now}
    where id = ${id}`;
}

/** Reminders of a meeting, or of an event (its surveys), soonest first. */
export function listReminders(
  db: Db,
  target: { meetingId?: string; eventId?: string },
): Promise<ReminderRow[]> {
  return db<ReminderRow[]>`
    select ${columns(db)} from outcome_reminders
    where ${target.eventId ? db`event_id = ${target.eventId}` : db`meeting_id = ${target.meetingId ?? null}`}
    order by due_at, kind`;
}

export interface EventForSurvey {
  id: string;
  name: string;
  endsAt: Date;
  timezone: string;
}

/** The event as a survey needs it: its name for the message, its end and zone for the due date. */
export async function findEventForSurvey(db: Db, id: string): Promise<EventForSurvey | null> {
  const [row]: [EventForSurvey?] = await db`select id, name, ends_at, timezone from events where id = ${id}`;
  return row ?? null;
}

/**
 * Who gets an event's survey, once each, with how many of their meetings it covers: both sides
 * of every scheduled meeting that was not a no-show and did not end without a deal. A side is its
 * representative's login, else its organisation's owners.
 */
export function listSurveyRecipients(
  db: Db,
  eventId: string,
): Promise<{ userId: string; locale: 'id' | 'en'; meetings: number }[]> {
  return db<{ userId: string; locale: 'id' | 'en'; meetings: number }[]>`
    select r.user_id, u.locale, count(distinct f.meeting_id)::int as meetings
    from meeting_facts f
    cross join lateral (values (f.buyer_org_id, f.buyer_user_id), (f.supplier_org_id, f.supplier_user_id)) s (org_id, user_id)
    cross join lateral (
      select s.user_id as user_id where s.user_id is not null
      union
      select m.user_id from memberships m
      where s.user_id is null and m.organization_id = s.org_id and m.role = 'owner'
    ) r
    join users u on u.id = r.user_id
    where f.event_id = ${eventId} and f.status = 'scheduled' and not f.no_show and f.outcome_status <> 'no_deal'
    group by r.user_id, u.locale
    order by r.user_id`;
}
