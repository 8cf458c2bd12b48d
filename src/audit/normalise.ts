/**
 * Audit entries were written in a few shapes over time: `{ field: [before, after] }` diffs,
 * `{ before: {...}, after: {...} }` snapshots, plain `{ field: value }` records of a creation, and
 * outcome entries that nest their diff under `fields`. This module turns any of them into one
 * list of changes and drops the ones that change nothing.
 */

/** One field's change; `before` is `undefined` when the entry recorded only a value (a creation). */
export interface RawChange {
  field: string;
  before?: unknown;
  after: unknown;
}

/** Fields whose value is itself a list, so a two-element list is a value, not a [before, after] pair. */
export const LIST_FIELDS: ReadonlySet<string> = new Set([
  'processes',
  'materials',
  'sectors',
  'productCategories',
  'products',
  'machines',
  'requiredCerts',
  'preferredCerts',
  'obstacles',
  'help',
  'helpWanted',
  'kbli',
]);

/** Context fields an outcome entry carries next to its diff: shown elsewhere on the row, not as changes. */
const CONTEXT_FIELDS = new Set(['version', 'side', 'channel', 'basedOn', 'seed', 'wave']);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/**
 * A two-element array is a [before, after] pair, except a list field's value in a creation entry
 * (`processes: ['turning', 'milling']`). A list field whose pair holds a list or null is a pair
 * even there; a field that is text for one entity and a list for another is a pair on update.
 */
function isPair(field: string, v: unknown, creation: boolean): v is [unknown, unknown] {
  if (!Array.isArray(v) || v.length !== 2) return false;
  if (!LIST_FIELDS.has(field) || !creation) return true;
  return v.some((x) => x === null || Array.isArray(x));
}

/**
 * A canonical form for comparison: null, undefined and blank text are all "nothing"; lists
 * compare as sets in any order; numbers and numeric text compare by value ("12.50" = 12.5, as
 * numeric columns come back as text); dates by instant; objects with their keys sorted.
 */
export function canonical(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') {
    const s = v.trim();
    if (s === '') return null;
    if (/^-?\d{1,30}(\.\d{1,12})?$/.test(s)) return Number(s);
    if (/^\d{4}-\d{2}-\d{2}T/.test(s) && s.length <= 40) {
      const ms = Date.parse(s);
      if (!Number.isNaN(ms)) return `@${ms}`;
    }
    return s;
  }
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return `@${v.getTime()}`;
  if (Array.isArray(v)) {
    if (v.length === 0) return null;
    return v.map((x) => JSON.stringify(canonical(x))).sort();
  }
  if (isRecord(v)) {
    const keys = Object.keys(v).sort();
    return keys.length === 0 ? null : keys.map((k) => [k, canonical(v[k])]);
  }
  return v;
}

/** True when before and after are the same once normalised (see `canonical`). */
export function isNoOp(before: unknown, after: unknown): boolean {
  return JSON.stringify(canonical(before)) === JSON.stringify(canonical(after));
}

/**
 * Every change an entry records, in its own field order, without the no-ops. `action` tells a
 * creation (whose list values are not pairs) from an update.
 */
export function normaliseChanges(changes: unknown, action = 'update'): RawChange[] {
  const creation = action === 'create' || action === 'upload' || action === 'import';
  if (!isRecord(changes)) return [];
  const out: RawChange[] = [];
  if ('before' in changes && 'after' in changes && (isRecord(changes.after) || isRecord(changes.before))) {
    const b = isRecord(changes.before) ? changes.before : {};
    const a = isRecord(changes.after) ? changes.after : {};
    const fresh = !isRecord(changes.before);
    for (const field of new Set([...Object.keys(b), ...Object.keys(a)])) {
      if (fresh) out.push({ field, after: a[field] });
      else out.push({ field, before: b[field], after: a[field] });
    }
  } else {
    for (const [field, v] of Object.entries(changes)) {
      if (CONTEXT_FIELDS.has(field)) continue;
      if (field === 'fields' && isRecord(v)) {
        out.push(...normaliseChanges(v));
        continue;
      }
      if (isPair(field, v, creation)) out.push({ field, before: v[0], after: v[1] });
      else out.push({ field, after: v });
    }
  }
  return out.filter((c) =>
    c.before === undefined ? canonical(c.after) !== null : !isNoOp(c.before, c.after),
  );
}
