import { z } from 'zod';
import { calendarDate } from '../text/calendar.js';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(s: T) => z.preprocess(blank, s.optional());

/** The *naik kelas* report's period and office, as on the other reports; both days inclusive. */
export const NaikKelasQuery = z
  .object({
    from: optional(calendarDate()),
    to: optional(calendarDate()),
    office: optional(z.uuid('v.invalid')),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], message: 'v.reports.range' });

export type NaikKelasFilter = z.infer<typeof NaikKelasQuery>;
