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
 * Index settings as data, applied idempotently at start. Typo tolerance follows the contract:
 * one typo in words of five letters or more, never two. Synonyms come from the taxonomy.
 */
export function meiliSettings(synonyms: SynonymTable): Settings {
  return {
    searchableAttributes: [
      'name',
      'trading_name',
      'capabilities',
      'products',
      'description_id',
      'description_en',
      'broader',
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
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'verified_rank:desc'],
    displayedAttributes: ['*'],
    stopWords: [],
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 255 },
      disableOnNumbers: true,
    },
    faceting: { maxValuesPerFacet: 1000, sortFacetValuesBy: { '*': 'count' } },
    // Totals must be exact (the API reports them; facets are compared with SQL), so no low cap.
    pagination: { maxTotalHits: 1_000_000 },
    synonyms: meiliSynonyms(synonyms),
  };
}

/** The settings whose current value differs from the desired one (arrays of attributes compare as sets). */
export function settingsDiff(current: Settings, desired: Settings): Settings {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(desired)) {
    if (!sameSetting(key, (current as Record<string, unknown>)[key], value)) out[key] = value;
  }
  return out as Settings;
}

const ORDERED = new Set(['searchableAttributes', 'rankingRules']);

function sameSetting(key: string, a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b) && !ORDERED.has(key))
    return JSON.stringify([...a].map(String).sort()) === JSON.stringify([...b].map(String).sort());
  return canonical(a) === canonical(b);
}

function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const entries = Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : 1));
  return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
}
