import type { Sql, Tx } from '../db/client.js';
import type { Jobs } from '../jobs/queue.js';
import type { Logger } from '../logger.js';
import { notify } from '../notifications/service.js';
import { sendSurveyLinks } from '../surveys/invite.js';
import { listRecipientMeetings } from '../surveys/repo.js';
import { followUpDueAt, type RemindJob, scheduleReminder, surveyDueAt } from './reminders.js';
import * as repo from './reminders-repo.js';
import { findHeads, findMeetingParties, listSideRecipients, type MeetingParties } from './repo.js';

export interface ReminderDeps {
  sql: Sql;
  jobs: Jobs | null;
  logger: Logger;
  clock?: () => Date;
}

const waveOf = (kind: repo.ReminderKind) => (kind === 'survey_6m' ? '6m' : '3m');
const monthsOf = (kind: repo.ReminderKind) => (kind === 'survey_6m' ? 6 : 3);

async function bothSides(tx: Tx, m: MeetingParties) {
  const [buyer, supplier] = await Promise.all([
    listSideRecipients(tx, m.buyerOrgId, m.buyerUserId),
    listSideRecipients(tx, m.supplierOrgId, m.supplierUserId),
  ]);
  return [
    ...buyer.map((r) => ({ ...r, side: 'buyer' as const, counterpart: m.supplierOrgName })),
    ...supplier.map((r) => ({ ...r, side: 'supplier' as const, counterpart: m.buyerOrgName })),
  ];
}

/** Follow-up day: only if some report still says follow-up on exactly this date. */
async function sendFollowUp(
  tx: Tx,
  jobs: Jobs | null,
  r: repo.ReminderRow,
  origin: string,
): Promise<number | null> {
  const m = r.meetingId ? await findMeetingParties(tx, r.meetingId) : null;
  if (m?.status !== 'scheduled') return null;
  const heads = await findHeads(tx, m.id);
  const current = [heads.official, heads.buyer, heads.supplier].some(
    (v) =>
      v?.status === 'follow_up' &&
      v.followUpOn !== null &&
      followUpDueAt(v.followUpOn, m.timezone).getTime() === r.dueAt.getTime(),
  );
  if (!current) return null;
  const recipients = await bothSides(tx, m);
  for (const x of recipients)
    await notify(
      tx,
      jobs,
      {
        userId: x.userId,
        kind: 'outcome.follow_up',
        titleKey: 'outcomes.mail.follow_up_title',
        bodyKey: 'outcomes.mail.follow_up_body',
        params: { counterpart: x.counterpart, event: m.eventName ?? '—' },
        link: `/outcomes/meetings/${m.id}`,
        email: true,
      },
      origin,
    );
  return recipients.length;
}

/** An ad-hoc meeting's survey: both parties, in-app, and a mail with a one-time answer link. */
async function sendMeetingSurvey(
  tx: Tx,
  jobs: Jobs | null,
  r: repo.ReminderRow,
  origin: string,
  now: Date,
): Promise<number | null> {
  const m = r.meetingId ? await findMeetingParties(tx, r.meetingId) : null;
  if (m?.status !== 'scheduled') return null;
  const heads = await findHeads(tx, m.id);
  if (heads.official?.status === 'no_deal') return null;
  const recipients = await bothSides(tx, m);
  for (const x of recipients)
    await notify(
      tx,
      jobs,
      {
        userId: x.userId,
        kind: 'outcome.survey',
        titleKey: `outcomes.mail.survey_${waveOf(r.kind)}_title`,
        bodyKey: 'outcomes.mail.survey_meeting_body',
        params: { counterpart: x.counterpart },
        link: `/outcomes/meetings/${m.id}?survey=${waveOf(r.kind)}`,
        email: false,
      },
      origin,
    );
  for (const x of recipients)
    await sendSurveyLinks(tx, jobs, {
      reminderId: r.id,
      wave: waveOf(r.kind),
      userId: x.userId,
      locale: x.locale,
      meetings: [{ meetingId: m.id, side: x.side, counterpart: x.counterpart }],
      eventName: null,
      origin,
      now,
    });
  return recipients.length;
}

/** An event's survey: each recipient once, for all their meetings there that may still move, with one answer link per meeting. */
async function sendEventSurvey(
  tx: Tx,
  jobs: Jobs | null,
  r: repo.ReminderRow,
  origin: string,
  now: Date,
): Promise<number | null> {
  const event = r.eventId ? await repo.findEventForSurvey(tx, r.eventId) : null;
  if (!event) return null;
  const due = surveyDueAt(event.endsAt, event.timezone, monthsOf(r.kind));
  if (due.getTime() !== r.dueAt.getTime()) {
    // The event was moved since: this one lapses and the survey is scheduled for the new date.
    await scheduleReminder(
      tx,
      jobs,
      { kind: r.kind, meetingId: null, eventId: r.eventId, dueAt: due },
      now,
      origin,
    );
    return null;
  }
  const recipients = await repo.listSurveyRecipients(tx, event.id);
  for (const x of recipients)
    await notify(
      tx,
      jobs,
      {
        userId: x.userId,
        kind: 'outcome.survey',
        titleKey: `outcomes.mail.survey_${waveOf(r.kind)}_title`,
        bodyKey: 'outcomes.mail.survey_event_body',
        params: { event: event.name, count: x.meetings },
        link: `/outcomes?event=${event.id}&survey=${waveOf(r.kind)}`,
        email: false,
      },
      origin,
    );
  for (const x of recipients)
    await sendSurveyLinks(tx, jobs, {
      reminderId: r.id,
      wave: waveOf(r.kind),
      userId: x.userId,
      locale: x.locale,
      meetings: await listRecipientMeetings(tx, event.id, x.userId),
      eventName: event.name,
      origin,
      now,
    });
  return recipients.length;
}

/**
 * The `outcomes.remind` worker. Each reminder is re-checked when it fires, because things move
 * on after it was scheduled: a follow-up that became a deal, a meeting that was cancelled, an
 * event that changed dates. In one transaction with the row locked, so a retry never sends twice;
 * notifications and their emails go out in each recipient's language.
 */
export function outcomesRemindHandler(deps: ReminderDeps) {
  return async (job: RemindJob) => {
    const now = (deps.clock ?? (() => new Date()))();
    await deps.sql.begin(async (tx) => {
      const r = await repo.lockReminder(tx, job.reminderId);
      if (r?.status !== 'scheduled') return;
      const sent =
        r.kind === 'follow_up'
          ? await sendFollowUp(tx, deps.jobs, r, job.origin)
          : r.eventId
            ? await sendEventSurvey(tx, deps.jobs, r, job.origin, now)
            : await sendMeetingSurvey(tx, deps.jobs, r, job.origin, now);
      await repo.markReminder(tx, r.id, sent === null ? 'skipped' : 'sent', sent ?? 0, now);
      deps.logger.info({ reminderId: r.id, kind: r.kind, recipients: sent }, 'outcome reminder handled');
    });
  };
}
