import { z } from 'zod';
import { LEGAL_BASES } from '../privacy/notice.js';
import { STATUSES } from '../suppliers/schema.js';
import { IMPORT_FIELDS, type Mapping } from './fields.js';
import { columnKey } from './mapping.js';

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

/** `GET /imports/export.{csv,xlsx}`: every filter optional; places by name or code. */
export const ExportQuery = z.object({
  q: optional(200),
  province: optional(100),
  regency: optional(100),
  status: z
    .enum(STATUSES)
    .or(z.literal(''))
    .optional()
    .transform((v) => (v ? v : undefined)),
  binaan: z
    .enum(['mine', 'all'])
    .or(z.literal(''))
    .optional()
    .transform((v) => (v === 'mine' ? 'mine' : undefined)),
});

export const OUTCOMES = ['created', 'updated', 'unchanged', 'rejected'] as const;

/** The result page's table of rows: filtered by outcome, paged. */
export const OutcomeQuery = z.object({
  outcome: z
    .enum(OUTCOMES)
    .or(z.literal(''))
    .optional()
    .transform((v) => (v ? v : undefined)),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export const ClaimForm = z.object({ supplier_id: z.uuid() });

/** The commit form: the legal basis the office processes this list under (kept when absent, e.g. a retry). */
export const CommitForm = z.object({ legal_basis: z.enum(LEGAL_BASES, 'v.invalid').optional() });

/** Claiming a profile requires consenting to the privacy notice. */
export const ClaimAcceptForm = z.object({ consent: z.literal('on', 'v.consent_required') });

const FieldChoice = z.enum([...IMPORT_FIELDS, 'ignore']).default('ignore');

/** The mapping form has one select per column of this import (`col_0`, `col_1`, ...). */
export function mappingForm(columns: number) {
  const shape: Record<string, typeof FieldChoice> = {};
  for (let i = 0; i < columns; i++) shape[columnKey(i)] = FieldChoice;
  return z.object(shape).transform((form): Mapping => {
    const out: Mapping = [];
    for (let i = 0; i < columns; i++) {
      const f = form[columnKey(i)];
      out.push(f && f !== 'ignore' ? f : null);
    }
    return out;
  });
}

/** `POST /api/v1/imports` (multipart): the file, an optional `{"Header":"field"}` JSON mapping, `commit=true`. */
export const ApiUploadFields = z.object({
  mapping: z.string().max(100_000).optional(),
  commit: z
    .enum(['true', 'false', '1', '0', ''])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
});
