import { z } from 'zod';
import { EVENT_ZONES } from '../events/schema.js';
import { calendarDate } from '../text/calendar.js';

/** An optional text field: absent or blank is null (forms that do not offer a field still validate). */
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : null));

/** Proposing a meeting outside an event: when (in a chosen zone), where or online, and why. */
export const AdhocForm = z.object({
  from_org: z.uuid('v.choice'),
  to_org: z.uuid('v.choice'),
  date: calendarDate(),
  start: z.string().regex(/^([01]\d|2[0-3])[:.][0-5]\d$/, 'v.events.time'),
  minutes: z.coerce.number('v.number').int('v.integer').min(10).max(480),
  timezone: z.enum(EVENT_ZONES),
  place: optional(300),
  online_url: optional(500).pipe(z.union([z.null(), z.url({ protocol: /^https?$/, error: 'v.invalid' })])),
  message: optional(1000),
});
export type AdhocForm = z.infer<typeof AdhocForm>;
