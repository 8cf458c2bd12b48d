import type { z } from 'zod';
import { fieldErrors } from '../http/validate.js';
import type { T } from '../i18n/index.js';
import type { EventRow, TableRow } from './repo.js';
import { EventForm, type EventInput, localToInstant, parseDayRows, parseTablesField } from './schema.js';
import { formatWindowList } from './slots.js';

export type FormOutcome =
  | { ok: true; input: EventInput }
  | { ok: false; errors: Record<string, string>; values: Record<string, string> };

/** Form values as strings, for re-rendering exactly what was typed. */
export function stringValues(raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') out[k] = v;
  return out;
}

/**
 * The event form → service input: zod for the scalar fields, then the parts zod cannot express in a
 * flat form (day rows, a table count or list, local times read in the chosen zone). All errors come
 * back together, as catalog messages already translated.
 */
export function readEventForm(raw: Record<string, unknown>, t: T): FormOutcome {
  const values = stringValues(raw);
  const parsed = EventForm.safeParse(values);
  const errors: Record<string, string> = parsed.success ? {} : fieldErrors(parsed.error as z.ZodError, t);
  const rows = parseDayRows(raw);
  for (const [k, v] of Object.entries(rows.errors)) errors[k] ??= t(v);
  if (rows.days.length === 0) errors.days ??= t('v.events.days_required');
  const tables = parseTablesField(values.tables ?? '');
  if (tables === null) errors.tables ??= t('v.events.tables');
  if (!parsed.success || Object.keys(errors).length) return { ok: false, errors, values };
  const f = parsed.data;
  const instants: Record<string, Date | null> = {};
  for (const name of ['registration_opens_at', 'registration_closes_at', 'request_deadline'] as const) {
    try {
      instants[name] = localToInstant(f[name], f.timezone);
    } catch {
      errors[name] = t('v.events.datetime');
    }
  }
  if (Object.keys(errors).length) return { ok: false, errors, values };
  return {
    ok: true,
    input: {
      name: f.name,
      venue: f.venue,
      timezone: f.timezone,
      days: rows.days,
      slotMinutes: f.slot_minutes,
      breakMinutes: f.break_minutes,
      tables: tables!,
      organizerId: f.organizer_id,
      estateId: f.estate_id,
      registrationOpensAt: instants.registration_opens_at ?? null,
      registrationClosesAt: instants.registration_closes_at ?? null,
      requestDeadline: instants.request_deadline ?? null,
      requestQuota: f.request_quota,
    },
  };
}

const localFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant as a `datetime-local` value in the event's zone ("2026-12-01T09:00"). */
export function toLocalInput(date: Date | null, tz: string): string {
  if (!date) return '';
  let f = localFormats.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('sv-SE', {
      timeZone: tz,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    localFormats.set(tz, f);
  }
  return f.format(date).replace(' ', 'T');
}

/** An existing event as form values (for the edit page). */
export function eventFormValues(e: EventRow, tables: TableRow[]): Record<string, string> {
  const values: Record<string, string> = {
    name: e.name,
    venue: e.venue,
    timezone: e.timezone,
    organizer_id: e.organizerId ?? '',
    estate_id: e.estateId ?? '',
    slot_minutes: String(e.slotMinutes),
    break_minutes: String(e.breakMinutes),
    tables: tables.every((tb, i) => tb.name === String(i + 1))
      ? String(tables.length)
      : tables.map((tb) => tb.name).join('\n'),
    registration_opens_at: toLocalInput(e.registrationOpensAt, e.timezone),
    registration_closes_at: toLocalInput(e.registrationClosesAt, e.timezone),
    request_deadline: toLocalInput(e.requestDeadline, e.timezone),
    request_quota: String(e.requestQuota),
  };
  e.days.forEach((d, i) => {
    values[`days.${i}.date`] = d.date;
    values[`days.${i}.windows`] = formatWindowList(d.windows);
  });
  return values;
}

/** Defaults for a new event: WIB, 20-minute slots, 10 tables, quota 10. */
export const NEW_EVENT_VALUES: Record<string, string> = {
  timezone: 'Asia/Jakarta',
  slot_minutes: '20',
  break_minutes: '0',
  tables: '10',
  request_quota: '10',
  'days.0.windows': '09.00-12.00, 13.00-16.00',
};

/** How many day rows to show: the filled ones plus one, at least three, at most fourteen. */
export function dayRowsFor(values: Record<string, string>, requested: number | undefined): number {
  let filled = 0;
  for (let i = 0; i < 14; i++) if (values[`days.${i}.date`] || values[`days.${i}.windows`]) filled = i + 1;
  return Math.min(14, Math.max(3, filled + 1, requested ?? 0));
}
