import { z } from 'zod';
import { TERM_KINDS } from '../taxonomy/dictionary.js';

const synonyms = z
  .string()
  .max(2000)
  .transform((v) =>
    [
      ...new Set(
        v
          .split(/[,\n]/)
          .map((s) => s.trim().toLowerCase())
          .filter(Boolean),
      ),
    ].slice(0, 60),
  );

export const TermKindParam = z.enum(TERM_KINDS as unknown as [string, ...string[]]);

/** Admin edit of one taxonomy term; synonyms are typed comma- or line-separated. */
export const TermForm = z.object({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'v.slug')
    .max(60),
  label_id: z.string().trim().min(1).max(120),
  label_en: z.string().trim().min(1).max(120),
  synonyms_id: synonyms,
  synonyms_en: synonyms,
  parent_slug: z
    .string()
    .trim()
    .max(60)
    .transform((v) => (v === '' ? null : v)),
  active: z
    .union([z.literal('on'), z.literal('')])
    .optional()
    .transform((v) => v === 'on'),
});
export type TermForm = z.infer<typeof TermForm>;

export const EstateForm = z.object({
  name: z.string().trim().min(2).max(160),
  regency_code: z
    .string()
    .trim()
    .regex(/^[0-9]{2}\.[0-9]{2}$/, 'v.regency'),
  lat: z.coerce.number('v.number').min(-11, 'v.lat_range').max(6, 'v.lat_range'),
  lon: z.coerce.number('v.number').min(95, 'v.lon_range').max(141, 'v.lon_range'),
  description_id: z.string().trim().max(2000),
  description_en: z.string().trim().max(2000),
});
export type EstateForm = z.infer<typeof EstateForm>;

export const TenantForm = z.object({ organization_id: z.uuid('v.invalid') });
