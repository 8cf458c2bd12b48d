import type { Settings } from 'meilisearch';
import { MAX_TKDN_CERTS } from './documents.js';
import { meiliSynonyms, type SynonymTable } from './synonyms.js';

/** The live index; `search:reindex` builds a sibling and swaps it in under this name. */
export const INDEX_UID = 'suppliers';

const TKDN_FIELDS = Array.from({ length: MAX_TKDN_CERTS }, (_, i) => [
  `tkdn_${i}_pct`,
  `tkdn_${i}_until`,
]).flat();

/**
 * Index settings as data, applied idempotently at start. Typo tolerance is Meilisearch's default
 * and the PostgreSQL engine's (search/typo.ts): one typo from five letters, two from nine.
 * Synonyms come from the taxonomy.
 */
export function meiliSettings(synonyms: SynonymTable): Settings {
  return {
    // Order ranks (the `attribute` rule): a listed capability first, a broader term above one
    // (a narrower capability) next, then free text, as the PostgreSQL engine ranks.
    searchableAttributes: [
      'capabilities',
      'broader',
      'products',
      'name',
      'trading_name',
      'description_id',
      'description_en',
    ],
    filterableAttributes: [
      'status',
      'verified',
      'processes',
      'materials',
      'product_categories',
      'sectors',
      'province_code',
      'regency_code',
      'cert_types',
      'cert_until',
      'employees',
      '_geo',
      ...TKDN_FIELDS,
    ],
    sortableAttributes: ['id', 'name_sort', 'tkdn_max', 'updated_at', 'verified_rank', '_geo'],
    // `attribute` before `typo`: a misspelt capability outranks a correctly spelt word in a name.
    // (Meilisearch 1.36 splits it into attributeRank and wordPosition; 1.18 still takes `attribute`.)
    rankingRules: ['words', 'attribute', 'typo', 'proximity', 'sort', 'exactness', 'verified_rank:desc'],
    displayedAttributes: ['*'],
    stopWords: [],
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
      disableOnNumbers: true,
    },
    faceting: { maxValuesPerFacet: 1000, sortFacetValuesBy: { '*': 'count' } },
    // Totals must be exact (the API reports them; facets are compared with SQL), so no low cap.
    pagination: { maxTotalHits: 1_000_000 },
    synonyms: meiliSynonyms(synonyms),
  };
}

/**
 * The settings whose current value differs from the desired one. Only the keys we set are
 * compared, at every depth: a real server answers with more (typoTolerance.disableOnWords,
 * faceting defaults, new settings of newer versions), and those must not count as a difference.
 * Attribute lists compare as sets, except where order ranks (searchableAttributes, rankingRules).
 */
export function settingsDiff(current: Settings, desired: Settings): Settings {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(desired)) {
    if (!covers(key, (current as Record<string, unknown>)[key], value)) out[key] = value;
  }
  return out as Settings;
}

const ORDERED = new Set(['searchableAttributes', 'rankingRules']);

/** True when `actual` holds everything `wanted` says (extra object keys in `actual` are ignored). */
function covers(key: string, actual: unknown, wanted: unknown): boolean {
  if (Array.isArray(wanted)) {
    if (!Array.isArray(actual) || actual.length !== wanted.length) return false;
    const [a, w] = ORDERED.has(key) ? [actual, wanted] : [sortedCopy(actual), sortedCopy(wanted)];
    return w.every((x, i) => covers(key, a[i], x));
  }
  if (wanted !== null && typeof wanted === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    return Object.entries(wanted as Record<string, unknown>).every(([k, v]) =>
      covers(k, (actual as Record<string, unknown>)[k], v),
    );
  }
  return (actual ?? null) === (wanted ?? null);
}

function sortedCopy(xs: unknown[]): unknown[] {
  return xs.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).sort();
}
