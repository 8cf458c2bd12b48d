import {
  type Meilisearch,
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  type MultiSearchQuery,
} from 'meilisearch';
import type { Sql } from '../src/db/client.js';
import type { Logger } from '../src/logger.js';
import { listTerms } from '../src/taxonomy/repo.js';
import { isBusinessWord, notPremises } from './business-words.js';
import { documentToHit, type MeiliDocument } from './documents.js';
import {
  emptyFacets,
  type FacetName,
  type RelaxParam,
  type SearchEngine,
  type SearchResult,
  type SearchStatus,
  type Suggestion,
  type SupplierQuery,
} from './engine.js';
import { buildFilter, buildSort, certificationFilter } from './meili-filter.js';
import { taxonomyVersion } from './pg-repo.js';
import { INDEX_UID, meiliSettings, settingsDiff } from './settings.js';
import { spellingSuggestion } from './suggest.js';
import { buildSynonymTable, matchPhrases, type SynonymTable, tokenize } from './synonyms.js';

const FACET_ATTRIBUTES: Record<Exclude<FacetName, 'certifications'>, string> = {
  processes: 'processes',
  materials: 'materials',
  sectors: 'sectors',
  product_categories: 'product_categories',
  province: 'province_code',
  regency: 'regency_code',
  verified: 'verified',
};

/** The oldest Meilisearch this code speaks to: `swapIndexes({rename})` needs 1.18 (disableOnNumbers 1.15). */
export const MIN_MEILI_VERSION = [1, 18] as const;

/** The configured Meilisearch is too old for the settings and calls we send; search stays on PostgreSQL. */
export class UnsupportedMeiliError extends Error {}

/**
 * Reads `/version` and refuses a server older than MIN_MEILI_VERSION with one clear message,
 * instead of letting settings fail obscurely at boot and leaving search degraded for good.
 */
export async function assertSupportedVersion(client: Meilisearch): Promise<string> {
  const { pkgVersion } = await client.getVersion();
  if (!isSupportedVersion(pkgVersion))
    throw new UnsupportedMeiliError(
      `Meilisearch ${pkgVersion} is not supported: Pasok needs ${MIN_MEILI_VERSION.join('.')} or newer`,
    );
  return pkgVersion;
}

/** `1.18.0`, `v1.20.1-rc.0`, … compared on major and minor. */
export function isSupportedVersion(version: string): boolean {
  const m = /^v?(\d+)\.(\d+)/.exec(version);
  if (!m) return false;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  return major > MIN_MEILI_VERSION[0] || (major === MIN_MEILI_VERSION[0] && minor >= MIN_MEILI_VERSION[1]);
}

/** True for failures that mean "Meilisearch is not there" rather than "we asked wrongly". */
export function isUnreachable(err: unknown): boolean {
  if (err instanceof MeilisearchRequestError || err instanceof MeilisearchRequestTimeOutError) return true;
  return err instanceof MeilisearchApiError && err.response.status >= 500;
}

interface Taxonomy {
  table: SynonymTable;
  certificationTypes: string[];
}

/**
 * Meilisearch behind the search port. Disjunctive facets take one multi-search: the main query,
 * one count query per filtered facet, and one per certificate type (validity is a date filter,
 * judged against today, so it cannot be a precomputed facet value).
 */
export class MeiliEngine implements SearchEngine {
  readonly name = 'meilisearch' as const;
  private settingsApplied: Promise<void> | null = null;
  private taxonomy: Taxonomy | null = null;
  private taxonomyVersion: string | null = null;
  private versionCheckedAt = 0;
  /** Set once the server was found too old: not asked again, reported once. */
  private unsupported: UnsupportedMeiliError | null = null;

  constructor(
    readonly client: Meilisearch,
    private readonly sql: Sql,
    private readonly opts: { indexUid?: string; logger?: Logger } = {},
  ) {}

  get indexUid(): string {
    return this.opts.indexUid ?? INDEX_UID;
  }

