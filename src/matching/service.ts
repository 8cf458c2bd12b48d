import type { SearchEngine } from '../../search/engine.js';
import { PostgresEngine } from '../../search/postgres.js';
import type { Sql } from '../db/client.js';
import { loadTrackRecordScores } from '../outcomes/track-record.js';
import { currentIndex } from './candidate-index.js';
import { loadCards, loadFacts, type SupplierCard } from './candidate-repo.js';
import { type Coverage, coverageOf } from './coverage.js';
import { distanceOrNull, topSlots } from './rank.js';
import { assess, compileNeed, HIDDEN } from './scorer.js';
import { crossingOf } from './soft-score.js';
import { textProbes, textRelevance } from './text-relevance.js';
import type { CompiledNeed } from './types.js';
import { type Criterion, EXCLUDED, IRRELEVANT, type NeedCriteria, type SupplierStatus } from './types.js';
import { loadVocabulary } from './vocabulary.js';

export interface MatchDeps {
  sql: Sql;
  /** The app's search engine; without one, a SQL-only PostgreSQL engine (background jobs). */
  search?: SearchEngine | undefined;
}

/** What matching needs of a need: its criteria and the texts its relevance is judged on. */
export interface MatchableNeed {
  criteria: Omit<NeedCriteria, 'hasText'>;
  texts: readonly (string | null)[];
}

export interface MatchOptions {
  /** Supplier statuses the viewer may see matched. */
  statuses: readonly SupplierStatus[];
  /** Today in WIB (YYYY-MM-DD): certificates valid until an earlier day do not count. */
  today: string;
}

export interface MatchRow {
  supplierId: string;
  score: number;
  distanceKm: number | null;
  criteria: Criterion[];
  /** Named processes and materials covered: the first ranking key. */
  coverage: Coverage;
  /** Supplier and delivery point are on different islands: a ferry crossing is needed. */
  crossesSea: boolean;
  card: SupplierCard;
}

export interface MatchList {
  matches: MatchRow[];
  /** Matching suppliers in all (the list is cut at `limit`). */
  total: number;
  /** Suppliers relevant to the need but excluded by a hard constraint. */
  excluded: number;
}

const engines = new WeakMap<Sql, SearchEngine>();

/**
 * The engine text relevance is asked of: the app's (remembered per database, so background jobs
 * in the same process rank exactly as the pages do), else a SQL-only engine.
 */
export function engineFor(deps: MatchDeps): SearchEngine {
  if (deps.search) {
    engines.set(deps.sql, deps.search);
    return deps.search;
  }
  let e = engines.get(deps.sql);
  if (!e) {
    e = new PostgresEngine(deps.sql, { memory: false });
    engines.set(deps.sql, e);
  }
  return e;
}

interface Prepared {
  compile: (intern?: (s: string) => string) => CompiledNeed;
  text: Map<string, number>;
  track: Map<string, number>;
}

async function prepare(deps: MatchDeps, need: MatchableNeed, opts: MatchOptions): Promise<Prepared> {
  const vocabulary = await loadVocabulary(deps.sql);
  const probes = textProbes(need.texts, vocabulary.synonyms);
  const c = need.criteria;
  const trackPromise = loadTrackRecordScores(deps.sql, new Date(`${opts.today}T23:59:59+07:00`));
  const text = await textRelevance(engineFor(deps), probes, {
    point: c.point,
    radiusKm: c.maxDistanceKm,
    tkdnMin: c.minTkdn,
    today: opts.today,
    requiredCerts: c.requiredCerts,
  });
  const criteria: NeedCriteria = { ...c, hasText: probes.length > 0 };
  return {
    compile: (intern) => compileNeed(criteria, vocabulary.tree, opts.statuses, intern),
    text,
    track: await trackPromise,
  };
}

const signals = (p: Pick<Prepared, 'text' | 'track'>, id: string) => ({
  text: p.text.get(id) ?? 0,
  trackRecord: p.track.get(id) ?? null,
});

/**
 * Ranks every matchable supplier for a need: hard constraints and the score over the in-memory
 * facts (a few milliseconds for 100,000), then the hits shown are re-read from the source tables
 * and re-scored, so a supplier that stopped meeting a hard constraint is never shown. Order:
 * score desc, distance asc, id.
 */
