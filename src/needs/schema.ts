import { z } from 'zod';
import { parseIdr } from '../i18n/format.js';
import { NEED_UNITS } from '../matching/capacity.js';
import { INDONESIA_BBOX } from '../suppliers/schema.js';
import { calendarDate } from '../text/calendar.js';

export const FREQUENCIES = ['once', 'monthly', 'yearly'] as const;
export const VISIBILITIES = ['public', 'invited'] as const;
export const CLOSE_REASONS = ['awarded', 'cancelled'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

const MAX_TERMS = 20;

/** What a need is made of, validated for shape; taxonomy terms and estates are checked by the service. */
export interface NeedInput {
  buyerOrgId: string | null;
  titleId: string | null;
  titleEn: string | null;
  descriptionId: string | null;
  descriptionEn: string | null;
  sector: string | null;
  productCategory: string | null;
  /** Slugs, labels or synonyms in either language ("bubut" = turning); resolved by the service. */
  processes: string[];
  materials: string[];
  requiredCerts: string[];
  preferredCerts: string[];
  minTkdn: number | null;
  quantity: number | null;
  unit: string | null;
  frequency: (typeof FREQUENCIES)[number] | null;
  targetPriceIdr: bigint | null;
  /** Estate slug, or a lat/lon: exactly one of the two. */
  estate: string | null;
  location: { lat: number; lon: number } | null;
  maxDistanceKm: number | null;
  responseDeadline: string | null;
  visibility: (typeof VISIBILITIES)[number];
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
const optNumber = (min: number, max: number) =>
  z.preprocess(
    (v) => (blank(v) ? null : typeof v === 'string' ? v.replace(',', '.') : v),
    z.coerce.number('v.number').min(min).max(max).nullable(),
  );
const terms = z
  .preprocess(
    (v) => (blank(v) ? [] : typeof v === 'string' ? v.split(',') : v),
    z.array(z.string().trim().toLowerCase().max(100)).max(MAX_TERMS),
  )
  .transform((xs) => [...new Set(xs.filter(Boolean))]);
const slug = z
  .string()
  .trim()
  .toLowerCase()
  .max(100)
  .nullish()
  .transform((v) => (v ? v : null));
export const idr = z
  .union([z.string(), z.number().int()])
  .nullish()
  .transform((v, ctx) => {
    if (blank(v)) return null;
    const parsed = parseIdr(String(v));
    // Amounts stay exact as JSON numbers up to 2^53 (9 quadrillion rupiah): ample for one RFQ.
    if (parsed.ok && parsed.value <= BigInt(Number.MAX_SAFE_INTEGER)) return parsed.value;
    ctx.addIssue({ code: 'custom', message: `v.needs.idr_${parsed.ok ? 'too_large' : parsed.error}` });
    return z.NEVER;
  });
const date = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v : null))
  .pipe(calendarDate().nullable());
const lat = z.coerce
  .number('v.number')
  .min(INDONESIA_BBOX.minLat, 'v.needs.lat')
  .max(INDONESIA_BBOX.maxLat, 'v.needs.lat');
const lon = z.coerce
  .number('v.number')
  .min(INDONESIA_BBOX.minLon, 'v.needs.lon')
  .max(INDONESIA_BBOX.maxLon, 'v.needs.lon');

const fields = {
  title_id: optText(200),
  title_en: optText(200),
  description_id: optText(5000),
  description_en: optText(5000),
  sector: slug,
  product_category: slug,
  processes: terms,
  materials: terms,
  required_certs: terms,
  preferred_certs: terms,
  min_tkdn: optNumber(0, 100),
  quantity: optNumber(0.01, 1e12),
  unit: z
    .string()
    .trim()
    .toLowerCase()
    .nullish()
    .transform((v) => (v ? v : null))
    .pipe(z.enum(NEED_UNITS, 'v.choice').nullable()),
  frequency: z.preprocess((v) => (blank(v) ? null : v), z.enum(FREQUENCIES, 'v.choice').nullable()),
  target_price_idr: idr,
  estate: slug,
  max_distance_km: optNumber(1, 5000),
  response_deadline: date,
  visibility: z.preprocess((v) => (blank(v) ? 'public' : v), z.enum(VISIBILITIES, 'v.choice')),
};

function toInput(d: z.infer<z.ZodObject<typeof fields>>, extra: Partial<NeedInput>): NeedInput {
  return {
    buyerOrgId: null,
    titleId: d.title_id,
    titleEn: d.title_en,
    descriptionId: d.description_id,
    descriptionEn: d.description_en,
    sector: d.sector,
    productCategory: d.product_category,
    processes: d.processes,
    materials: d.materials,
    requiredCerts: d.required_certs,
    preferredCerts: d.preferred_certs,
    minTkdn: d.min_tkdn,
    quantity: d.quantity,
    unit: d.unit,
    frequency: d.frequency,
    targetPriceIdr: d.target_price_idr,
    estate: d.estate,
    location: null,
    maxDistanceKm: d.max_distance_km,
    responseDeadline: d.response_deadline,
    visibility: d.visibility,
    ...extra,
  };
}

/**
 * The HTML form: every value a string (checkbox lists repeat their name). The delivery point is
 * chosen with `delivery` (estate | point); lat and lon are only read for a point.
 */
