import { Cache, LoadCache, perHandle } from '../cache.js';
import type { Sql } from '../db/client.js';
import { type EstateOption, listEstateOptions, regionNames } from './repo.js';

/**
 * Reference data the directory page shows on every search: the estate picker and region names.
 * Estates change only by admin edit (the admin service calls `forgetEstateOptions`; other
 * instances follow within ESTATES_TTL_MS). Regions are loaded reference data that never change
 * while the app runs; the hour's limit only bounds how long a reload elsewhere goes unseen.
 */
export const ESTATES_TTL_MS = 10_000;
const REGIONS_TTL_MS = 60 * 60_000;

const estates = perHandle<Sql, LoadCache<'all', EstateOption[]>>(
  () => new LoadCache({ max: 1, ttlMs: ESTATES_TTL_MS }),
);
const regions = perHandle<Sql, Cache<string, string>>(() => new Cache({ max: 2_000, ttlMs: REGIONS_TTL_MS }));

/** Estates for the search page's picker, read at most every ESTATES_TTL_MS. */
export function cachedEstateOptions(sql: Sql): Promise<EstateOption[]> {
  return estates(sql).get('all', () => listEstateOptions(sql));
}

/** Drops this process's estate list after an admin edit. */
export function forgetEstateOptions(sql: Sql): void {
  estates(sql).delete('all');
}

/** Names of province and regency codes; only codes not seen recently are read (in one query). */
export async function cachedRegionNames(sql: Sql, codes: readonly string[]): Promise<Map<string, string>> {
  const known = regions(sql);
  const out = new Map<string, string>();
  const missing: string[] = [];
  for (const code of codes) {
    const name = known.get(code);
    if (name === undefined) missing.push(code);
    else out.set(code, name);
  }
  for (const [code, name] of await regionNames(sql, missing)) {
    known.set(code, name);
    out.set(code, name);
  }
  return out;
}
