import { z } from 'zod';
import { calendarDate } from '../text/calendar.js';
import { idr } from './schema.js';

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const requiredIdr = idr.refine((v) => v !== null && v > 0n, 'v.rfq.price_required');

/**
 * A supplier's quote (form and API): unit price in rupiah (plain digits or "Rp 1,2 juta"), minimum
 * order, lead time in days, the last day the price holds, notes. `supplier_id` only when the
 * viewer quotes for one of several supplier organisations.
 */
export const QuoteInput = z.object({
  supplier_id: z.preprocess((v) => (blank(v) ? undefined : v), z.uuid('v.choice').optional()),
  unit_price_idr: z.preprocess((v) => (blank(v) ? null : v), requiredIdr),
  min_order: z.preprocess(
    (v) => (typeof v === 'string' ? v.replace(',', '.') : v),
    z.coerce.number('v.number').gt(0, 'v.rfq.positive').max(1e12),
  ),
  lead_time_days: z.coerce.number('v.number').int('v.integer').min(1).max(730),
  valid_until: calendarDate(),
  notes: z
    .string()
    .trim()
    .max(2000)
    .nullish()
    .transform((v) => (v ? v : null)),
});
export type QuoteInput = z.infer<typeof QuoteInput>;

/** The award: which quote, and optionally the contract value when it is not unit price × quantity. */
export const AwardInput = z.object({
  quote_id: z.uuid('v.choice'),
  value_idr: z.preprocess((v) => (blank(v) ? null : v), idr),
});
export type AwardInput = z.infer<typeof AwardInput>;

/** The file id in an RFQ file path. */
export const FileParam = z.uuid();
