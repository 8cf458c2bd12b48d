import { formatDate, formatDateTime, formatIdrCompact, formatNumber } from '../i18n/format.js';
import type { Locale, T } from '../i18n/index.js';
import { LIST_FIELDS, normaliseChanges, type RawChange } from './normalise.js';

export { canonical, isNoOp, normaliseChanges } from './normalise.js';

/** What a reader sees of one change: labels and formatted values, never slugs or raw JSON. */
export interface AuditChangeLine {
  field: string;
  label: string;
  /** Null for an entry that recorded only the new value (a creation). */
  before: string | null;
  after: string;
}

/** What formatting needs: the reader's language, the zone of the office or event, and term labels. */
export interface AuditFormatContext {
  t: T;
  locale: Locale;
  tz: string;
  /** Taxonomy label of a slug; without it, slugs are shown as they are. */
  term?: (kind: TermKindName, slug: string) => string;
}

type TermKindName =
  | 'process'
  | 'material'
  | 'product'
  | 'equipment'
  | 'product_category'
  | 'sector'
  | 'certification'
  | 'kbli';

const MONEY = new Set(['valueIdr', 'targetPriceIdr', 'value_idr', 'realisedIdr', 'reportedIdr']);
const PERCENT = new Set(['minTkdn', 'tkdnPercent', 'tkdn_percent']);
/** Numbers read as identifiers or coordinates: never grouped or rounded. */
const PLAIN = new Set(['nib', 'yearFounded', 'lat', 'lon', 'deliveryLat', 'deliveryLon', 'version', 'year']);
const BYTES = new Set(['sizeBytes', 'size_bytes']);
const TERMS: Record<string, TermKindName> = {
  processes: 'process',
  materials: 'material',
  products: 'product',
  machines: 'equipment',
  productCategories: 'product_category',
  productCategory: 'product_category',
  sectors: 'sector',
  sector: 'sector',
  requiredCerts: 'certification',
  preferredCerts: 'certification',
  kbli: 'kbli',
};

/** Where the label of a coded value lives, by entity and field; `*` applies to every entity. */
const CODED: Record<string, string> = {
  'supplier.status': 'suppliers.status.',
  'need.status': 'needs.status.',
  'meeting_outcome.status': 'outcomes.status.',
  '*.attendance': 'outcomes.attendance.',
  '*.stage': 'impact.stage.',
  '*.visibility': 'needs.visibility.',
  '*.frequency': 'needs.frequency.',
};

/** The translated text of a key, or null when the catalog has none (the translator echoes unknown keys). */
function known(t: T, key: string): string | null {
  const s = t(key);
  return s === key ? null : s;
}

/** "legalName" / "legal_name" → "Legal name": the last resort for a field the catalog does not name. */
function humanise(field: string): string {
  const words = field
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_.]+/g, ' ')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The field's label in the reader's language. */
export function fieldLabel(t: T, field: string): string {
  return known(t, `audit.field.${field}`) ?? humanise(field);
}

/** An entity and action as words ("Profil IKM · diubah"), for the row the changes belong to. */
export function actionLabel(t: T, entity: string, action: string): string {
  const e = known(t, `audit.entity.${entity}`) ?? humanise(entity);
  const a = known(t, `audit.action.${action}`) ?? humanise(action);
  return `${e} · ${a}`;
}

function codedPrefix(entity: string, field: string): string | null {
  return CODED[`${entity}.${field}`] ?? CODED[`*.${field}`] ?? null;
}

/** One value as a reader reads it; `—` for nothing. */
export function formatValue(entity: string, field: string, v: unknown, ctx: AuditFormatContext): string {
  const { t, locale, tz } = ctx;
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return t(v ? 'audit.yes' : 'audit.no');
  if (Array.isArray(v)) {
    if (v.length === 0) return '—';
    const kind = TERMS[field];
    return v
      .map((x) =>
        kind && ctx.term && typeof x === 'string' ? ctx.term(kind, x) : formatValue(entity, field, x, ctx),
      )
      .join(', ');
  }
  if (v instanceof Date) return formatDateTime(v, tz, locale);
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${fieldLabel(t, k)}: ${formatValue(entity, k, x, ctx)}`)
      .join('; ');
  }
  const s = String(v);
  const numeric = /^-?\d{1,30}(\.\d{1,12})?$/.test(s);
  if (MONEY.has(field) && /^-?\d{1,30}$/.test(s)) return formatIdrCompact(BigInt(s), locale);
  if (PERCENT.has(field) && numeric) return `${formatNumber(Number(s), locale)}%`;
  if (BYTES.has(field) && numeric) return `${formatNumber(Number(s) / 1024, locale, 1)} KB`;
  if (numeric && !TERMS[field])
    return PLAIN.has(field) || /(Code|Id)$/.test(field) ? s : formatNumber(Number(s), locale);
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return formatDate(new Date(`${s}T12:00:00Z`), locale, tz);
  if (/^\d{4}-\d{2}-\d{2}T/.test(s) && s.length <= 40 && !Number.isNaN(Date.parse(s)))
    return formatDateTime(new Date(s), tz, locale);
  const prefix = codedPrefix(entity, field);
  if (prefix) return known(t, `${prefix}${s}`) ?? s;
  const kind = TERMS[field];
  if (kind && ctx.term && !LIST_FIELDS.has(field)) return ctx.term(kind, s);
  return s;
}

function line(entity: string, c: RawChange, ctx: AuditFormatContext): AuditChangeLine {
  return {
    field: c.field,
    label: fieldLabel(ctx.t, c.field),
    before: c.before === undefined ? null : formatValue(entity, c.field, c.before, ctx),
    after: formatValue(entity, c.field, c.after, ctx),
  };
}

/**
 * An audit entry's changes as "Label: before → after" lines in the reader's language, with
 * no-op changes left out (a re-saved form, null against "", a reordered list). A line whose
 * formatted values come out equal (two spellings of one instant) is also left out.
 */
export function formatAuditChanges(
  entity: string,
  changes: unknown,
  ctx: AuditFormatContext,
  action?: string,
): AuditChangeLine[] {
  return normaliseChanges(changes, action)
    .map((c) => line(entity, c, ctx))
    .filter((l) => l.before !== l.after);
}
