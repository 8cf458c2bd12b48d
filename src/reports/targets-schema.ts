import { z } from 'zod';
import { parseIdr } from '../i18n/format.js';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const count = z.preprocess(blank, z.coerce.number().int().min(0).max(10_000_000).optional());
const IdrText = z.string().transform((s, ctx) => {
  const r = parseIdr(s);
  if (r.ok) return r.value;
  ctx.addIssue({ code: 'custom', message: `v.outcomes.idr_${r.error}` });
  return z.NEVER;
});

/**
 * The target form: an office, and either an event or a year; each figure optional (blank means
 * no target for it). Money is typed the way people write it ("2,5 M", "750 jt").
 */
export const TargetForm = z
  .object({
    office_id: z.uuid('v.required'),
    scope: z.enum(['event', 'year']),
    event_id: z.preprocess(blank, z.uuid('v.invalid').optional()),
    year: z.preprocess(blank, z.coerce.number().int().min(2000).max(2100).optional()),
    meetings_held: count,
    deals: count,
    mous: count,
    value_idr: z.preprocess(blank, IdrText.optional()),
    ikm_verified: count,
    ikm_certified: count,
  })
  .superRefine((f, ctx) => {
    if (f.scope === 'event' && !f.event_id)
      ctx.addIssue({ code: 'custom', path: ['event_id'], message: 'v.required' });
    if (f.scope === 'year' && !f.year)
      ctx.addIssue({ code: 'custom', path: ['year'], message: 'v.required' });
  })
  .transform((f) => ({
    officeId: f.office_id,
    eventId: f.scope === 'event' ? (f.event_id ?? null) : null,
    year: f.scope === 'year' ? (f.year ?? null) : null,
    meetingsHeld: f.meetings_held ?? null,
    deals: f.deals ?? null,
    mous: f.mous ?? null,
    valueIdr: f.value_idr ?? null,
    ikmVerified: f.ikm_verified ?? null,
    ikmCertified: f.ikm_certified ?? null,
  }));

export type TargetInput = z.output<typeof TargetForm>;
