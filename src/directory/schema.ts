import { z } from 'zod';
import { SORTS } from '../../search/engine.js';
import { INDONESIA_BBOX } from '../suppliers/schema.js';

/** Deepest result a page may reach (page × per_page), as search engines cap it. */
export const MAX_RESULT_WINDOW = 10_000;

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A comma-separated list (repeated parameters are joined with commas before parsing). */
const list = (pattern: RegExp, message = 'v.invalid') =>
  z
    .string()
    .optional()
    .transform((v) => [
      ...new Set(
        (v ?? '')
          .split(',')
          .map((s) => s.trim().toLowerCase())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.string().regex(pattern, message)).max(50));

const near = z
  .string()
  .transform((v, ctx) => {
    const m = /^\s*(-?\d{1,3}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)\s*$/.exec(v);
    const lat = Number(m?.[1]);
    const lon = Number(m?.[2]);
    const inside =
      m &&
      lat >= INDONESIA_BBOX.minLat &&
      lat <= INDONESIA_BBOX.maxLat &&
      lon >= INDONESIA_BBOX.minLon &&
      lon <= INDONESIA_BBOX.maxLon;
    if (!inside) {
      ctx.addIssue({ code: 'custom', message: 'v.search_near' });
      return z.NEVER;
    }
    return { lat, lon };
  })
  .optional();

/**
 * `GET /suppliers` and `GET /api/v1/suppliers` query parameters (snake_case, as in the API).
 * Empty values count as absent, so a plain GET form with blank fields is a valid query.
 */
export const SearchParams = z
  .object({
    q: z.string().trim().max(200).default(''),
    processes: list(SLUG),
    materials: list(SLUG),
    certifications: list(SLUG),
    sectors: list(SLUG),
    product_categories: list(SLUG),
    province: list(/^[0-9]{2}$/, 'v.search_code'),
    regency: list(/^[0-9]{2}\.[0-9]{2}$/, 'v.search_code'),
    verified: z.enum(['true', 'false']).optional(),
    tkdn_min: z.coerce.number('v.number').min(0).max(100).optional(),
    employees_min: z.coerce.number('v.number').int().min(0).max(1_000_000).optional(),
    employees_max: z.coerce.number('v.number').int().min(0).max(1_000_000).optional(),
    near,
    estate: z.string().trim().toLowerCase().regex(SLUG, 'v.search_unknown_estate').max(100).optional(),
    radius_km: z.coerce.number('v.number').gt(0).max(2000).optional(),
    sort: z.enum(SORTS).default('relevance'),
    page: z.coerce.number('v.number').int().min(1).default(1),
    per_page: z.coerce.number('v.number').int().min(1).max(100).default(20),
  })
  .superRefine((p, ctx) => {
    const point = p.near !== undefined || p.estate !== undefined;
    if (p.near && p.estate)
      ctx.addIssue({ code: 'custom', path: ['near'], message: 'v.search_near_and_estate' });
    if (p.radius_km !== undefined && !point)
      ctx.addIssue({ code: 'custom', path: ['radius_km'], message: 'v.search_needs_point' });
    if (p.sort === 'distance' && !point)
      ctx.addIssue({ code: 'custom', path: ['sort'], message: 'v.search_needs_point' });
    if (p.employees_min !== undefined && p.employees_max !== undefined && p.employees_min > p.employees_max)
      ctx.addIssue({ code: 'custom', path: ['employees_max'], message: 'v.search_range' });
    if (p.page * p.per_page > MAX_RESULT_WINDOW)
      ctx.addIssue({ code: 'custom', path: ['page'], message: 'v.search_too_deep' });
  });

export type SearchParams = z.infer<typeof SearchParams>;

/**
 * Query string → plain object for SearchParams: repeated keys (checkboxes) are joined with
 * commas, blank values dropped.
 */
export function queryToInput(queries: Record<string, string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, values] of Object.entries(queries)) {
    const kept = values.map((v) => v.trim()).filter((v) => v !== '');
    if (kept.length) out[key] = kept.join(',');
  }
  return out;
}