export async function rankNeed(
  deps: MatchDeps,
  need: MatchableNeed,
  opts: MatchOptions & { limit: number; minScore?: number },
): Promise<MatchList> {
  const [prepared, ix] = await Promise.all([prepare(deps, need, opts), currentIndex(deps.sql)]);
  const { compile, text, track } = prepared;
  const compiled = compile(ix.intern);
  const ranked = topSlots(ix, compiled, text, track, opts.today, opts.limit, opts.minScore ?? 0);
  const ids = ranked.top.map((s) => ix.idAt(s));
  const [facts, cards] = await Promise.all([loadFacts(deps.sql, ids), loadCards(deps.sql, ids)]);
  const rows: MatchRow[] = [];
  for (const id of ids) {
    const f = facts.get(id);
    const card = cards.get(id);
    if (!f || !card) continue;
    const criteria: Criterion[] = [];
    const score = assess(compiled, f, signals(prepared, id), opts.today, criteria);
    if (score < (opts.minScore ?? 0)) continue;
    const coverage = coverageOf(compiled, f.processes, f.materials);
    const crossesSea = crossingOf(compiled, f);
    rows.push({
      supplierId: id,
      score,
      distanceKm: distanceOrNull(compiled, f),
      criteria,
      coverage,
      crossesSea,
      card,
    });
  }
  rows.sort(
    (a, b) =>
      b.coverage.ratio - a.coverage.ratio ||
      b.score - a.score ||
      (a.distanceKm ?? Number.POSITIVE_INFINITY) - (b.distanceKm ?? Number.POSITIVE_INFINITY) ||
      (a.supplierId < b.supplierId ? -1 : a.supplierId > b.supplierId ? 1 : 0),
  );
  return { matches: rows, total: ranked.total - (ids.length - rows.length), excluded: ranked.excluded };
}

export type Verdict = 'matched' | 'excluded' | 'irrelevant' | 'hidden';

export interface Explanation {
  supplierId: string;
  verdict: Verdict;
  score: number | null;
  criteria: Criterion[];
  card: SupplierCard;
}

/**
 * "Why (not)": every criterion for one supplier and need, pass or fail, computed by the same
 * function that ranks, from the source tables. Null when the supplier does not exist.
 */
export async function explainMatch(
  deps: MatchDeps,
  need: MatchableNeed,
  supplierId: string,
  opts: MatchOptions,
): Promise<Explanation | null> {
  const [prepared, facts, cards] = await Promise.all([
    prepare(deps, need, opts),
    loadFacts(deps.sql, [supplierId]),
    loadCards(deps.sql, [supplierId]),
  ]);
  const f = facts.get(supplierId);
  const card = cards.get(supplierId);
  if (!f || !card) return null;
  const criteria: Criterion[] = [];
  const result = assess(prepared.compile(), f, signals(prepared, supplierId), opts.today, criteria);
  const verdict: Verdict =
    result === HIDDEN
      ? 'hidden'
      : result === IRRELEVANT
        ? 'irrelevant'
        : result === EXCLUDED
          ? 'excluded'
          : 'matched';
  return { supplierId, verdict, score: verdict === 'matched' ? result : null, criteria, card };
}

/** One supplier against several needs (the supplier's inbox): the score and criteria per need. */
export async function scoreForNeeds<N extends MatchableNeed>(
  deps: MatchDeps,
  needs: readonly N[],
  supplierId: string,
  opts: MatchOptions,
): Promise<{ need: N; score: number; criteria: Criterion[] }[]> {
  const facts = (await loadFacts(deps.sql, [supplierId])).get(supplierId);
  if (!facts) return [];
  const out: { need: N; score: number; criteria: Criterion[] }[] = [];
  for (const need of needs) {
    const prepared = await prepare(deps, need, opts);
    const criteria: Criterion[] = [];
    const score = assess(prepared.compile(), facts, signals(prepared, supplierId), opts.today, criteria);
    out.push({ need, score, criteria });
  }
  return out;
}
