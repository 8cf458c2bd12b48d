import { LoadCache, perHandle } from '../cache.js';
import type { Sql } from '../db/client.js';
import { loadTaxonomy, type Taxonomy } from './service.js';

/**
 * How long another instance may serve a taxonomy an admin has since edited. This instance drops
 * its copy at once (`forgetTaxonomy` after the edit commits); the age limit is the safety net for
 * the others, and a few seconds of stale labels or synonyms harm nothing.
 */
export const TAXONOMY_TTL_MS = 10_000;

const taxonomies = perHandle<Sql, LoadCache<'active', Taxonomy>>(
  () => new LoadCache({ max: 1, ttlMs: TAXONOMY_TTL_MS }),
);

/**
 * The active taxonomy of a database, the one cached copy every reader shares (search validation,
 * directory labels, matching's vocabulary). Pass the pool, never a transaction: a transaction
 * that must see its own writes calls `loadTaxonomy` directly.
 */
export function cachedTaxonomy(sql: Sql): Promise<Taxonomy> {
  return taxonomies(sql).get('active', () => loadTaxonomy(sql));
}

/** Drops this process's copy after an admin edit, so the next reader loads the edit. */
export function forgetTaxonomy(sql: Sql): void {
  taxonomies(sql).delete('active');
}
