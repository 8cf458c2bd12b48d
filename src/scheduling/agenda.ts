import type { Db } from '../db/client.js';
import type { ParticipantRow } from '../events/participants-repo.js';
import type { EventRow } from '../events/repo.js';
import type { T } from '../i18n/index.js';
import { buildIcs } from './ics.js';
import { listEventMeetings, type MeetingRow } from './repo.js';

export interface AgendaEntry {
  meeting: MeetingRow;
  /** The other side, seen from the participant whose agenda this is. */
  counterpart: { id: string; name: string; orgName: string };
}

/** One participant's meetings in time order, cancelled ones included (the .ics needs them). */
export async function loadAgenda(db: Db, eventId: string, participantId: string): Promise<AgendaEntry[]> {
  const meetings = await listEventMeetings(db, eventId, { cancelled: true, participantIds: [participantId] });
  return meetings.map((m) => ({
    meeting: m,
    counterpart:
      m.aId === participantId
        ? { id: m.bId, name: m.bName, orgName: m.bOrgName }
        : { id: m.aId, name: m.aName, orgName: m.aOrgName },
  }));
}

/** "Meja 3" for numbered tables, the name itself otherwise ("VIP A"). */
export function tableLabel(t: T, name: string | null): string {
  if (name === null) return '';
  return /^\d+$/.test(name) ? t('events.table_n', { n: name }) : name;
}

/**
 * The participant's calendar in the reader's language. Cancelled meetings that never reached the
 * participant before (cancelled before the first publish) are still listed: harmless, and it
 * keeps the feed a pure function of the rows.
 */
export function agendaIcs(
  t: T,
  event: EventRow,
  participant: ParticipantRow,
  entries: AgendaEntry[],
  now: Date,
): string {
  return buildIcs({
    name: t('events.ics.calendar_name', { event: event.name, name: participant.name }),
    timezone: event.timezone,
    now,
    meetings: entries.map(({ meeting: m, counterpart }) => ({
      id: m.id,
      status: m.status,
      sequence: m.sequence,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      updatedAt: m.updatedAt,
      summary: t('events.ics.summary', { name: counterpart.name, org: counterpart.orgName }),
      location: [event.venue, tableLabel(t, m.tableName)].filter(Boolean).join(', '),
      description: [t('events.ics.event', { event: event.name }), m.message].filter(Boolean).join('\n\n'),
    })),
  });
}
