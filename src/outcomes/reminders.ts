import type { Db } from '../db/client.js';
import { zonedTimeToUtc } from '../i18n/format.js';
import type { Jobs } from '../jobs/queue.js';
import * as repo from './reminders-repo.js';
import type { MeetingParties } from './repo.js';

/** Reminders arrive at the start of the recipient's working day, in the meeting's zone. */
export const REMINDER_TIME = '09:00';

/** What an `outcomes.remind` job carries: the reminder row, and the origin for links in mail. */
export interface RemindJob {
  reminderId: string;
  origin: string;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDateOf(at: Date, tz: string): string {
  let f = dayFormats.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(tz, f);
  }
  return f.format(at);
}

/** Calendar months later, clamped to the month's last day (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** The follow-up reminder goes out on the agreed day at 09:00 local time. */
export function followUpDueAt(date: string, tz: string): Date {
  return zonedTimeToUtc(date, REMINDER_TIME, tz);
}

/**
 * Surveys ask again 3 and 6 calendar months after the event's last day (an ad-hoc meeting's own
 * day), at 09:00 local time: long enough for a follow-up to become a deal.
 */
export function surveyDueAt(end: Date, tz: string, months: 3 | 6): Date {
  return zonedTimeToUtc(addMonths(localDateOf(end, tz), months), REMINDER_TIME, tz);
}

/**
 * Records the reminder and enqueues its job with `startAfter`, both in the caller's transaction,
 * so it exists if and only if the report that caused it commits. Idempotent per target, kind and
 * time; reminders already due are not scheduled (nobody wants a stale survey).
 */
export async function scheduleReminder(
  db: Db,
  jobs: Jobs | null,
  r: { kind: repo.ReminderKind; meetingId: string | null; eventId: string | null; dueAt: Date },
  now: Date,
  origin: string,
): Promise<string | null> {
  if (!jobs || r.dueAt <= now) return null;
  const id = await repo.insertReminder(db, r);
  if (!id) return null;
  const job: RemindJob = { reminderId: id, origin };
  const jobId = await jobs.send('outcomes.remind', job, { startAfter: r.dueAt }, db);
  await repo.setReminderJob(db, id, jobId);
  return id;
}

/**
 * The +3 and +6 month surveys of an event, one pair per event (each recipient then gets one
 * message covering all their meetings there). Idempotent, in the caller's transaction: the seam
 * for scheduling to call when an event's schedule is published, so events whose outcomes nobody
 * reports are surveyed too. Outcome reports call it as well.
 */
export async function scheduleEventSurveys(
  db: Db,
  jobs: Jobs | null,
  event: { id: string; endsAt: Date; timezone: string },
  now: Date,
  origin: string,
): Promise<void> {
  for (const months of [3, 6] as const) {
    const dueAt = surveyDueAt(event.endsAt, event.timezone, months);
    const kind = months === 3 ? 'survey_3m' : 'survey_6m';
    await scheduleReminder(db, jobs, { kind, meetingId: null, eventId: event.id, dueAt }, now, origin);
  }
}

/** Makes sure a meeting's surveys exist: its event's pair, or its own pair for an ad-hoc meeting. */
export async function ensureSurveys(
  db: Db,
  jobs: Jobs | null,
  m: MeetingParties,
  now: Date,
  origin: string,
): Promise<void> {
  if (m.kind === 'event' && m.eventId && m.eventEndsAt && m.eventTimezone) {
    await scheduleEventSurveys(
      db,
      jobs,
      { id: m.eventId, endsAt: m.eventEndsAt, timezone: m.eventTimezone },
      now,
      origin,
    );
    return;
  }
  for (const months of [3, 6] as const) {
    const dueAt = surveyDueAt(m.endsAt, m.timezone, months);
    const kind = months === 3 ? 'survey_3m' : 'survey_6m';
    await scheduleReminder(db, jobs, { kind, meetingId: m.id, eventId: null, dueAt }, now, origin);
  }
}

/** A follow-up reminder to both parties on the agreed date. */
export async function scheduleFollowUp(
  db: Db,
  jobs: Jobs | null,
  m: MeetingParties,
  date: string,
  now: Date,
  origin: string,
): Promise<void> {
  const dueAt = followUpDueAt(date, m.timezone);
  await scheduleReminder(db, jobs, { kind: 'follow_up', meetingId: m.id, eventId: null, dueAt }, now, origin);
}
