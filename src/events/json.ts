import { zoneAbbrev } from '../i18n/format.js';
import type { SlotRow } from './repo.js';
import type { LoadedEvent } from './service.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The event in the API's snake_case shape, tables included (their ids are needed to place meetings). */
export function eventToJson({ event: e, tables, slots }: LoadedEvent) {
  return {
    id: e.id,
    name: e.name,
    venue: e.venue,
    timezone: e.timezone,
    zone: zoneAbbrev(e.timezone, e.startsAt),
    organizer: e.organizerId ? { id: e.organizerId, name: e.organizerName } : null,
    estate: e.estateId ? { id: e.estateId, name: e.estateName } : null,
    days: e.days.map((d) => ({
      date: d.date,
      windows: d.windows.map((w) => ({ start: w.start, end: w.end })),
    })),
    slot_minutes: e.slotMinutes,
    break_minutes: e.breakMinutes,
    slot_count: slots.length,
    tables: tables.map((t) => ({ id: t.id, name: t.name })),
    starts_at: iso(e.startsAt),
    ends_at: iso(e.endsAt),
    registration_opens_at: iso(e.registrationOpensAt),
    registration_closes_at: iso(e.registrationClosesAt),
    request_deadline: iso(e.requestDeadline),
    request_quota: e.requestQuota,
    published_at: iso(e.publishedAt),
    created_at: iso(e.createdAt),
  };
}

/** A slot in the API shape: UTC instants; clients render them in the event zone. */
export function slotToJson(s: SlotRow) {
  return {
    id: s.id,
    position: s.position,
    starts_at: s.startsAt.toISOString(),
    ends_at: s.endsAt.toISOString(),
  };
}
