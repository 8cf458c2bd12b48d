import { z } from 'zod';
import { parseIdr } from '../i18n/format.js';
import { calendarDate } from '../text/calendar.js';

export const OUTCOME_STATUSES = ['deal', 'mou', 'follow_up', 'no_deal', 'pending'] as const;
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];

/** Why talks ended; a fixed list so reports can count reasons. */
export const NO_DEAL_REASONS = [
  'price',
  'capability',
  'capacity',
  'quality',
  'certification',
  'delivery',
  'distance',
  'no_need',
  'no_show',
  'other',
] as const;
export type NoDealReason = (typeof NO_DEAL_REASONS)[number];

/** Who came, in buyer/supplier terms (check-in records a/b; the view translates). */
export const ATTENDANCES = ['held', 'no_show_buyer', 'no_show_supplier', 'no_show_both'] as const;
export type OutcomeAttendance = (typeof ATTENDANCES)[number];

export const SIDES = ['buyer', 'supplier', 'official'] as const;
export type Side = (typeof SIDES)[number];

export const SURVEYS = ['3m', '6m'] as const;
export type SurveyWave = (typeof SURVEYS)[number];

/** One report as the service takes it, whatever channel it came through. */
export interface OutcomeInput {
  attendance: OutcomeAttendance | null;
  status: OutcomeStatus;
  valueIdr: bigint | null;
  products: string | null;
  volume: string | null;
  nextSteps: string | null;
  notes: string | null;
  followUpOn: string | null;
  noDealReason: NoDealReason | null;
  shareNames: boolean;
}

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const text = (max: number) => z.preprocess(blank, z.string().trim().max(max).optional());
const isoDate = calendarDate();

/** Amounts as people type them ("1.250.000.000", "1,25 M", "750 rb"), via parseIdr. */
const IdrText = z.string().transform((s, ctx) => {
  const r = parseIdr(s);
  if (r.ok) return r.value;
  ctx.addIssue({ code: 'custom', message: `v.outcomes.idr_${r.error}` });
  return z.NEVER;
});

/** The API takes a JSON number (whole, non-negative, exact) or the same text the form takes. */
const IdrJson = z.unknown().transform((v, ctx): bigint | null => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') {
    const r = parseIdr(v);
    if (r.ok) return r.value;
    ctx.addIssue({ code: 'custom', message: `v.outcomes.idr_${r.error}` });
    return z.NEVER;
  }
  if (typeof v === 'number' && Number.isSafeInteger(v)) {
    if (v >= 0) return BigInt(v);
    ctx.addIssue({ code: 'custom', message: 'v.outcomes.idr_negative' });
    return z.NEVER;
  }
  ctx.addIssue({ code: 'custom', message: typeof v === 'number' ? 'v.outcomes.idr_fraction' : 'v.invalid' });
  return z.NEVER;
});

/**
 * Rules that involve two fields: a follow-up needs its date, a no-deal its reason, and a no-show
 * cannot have produced a deal or an MoU. Fields that do not apply are dropped, not rejected.
 */
function crossCheck(d: OutcomeInput, ctx: z.RefinementCtx, names: { followUp: string; reason: string }) {
  if (d.status === 'follow_up' && !d.followUpOn)
    ctx.addIssue({ code: 'custom', path: [names.followUp], message: 'v.outcomes.follow_up_required' });
  if (d.status === 'no_deal' && !d.noDealReason)
    ctx.addIssue({ code: 'custom', path: [names.reason], message: 'v.outcomes.reason_required' });
  if ((d.status === 'deal' || d.status === 'mou') && d.attendance?.startsWith('no_show'))
    ctx.addIssue({ code: 'custom', path: ['attendance'], message: 'v.outcomes.no_show_deal' });
}

function normalize(d: OutcomeInput): OutcomeInput {
  return {
    ...d,
    followUpOn: d.status === 'follow_up' ? d.followUpOn : null,
    noDealReason: d.status === 'no_deal' ? d.noDealReason : null,
  };
}

/** The outcome form (urlencoded or multipart); the MoU file is read separately. */
export const OutcomeForm = z
  .object({
    attendance: z.preprocess(blank, z.enum(ATTENDANCES).optional()),
    status: z.enum(OUTCOME_STATUSES),
    value_idr: z.preprocess(blank, IdrText.optional()),
    products: text(500),
    volume: text(200),
    next_steps: text(1000),
    notes: text(2000),
    follow_up_on: z.preprocess(blank, isoDate.optional()),
    no_deal_reason: z.preprocess(blank, z.enum(NO_DEAL_REASONS).optional()),
    share_names: z.preprocess(blank, z.literal('1').optional()),
    survey: z.preprocess(blank, z.enum(SURVEYS).optional()).catch(undefined),
  })
  .transform((f): OutcomeInput & { survey: SurveyWave | null } => ({
    attendance: f.attendance ?? null,
    status: f.status,
    valueIdr: f.value_idr ?? null,
    products: f.products ?? null,
    volume: f.volume ?? null,
    nextSteps: f.next_steps ?? null,
    notes: f.notes ?? null,
    followUpOn: f.follow_up_on ?? null,
    noDealReason: f.no_deal_reason ?? null,
    shareNames: f.share_names === '1',
    survey: f.survey ?? null,
  }))
  .superRefine((d, ctx) => crossCheck(d, ctx, { followUp: 'follow_up_on', reason: 'no_deal_reason' }))
  .transform((d) => ({ ...normalize(d), survey: d.survey }));

const nullableText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);

/** `PUT /api/v1/meetings/:id/outcome`: the whole record (a new version), snake_case. */
export const OutcomeBody = z
  .object({
    status: z.enum(OUTCOME_STATUSES),
    value_idr: IdrJson.optional(),
    products: nullableText(500),
    volume: nullableText(200),
    next_steps: nullableText(1000),
    notes: nullableText(2000),
    follow_up_on: isoDate.nullish(),
    no_deal_reason: z.enum(NO_DEAL_REASONS).nullish(),
    attendance: z.enum(ATTENDANCES).nullish(),
    share_names: z.boolean().optional(),
  })
  .strict()
  .transform(
    (b): OutcomeInput => ({
      attendance: b.attendance ?? null,
      status: b.status,
      valueIdr: b.value_idr ?? null,
      products: b.products,
      volume: b.volume,
      nextSteps: b.next_steps,
      notes: b.notes,
      followUpOn: b.follow_up_on ?? null,
      noDealReason: b.no_deal_reason ?? null,
      shareNames: b.share_names ?? false,
    }),
  )
  .superRefine((d, ctx) => crossCheck(d, ctx, { followUp: 'follow_up_on', reason: 'no_deal_reason' }))
  .transform(normalize);

/** Which side report a facilitator adopts as the official record. */
export const ReconcileForm = z.object({ from: z.enum(['buyer', 'supplier']) });

/** `/outcomes` list filters. */
export const OutcomeListQuery = z.object({
  event: z.preprocess(blank, z.uuid().optional()).catch(undefined),
  survey: z.preprocess(blank, z.enum(SURVEYS).optional()).catch(undefined),
  queue: z.preprocess(blank, z.literal('1').optional()).catch(undefined),
});

const pageNumber = z.coerce.number().int().min(1).max(10_000);

/** `?page=` of the outcome page's history; a bad value shows the first page. */
export const HistoryPageQuery = z.object({ page: pageNumber.catch(1) });

/** `?page=&per_page=` of the API's history; everything under the cap fits on one page by default. */
export const HistoryApiQuery = z.object({
  page: pageNumber.default(1),
  per_page: z.coerce.number().int().min(1).max(50).default(50),
});
