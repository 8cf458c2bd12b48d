import { z } from 'zod';
import { calendarDate } from '../text/calendar.js';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(s: T) => z.preprocess(blank, s.optional());

/**
 * Report filters, the same for the page, the exports and the API. Dates are calendar days in
 * each meeting's own zone (what the participants wrote in their diaries), both ends inclusive.
 * Province, regency and sector are the supplier's; the estate is the event's, or for ad-hoc
 * meetings the buyer's estate; the office is the event's organiser.
 */
export const ReportQuery = z
  .object({
    event: optional(z.uuid('v.invalid')),
    from: optional(calendarDate()),
    to: optional(calendarDate()),
    province: optional(z.string().regex(/^[0-9]{2}$/, 'v.invalid')),
    regency: optional(z.string().regex(/^[0-9]{2}\.[0-9]{2}$/, 'v.invalid')),
    sector: optional(
      z
        .string()
        .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'v.invalid')
        .max(80),
    ),
    estate: optional(
      z
        .string()
        .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'v.invalid')
        .max(80),
    ),
    office: optional(z.uuid('v.invalid')),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], message: 'v.reports.range' });

export type ReportFilter = z.infer<typeof ReportQuery>;