  /** Creates the index if needed and applies the settings that differ; once per process, again after a failure. */
  ensureSettings(): Promise<void> {
    if (this.unsupported) return Promise.reject(this.unsupported);
    this.settingsApplied ??= (async () => {
      try {
        await assertSupportedVersion(this.client);
      } catch (err) {
        if (err instanceof UnsupportedMeiliError) this.unsupported = err;
        throw err;
      }
      const tax = await this.loadTaxonomy();
      await applySettings(this.client, this.indexUid, meiliSettings(tax.table));
    })().catch((err: unknown) => {
      this.settingsApplied = null;
      throw err;
    });
    return this.settingsApplied;
  }

  private async loadTaxonomy(): Promise<Taxonomy> {
    if (this.taxonomy) return this.taxonomy;
    this.taxonomyVersion = await taxonomyVersion(this.sql);
    const terms = await listTerms(this.sql, { activeOnly: true });
    this.taxonomy = {
      table: buildSynonymTable(terms),
      certificationTypes: terms.filter((t) => t.kind === 'certification').map((t) => t.slug),
    };
    return this.taxonomy;
  }

  status(): SearchStatus {
    return { engine: 'meilisearch', degraded: false };
  }

  /** An admin edited labels or synonyms: re-read the taxonomy and send the new synonyms (checked twice a minute). */
  private async followTaxonomy(): Promise<void> {
    if (Date.now() - this.versionCheckedAt < 30_000) return;
    this.versionCheckedAt = Date.now();
    if (this.taxonomyVersion === null || (await taxonomyVersion(this.sql)) === this.taxonomyVersion) return;
    this.taxonomy = null;
    this.settingsApplied = null;
    void this.ensureSettings().catch((err: unknown) =>
      this.opts.logger?.warn({ err }, 'could not update Meilisearch synonyms'),
    );
  }

  async search(q: SupplierQuery): Promise<SearchResult> {
    await this.ensureSettings();
    await this.followTaxonomy();
    const tax = await this.loadTaxonomy();
    // 'last': full matches first, then documents missing the trailing words; business words
    // are moved to the end, so they are the first dropped and can only boost (see analyze.ts).
    const base = {
      indexUid: this.indexUid,
      q: meiliQuery(q.q, tax.table),
      matchingStrategy: 'last' as const,
    };
    const filtered = (Object.keys(FACET_ATTRIBUTES) as (keyof typeof FACET_ATTRIBUTES)[]).filter(
      (f) => q.filters[f].length > 0,
    );
    // `page: 0` asks for no documents but exact totals and facet counts.
    const queries: MultiSearchQuery[] = [
      {
        ...base,
        filter: buildFilter(q),
        facets: Object.entries(FACET_ATTRIBUTES)
          .filter(([f]) => !filtered.includes(f as keyof typeof FACET_ATTRIBUTES))
          .map(([, a]) => a),
        page: q.page,
        hitsPerPage: q.perPage,
        sort: buildSort(q),
      },
      ...filtered.map((f) => ({
        ...base,
        filter: buildFilter(q, f),
        facets: [FACET_ATTRIBUTES[f]],
        page: 0,
      })),
      ...tax.certificationTypes.map((t) => ({
        ...base,
        filter: `${buildFilter(q, 'certifications')} AND ${certificationFilter([t], q.today)}`,
        page: 0,
      })),
    ];
    const { results } = await this.client.multiSearch<{ queries: MultiSearchQuery[] }, MeiliDocument>({
      queries,
    });
    const [main, ...rest] = results;
    const facets = emptyFacets();
    const distribution = { ...(main?.facetDistribution ?? {}) };
    for (let i = 0; i < filtered.length; i++) Object.assign(distribution, rest[i]?.facetDistribution ?? {});
    for (const [facet, attribute] of Object.entries(FACET_ATTRIBUTES))
      facets[facet as FacetName] = { ...(distribution[attribute] ?? {}) };
    tax.certificationTypes.forEach((t, i) => {
      const n = rest[filtered.length + i]?.totalHits ?? 0;
      if (n > 0) facets.certifications[t] = n;
    });
    for (const f of Object.keys(facets) as FacetName[])
      for (const value of q.filters[f]) facets[f][String(value)] ??= 0;
    const total = main?.totalHits ?? 0;
    return {
      engine: 'meilisearch',
      total,
      page: q.page,
      perPage: q.perPage,
      hits: (main?.hits ?? []).map((h) => documentToHit(h, q.today, q.point)),
      facets,
      highlight: highlightTerms(q.q, tax.table),
      suggestions: total === 0 ? await this.suggestions(q) : [],
    };
  }

