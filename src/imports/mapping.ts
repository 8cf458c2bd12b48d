import type { FieldErrors } from '../errors.js';
import { type ImportField, isImportField, type Mapping } from './fields.js';
import { normalizeHeader } from './headers.js';

/** Form and API input names one select per column: `col_0`, `col_1`, ... */
export const columnKey = (i: number) => `col_${i}`;

/** A stored mapping (jsonb) as a Mapping for these headers; anything malformed counts as "none". */
export function storedMapping(raw: unknown, headers: readonly string[]): Mapping | null {
  if (!Array.isArray(raw) || raw.length !== headers.length) return null;
  return raw.map((f) => (isImportField(f) ? f : null));
}

/**
 * The rules a mapping must follow before a preview means anything: a name column, no field
 * taken twice, latitude with longitude, and either one coordinates column or the pair.
 * Errors are keyed by column (`col_3`) or `_` for the mapping as a whole.
 */
export function validateMapping(mapping: Mapping): FieldErrors {
  const errors: FieldErrors = {};
  const seen = new Map<ImportField, number>();
  mapping.forEach((f, i) => {
    if (!f) return;
    if (seen.has(f)) errors[columnKey(i)] = 'imports.mapping.duplicate';
    else seen.set(f, i);
  });
  if (!seen.has('legal_name')) errors._ = 'imports.mapping.name_required';
  else if (seen.has('lat') !== seen.has('lon')) errors._ = 'imports.mapping.lat_lon';
  else if (seen.has('coordinates') && seen.has('lat')) errors._ = 'imports.mapping.coordinates_twice';
  return errors;
}

/**
 * The API's `{"Header": "field"}` object as a Mapping. Headers are matched exactly, then
 * case- and punctuation-insensitively; columns it does not mention are ignored.
 */
export function mappingFromObject(
  obj: Record<string, unknown>,
  headers: readonly string[],
): { mapping: Mapping; errors: FieldErrors } {
  const mapping: Mapping = headers.map(() => null);
  const errors: FieldErrors = {};
  for (const [header, field] of Object.entries(obj)) {
    let i = headers.indexOf(header);
    if (i < 0) i = headers.findIndex((h) => normalizeHeader(h) === normalizeHeader(header));
    if (i < 0) {
      errors[`mapping.${header}`] = 'imports.mapping.unknown_header';
      continue;
    }
    if (field === null || field === 'ignore' || field === '') continue;
    if (!isImportField(field)) errors[`mapping.${header}`] = 'imports.mapping.unknown_field';
    else mapping[i] = field;
  }
  return { mapping, errors };
}
