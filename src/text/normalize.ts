/**
 * The one text normalisation for everything that enters Pasok (forms, JSON, query strings,
 * spreadsheet cells, file names): PostgreSQL refuses NUL in text and lone UTF-16 surrogates
 * in jsonb, so both are removed here once, at the edge, instead of failing deep inside a query.
 */
export function normalizeText(value: string): string {
  // Fast path: most input is clean, and both checks are linear scans.
  const clean = value.indexOf('\u0000') === -1 ? value : value.replaceAll('\u0000', '');
  return clean.isWellFormed() ? clean : clean.toWellFormed();
}

/** Normalises every string inside a parsed JSON value (keys included), leaving other types as they are. */
export function normalizeDeep(value: unknown): unknown {
  if (typeof value === 'string') return normalizeText(value);
  if (Array.isArray(value)) return value.map(normalizeDeep);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[normalizeText(k)] = normalizeDeep(v);
    return out;
  }
  return value;
}