  private async suggestions(q: SupplierQuery): Promise<Suggestion[]> {
    const params: Exclude<RelaxParam, never>[] = [
      ...(Object.keys(q.filters) as FacetName[]).filter((f) => q.filters[f].length > 0),
      ...(q.q.trim() ? (['q'] as const) : []),
      ...(q.tkdnMin !== null ? (['tkdn_min'] as const) : []),
      ...(q.employeesMin !== null || q.employeesMax !== null ? (['employees'] as const) : []),
      ...(q.radiusKm !== null && q.point ? (['radius_km'] as const) : []),
    ];
    const relax: Suggestion[] = [];
    if (params.length) {
      const { results } = await this.client.multiSearch({
        queries: params.map((p) => ({
          indexUid: this.indexUid,
          q: p === 'q' ? '' : q.q,
          filter: buildFilter(q, p),
          page: 0,
        })),
      });
      params.forEach((p, i) => {
        const total = results[i]?.totalHits ?? 0;
        if (total > 0) relax.push({ kind: 'relax', param: p, value: null, total });
      });
      relax.sort((a, b) => (b.kind === 'relax' ? b.total : 0) - (a.kind === 'relax' ? a.total : 0));
    }
    const spelling = q.q.trim() ? await spellingSuggestion(this.sql, q.q) : null;
    return [...(spelling ? [spelling] : []), ...relax];
  }
}

/**
 * The query as sent to Meilisearch: taxonomy phrases and other capability words in the order
 * typed, then business words ("bengkel", "CV"). Phrases stay whole, so synonyms still apply.
 */
export function meiliQuery(q: string, table: SynonymTable): string {
  const matches = matchPhrases(tokenize(q), table, notPremises(table));
  const business = (m: (typeof matches)[number]) => m.terms.length === 0 && isBusinessWord(m.phrase);
  return [...matches.filter((m) => !business(m)), ...matches.filter(business)].map((m) => m.phrase).join(' ');
}

/** Query words plus the taxonomy synonyms of the phrases they form (what Meilisearch matched). */
function highlightTerms(q: string, table: SynonymTable): string[] {
  const out = new Set<string>();
  for (const m of matchPhrases(tokenize(q), table)) {
    out.add(m.phrase);
    for (const key of m.terms) for (const p of table.termPhrases.get(key) ?? []) out.add(p);
  }
  return [...out];
}

/** Creates the index if missing and sends only the settings that differ from the desired ones. */
export async function applySettings(
  client: Meilisearch,
  uid: string,
  desired: ReturnType<typeof meiliSettings>,
): Promise<void> {
  try {
    await client.getRawIndex(uid);
  } catch (err) {
    if (!(err instanceof MeilisearchApiError) || err.response.status !== 404) throw err;
    const task = await client.createIndex(uid, { primaryKey: 'id' }).waitTask({ timeout: 30_000 });
    if (task.status !== 'succeeded' && task.error?.code !== 'index_already_exists')
      throw new Error(`creating index ${uid} failed: ${task.error?.message ?? task.status}`);
  }
  const index = client.index(uid);
  const diff = settingsDiff(await index.getSettings(), desired);
  if (Object.keys(diff).length === 0) return;
  const task = await index.updateSettings(diff).waitTask({ timeout: 120_000 });
  if (task.status !== 'succeeded')
    throw new Error(`settings for ${uid} failed: ${task.error?.message ?? task.status}`);
}