export const NeedForm = z
  .object({
    ...fields,
    buyer_org_id: z.string().trim().optional(),
    delivery: z.enum(['estate', 'point'], 'v.choice').default('estate'),
    lat: z.string().trim().optional(),
    lon: z.string().trim().optional(),
  })
  .superRefine((d, ctx) => {
    if (d.delivery !== 'point') return;
    for (const [key, schema] of [
      ['lat', lat],
      ['lon', lon],
    ] as const) {
      const r = schema.safeParse(blank(d[key]) ? undefined : d[key]);
      if (!r.success)
        ctx.addIssue({ code: 'custom', path: [key], message: r.error.issues[0]?.message ?? 'v.invalid' });
    }
  })
  .transform((d) =>
    toInput(d, {
      buyerOrgId: d.buyer_org_id || null,
      estate: d.delivery === 'estate' ? d.estate : null,
      location: d.delivery === 'point' ? { lat: Number(d.lat), lon: Number(d.lon) } : null,
    }),
  );

const apiFields = {
  ...fields,
  location: z.object({ lat, lon }).nullish(),
};

/** `POST /api/v1/needs`; terms may be slugs or labels and synonyms in either language. */
export const NeedCreateBody = z
  .object({ ...apiFields, buyer_org_id: z.uuid().optional() })
  .strict()
  .transform((d) => toInput(d, { buyerOrgId: d.buyer_org_id ?? null, location: d.location ?? null }));

/** `PATCH /api/v1/needs/:id`: any subset of the fields; lists replace the stored list. */
export const NeedPatchBody = z.object(apiFields).partial().strict();
export type NeedPatchBody = z.infer<typeof NeedPatchBody>;

/** Maps a validated PATCH body onto NeedInput keys (only the fields it carries). */
export function patchToInput(p: NeedPatchBody): Partial<NeedInput> {
  const out: Partial<NeedInput> = {};
  const keys: [keyof NeedPatchBody, keyof NeedInput][] = [
    ['title_id', 'titleId'],
    ['title_en', 'titleEn'],
    ['description_id', 'descriptionId'],
    ['description_en', 'descriptionEn'],
    ['sector', 'sector'],
    ['product_category', 'productCategory'],
    ['processes', 'processes'],
    ['materials', 'materials'],
    ['required_certs', 'requiredCerts'],
    ['preferred_certs', 'preferredCerts'],
    ['min_tkdn', 'minTkdn'],
    ['quantity', 'quantity'],
    ['unit', 'unit'],
    ['frequency', 'frequency'],
    ['target_price_idr', 'targetPriceIdr'],
    ['estate', 'estate'],
    ['location', 'location'],
    ['max_distance_km', 'maxDistanceKm'],
    ['response_deadline', 'responseDeadline'],
    ['visibility', 'visibility'],
  ];
  for (const [from, to] of keys) if (from in p) (out as Record<string, unknown>)[to] = p[from] ?? null;
  if ('estate' in p && p.estate) out.location = null;
  if ('location' in p && p.location) out.estate = null;
  return out;
}

/** Field (API name) → message key for rules across fields; the service adds the taxonomy checks. */
export function crossFieldErrors(n: NeedInput): Record<string, string> {
  const e: Record<string, string> = {};
  if (!n.titleId && !n.titleEn) e.title_id = 'v.needs.title_required';
  if (!n.descriptionId && !n.descriptionEn) e.description_id = 'v.needs.description_required';
  if (n.estate && n.location) e.estate = 'v.needs.one_delivery_point';
  if (!n.estate && !n.location) e.estate = 'v.needs.delivery_required';
  if ((n.quantity === null) !== (n.unit === null))
    e[n.quantity === null ? 'quantity' : 'unit'] = 'v.needs.quantity_unit';
  if (n.frequency !== null && n.quantity === null) e.quantity = 'v.needs.quantity_unit';
  const both = n.preferredCerts.filter((c) => n.requiredCerts.includes(c));
  if (both.length) e.preferred_certs = 'v.needs.preferred_also_required';
  for (const [key, v] of [
    ['title_id', n.titleId],
    ['title_en', n.titleEn],
  ] as const)
    if (v !== null && v.length < 3) e[key] = 'v.needs.title_short';
  return e;
}

/** A supplier's answer: interest (message, optional indicative price) or no interest (reason). */
export const ResponseForm = z
  .object({
    interested: z.preprocess(
      (v) => (v === undefined ? true : v === true || v === 'true' || v === 'yes'),
      z.boolean(),
    ),
    message: optText(2000),
    indicative_price_idr: idr,
    reason: optText(500),
    supplier_id: z.uuid().optional(),
  })
  .superRefine((d, ctx) => {
    if (d.interested && !d.message)
      ctx.addIssue({ code: 'custom', path: ['message'], message: 'v.required' });
    if (!d.interested && !d.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'v.required' });
  });
export type ResponseInput = z.infer<typeof ResponseForm>;

export const CloseForm = z.object({ reason: z.enum(CLOSE_REASONS, 'v.choice') });

export const MatchesQuery = z.object({
  limit: z.coerce.number('v.number').int().min(1).max(200).default(50),
});
