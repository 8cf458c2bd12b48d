import { z } from 'zod';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** Radius the gap map uses when none is given: a day's return trip by truck on Indonesian roads. */
export const DEFAULT_RADIUS_KM = 100;

/**
 * The gap map's query, the same for the page, the exports and the API. The radius is whole
 * kilometres: 1 to 500 (past that, "local" supply stops meaning anything for an estate).
 */
export const GapQuery = z.object({
  estate: z
    .string('v.required')
    .min(1, 'v.required')
    .max(80, 'v.invalid')
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'v.invalid'),
  radius_km: z.preprocess(
    blank,
    z.coerce
      .number('v.invalid')
      .int('v.invalid')
      .min(1, 'v.gaps.radius')
      .max(500, 'v.gaps.radius')
      .default(DEFAULT_RADIUS_KM),
  ),
});

export type GapFilter = z.infer<typeof GapQuery>;
