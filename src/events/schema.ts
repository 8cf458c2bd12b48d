import { z } from 'zod';
import { zonedTimeToUtc } from '../i18n/format.js';
import { calendarDate, localDateTime as localDateTimeField } from '../text/calendar.js';
import { parseWindowList } from './slots.js';

export const EVENT_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type EventZone = (typeof EVENT_ZONES)[number];

const uuid = z.uuid('v.invalid');
const time = z.string().regex(/^([01]\d|2[0-3])[:.][0-5]\d$/, 'v.events.time');
const isoDate = calendarDate();
const instant = z.iso.datetime({ offset: true, error: 'v.events.datetime' }).transform((v) => new Date(v));
const tableNames = z
  .array(z.string().trim().min(1).max(60))
  .min(1)
  .max(200)
  .refine(
    (names) => new Set(names.map((n) => n.toLowerCase())).size === names.length,
    'v.events.tables_unique',
  );

/** Tables arrive as a count ("10 tables") or as names; both end up as a list of names. */
export const TablesInput = z.union([z.int().min(1).max(200), tableNames]);
export type TablesInput = z.infer<typeof TablesInput>;

export const DayInput = z.object({
  date: isoDate,
  windows: z.array(z.object({ start: time, end: time })).min(1, 'v.events.windows_required'),
});

/** `POST /api/v1/events`; optional fields default like the web form does. */
export const EventCreateBody = z.object({
  name: z.string().trim().min(2).max(200),
  venue: z.string().trim().min(2).max(300),
  timezone: z.enum(EVENT_ZONES),
  days: z.array(DayInput).min(1).max(14),
  slot_minutes: z.int().min(5).max(240),
  break_minutes: z.int().min(0).max(120).default(0),
  tables: TablesInput,
  organizer_id: uuid.nullable().optional(),
  estate_id: uuid.nullable().optional(),
  registration_opens_at: instant.nullable().optional(),
  registration_closes_at: instant.nullable().optional(),
  request_deadline: instant.nullable().optional(),
  request_quota: z.int().min(1).max(500).default(10),
});
export type EventCreateBody = z.infer<typeof EventCreateBody>;

/** The service's input, shared by the API and the form. */
export interface EventInput {
  name: string;
  venue: string;
  timezone: EventZone;
  days: { date: string; windows: { start: string; end: string }[] }[];
  slotMinutes: number;
  breakMinutes: number;
  tables: string[] | number;
  organizerId: string | null;
  estateId: string | null;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  requestDeadline: Date | null;
  requestQuota: number;
}

/** Maps the API body to the service input. */
export function eventInputFromBody(b: EventCreateBody): EventInput {
  return {
    name: b.name,
    venue: b.venue,
    timezone: b.timezone,
    days: b.days,
    slotMinutes: b.slot_minutes,
    breakMinutes: b.break_minutes,
    tables: b.tables,
    organizerId: b.organizer_id ?? null,
    estateId: b.estate_id ?? null,
    registrationOpensAt: b.registration_opens_at ?? null,
    registrationClosesAt: b.registration_closes_at ?? null,
    requestDeadline: b.request_deadline ?? null,
    requestQuota: b.request_quota,
  };
}

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? null : v));
const localDateTime = localDateTimeField('v.events.datetime');

/** The event form: days as rows of a date and a text of windows ("09.00-12.00, 13.00-16.00"). */
export const EventForm = z.object({
  name: z.string().trim().min(2).max(200),
  venue: z.string().trim().min(2).max(300),
  timezone: z.enum(EVENT_ZONES),
  organizer_id: optionalText.pipe(uuid.nullable()),
  estate_id: optionalText.pipe(uuid.nullable()),
  slot_minutes: z.coerce.number('v.number').int('v.integer').min(5).max(240),
  break_minutes: z.coerce.number('v.number').int('v.integer').min(0).max(120),
  tables: z.string().trim().min(1).max(4000),
  registration_opens_at: localDateTime,
  registration_closes_at: localDateTime,
  request_deadline: localDateTime,
  request_quota: z.coerce.number('v.number').int('v.integer').min(1).max(500),
});
export type EventForm = z.infer<typeof EventForm>;

/** Reads the table field: a bare number is a count, anything else is one name per line or comma. */
export function parseTablesField(text: string): string[] | number | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) {
    const n = Number(trimmed);
    return n >= 1 && n <= 200 ? n : null;
  }
  const names = trimmed
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
  const parsed = tableNames.safeParse(names);
  return parsed.success ? parsed.data : null;
}

/** Day rows of the form (`days.N.date`, `days.N.windows`), empty rows skipped. */
export function parseDayRows(raw: Record<string, unknown>): {
  days: EventInput['days'];
  errors: Record<string, string>;
} {
  const days: EventInput['days'] = [];
  const errors: Record<string, string> = {};
  for (let i = 0; i < 14; i++) {
    const date = String(raw[`days.${i}.date`] ?? '').trim();
    const text = String(raw[`days.${i}.windows`] ?? '').trim();
    if (!date && !text) continue;
    if (!isoDate.safeParse(date).success) errors[`days.${i}.date`] = 'v.date';
    const windows = parseWindowList(text);
    if (!windows) errors[`days.${i}.windows`] = 'v.events.windows_format';
    days.push({ date, windows: windows ?? [] });
  }
  return { days, errors };
}

/** A `datetime-local` value read in the event's zone; empty means "not set". */
export function localToInstant(value: string, timezone: string): Date | null {
  if (!value) return null;
  const [date, clock] = value.split('T');
  return zonedTimeToUtc(date!, clock!.slice(0, 5), timezone);
}

export const ParticipantBody = z.object({
  organization_id: uuid,
  name: z.string().trim().min(2).max(160),
  user_id: uuid.nullable().optional(),
  unavailable_slots: z.array(uuid).max(400).default([]),
});
export type ParticipantBody = z.infer<typeof ParticipantBody>;

export const ParticipantForm = z.object({
  organization_id: uuid,
  name: z.string().trim().min(2).max(160),
  represent_self: z
    .string()
    .optional()
    .transform((v) => v === 'on' || v === '1' || v === 'true'),
});

export const UnavailabilityForm = z.object({
  slots: z
    .union([uuid, z.array(uuid)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
});

export const RequestBody = z.object({
  from: uuid,
  to: uuid,
  priority: z.int().min(1).max(3),
  message: z.string().trim().max(1000).default(''),
});
export type RequestBody = z.infer<typeof RequestBody>;

export const RequestForm = z.object({
  from: uuid,
  to: uuid,
  priority: z.coerce.number('v.choice').int().min(1, 'v.choice').max(3, 'v.choice'),
  message: z.string().trim().max(1000).default(''),
});

export const CatalogueQuery = z.object({
  kind: z.enum(['', 'buyer', 'supplier']).default(''),
  q: z.string().trim().max(100).default(''),
  province: z
    .string()
    .trim()
    .regex(/^(|\d{2})$/)
    .default(''),
  status: z.enum(['', 'pending', 'approved', 'rejected']).default(''),
});
export type CatalogueQuery = z.infer<typeof CatalogueQuery>;
