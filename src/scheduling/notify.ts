import type { Db, Sql } from '../db/client.js';
import { findParticipant, listRecipientsOf } from '../events/participants-repo.js';
import { findEvent } from '../events/repo.js';
import { translator } from '../i18n/index.js';
import type { Jobs } from '../jobs/queue.js';
import type { Logger } from '../logger.js';
import { notify } from '../notifications/service.js';
import { agendaIcs, loadAgenda } from './agenda.js';

export interface ScheduleNotice {
  eventId: string;
  participantIds: string[];
  reason: 'published' | 'changed';
  /** The public origin at the time of the change, for the link in the mail. */
  origin: string;
}

/**
 * Enqueued in the transaction that changed the schedule, so a notice goes out if and only if the
 * change committed. The job (not the request) renders each agenda, so a big publish stays fast and
 * the attachment reflects the schedule as it is when the mail is written.
 */
export async function enqueueScheduleNotice(
  db: Db,
  jobs: Jobs | null,
  notice: ScheduleNotice,
): Promise<void> {
  if (!jobs || notice.participantIds.length === 0) return;
  await jobs.send(
    'events.notify',
    { ...notice, participantIds: [...new Set(notice.participantIds)] },
    {},
    db,
  );
}

/**
 * The `events.notify` worker: for every participant, each recipient (the representative's own
 * login, else the organisation's owners) gets an in-app notification and an email with the
 * agenda as .ics, both in their own language.
 */
export function eventsNotifyHandler(deps: { sql: Sql; jobs: Jobs; logger: Logger; clock?: () => Date }) {
  return async (notice: ScheduleNotice) => {
    const event = await findEvent(deps.sql, notice.eventId);
    if (!event) return;
    const now = (deps.clock ?? (() => new Date()))();
    for (const participantId of notice.participantIds) {
      const participant = await findParticipant(deps.sql, event.id, participantId);
      if (!participant) continue;
      const entries = await loadAgenda(deps.sql, event.id, participant.id);
      const count = entries.filter((e) => e.meeting.status === 'scheduled').length;
      for (const recipient of await listRecipientsOf(deps.sql, participant.id)) {
        const t = translator(recipient.locale);
        const ics = agendaIcs(t, event, participant, entries, now);
        await deps.sql.begin((tx) =>
          notify(
            tx,
            deps.jobs,
            {
              userId: recipient.userId,
              kind: `event.${notice.reason}`,
              titleKey: `events.mail.${notice.reason}_title`,
              bodyKey: `events.mail.${notice.reason}_body`,
              params: { event: event.name, name: participant.name, count },
              link: `/events/${event.id}/participants/${participant.id}/agenda`,
              email: true,
              attachments: [
                {
                  filename: 'agenda.ics',
                  content: ics,
                  contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
                },
              ],
            },
            notice.origin,
          ),
        );
      }
    }
    deps.logger.info(
      { eventId: event.id, participants: notice.participantIds.length },
      'schedule notices sent',
    );
  };
}
