import { isBusinessWord, notPremises } from './business-words.js';
import { withinOneEdit } from './edit-distance.js';
import { matchPhrases, type PhraseMatch, type SynonymTable, tokenize } from './synonyms.js';
import { type Form, formKey, formToTsquery } from './tsvector.js';
import { correctToTaxonomy } from './typo.js';

export { editDistance, withinOneEdit } from './edit-distance.js';

/**
 * Query analysis for the PostgreSQL engine: words → groups of alternatives; within a group any
 * alternative may match (OR). Alternatives are the words themselves, the taxonomy synonyms of the
 * phrase they form (both languages), the phrases of its narrower terms, and typo corrections.
 *
 * Groups are ordered capability words first, business words ("bengkel", "CV") next, and words
 * known nowhere last. Matching follows Meilisearch's `matchingStrategy: 'last'`: the first group
 * must match; a result ranks by how long a prefix of the groups it matches (its tier), so full
 * matches come first, then the best partial ones, and a business word can only boost.
 */

export const MAX_QUERY_WORDS = 10;
/** One typo is tolerated in words of this many letters or more. */
export const MIN_TYPO_LENGTH = 5;
/** A known but rare word also gets corrections that are this many times more frequent. */
const RARE_WORD_FACTOR = 20;
const MAX_CORRECTIONS = 5;

export type UnitKind = 'exact' | 'synonym' | 'typo' | 'descendant';

/** Where a group sorts: capability words lead, business words and unknown words trail. */
export type GroupRole = 'content' | 'business' | 'unknown';

export interface Unit {
  text: string;
  kind: UnitKind;
  forms: Form[];
}

export interface Group {
  /** The query words this group stands for. */
  text: string;
  units: Unit[];
  /** Absent: a capability word. */
  role?: GroupRole;
  /**
   * Taxonomy terms (`kind:slug`) the words name, and the narrower terms below them: a supplier
   * listing one of them among its capabilities ranks above one that only has the words in its
   * name or description (exact term > narrower term > text).
   */
  terms?: { exact: readonly string[]; narrower: readonly string[] };
}

export interface TextQuery {
  groups: Group[];
  /** Every alternative's text, for highlighting. */
  highlight: string[];
  /** What every result must match: the first group, for `tsv @@ query` in SQL. */
  tsquery: string;
  /** Every group ORed, without its narrower terms: ts_rank_cd's query (cover density of the words asked). */
  rankTsquery: string;
  /** Groups 1..k ANDed for k = 2..n (business words left out): a result's tier is 1 + how many of these it matches. */
  tierTsqueries: string[];
  /** Per group, its alternatives without the narrower terms: a direct match ranks above a descendant one. */
  directTsqueries: string[];
  /** Per group that names taxonomy terms: those terms and their narrower ones (capability rank). */
  capabilityTerms: { exact: readonly string[]; narrower: readonly string[] }[];
}

export interface WordInfo {
  forms: Form[];
  /** The word occurs in some searchable document or in the taxonomy. */
  known: boolean;
  /** Vocabulary words similar to this one (pg_trgm), with their forms. */
  neighbours: { word: string; forms: Form[] }[];
}

/** Looks words up in PostgreSQL: their lexemes, whether they are known, and near-misses. */
export interface WordSource {
  describe(words: readonly string[], fuzzy: readonly string[]): Promise<Map<string, WordInfo>>;
}

export interface AnalyzerContext {
  table: SynonymTable;
  /** Lexeme forms of every taxonomy phrase, computed once per taxonomy version. */
  phraseForms: ReadonlyMap<string, readonly Form[]>;
  words: WordSource;
  /** Document frequency of a lexeme, when an in-memory index knows it. */
  df?: (lexeme: string) => number;
}

/** Query text → groups; null when the text has no words (a browse). */
export async function analyze(q: string, ctx: AnalyzerContext): Promise<TextQuery | null> {
  const all = tokenize(q).filter((w) => w.length <= 40);
  // Lone letters ("bubut's" → bubut, s) are noise, unless they are all there is.
  const meaningful = all.filter((w) => [...w].length > 1 || /\d/.test(w));
  const words = (meaningful.length ? meaningful : all).slice(0, MAX_QUERY_WORDS);
  if (words.length === 0) return null;
  const accept = notPremises(ctx.table);
  const first = matchPhrases(words, ctx.table, accept);
  const loose = first.filter((m) => m.terms.length === 0).map((m) => m.phrase);
  const fuzzy = loose.filter((w) => [...w].length >= MIN_TYPO_LENGTH && !/^\d+$/.test(w));
  const info = loose.length ? await ctx.words.describe([...new Set(loose)], [...new Set(fuzzy)]) : new Map();
  const { matches, typoAt } = correctWords(words, first, info, ctx, accept);

  const groups: Group[] = [];
  for (const m of matches) {
    const units = new UnitList(ctx);
    let role: GroupRole = 'content';
    let keys: readonly string[] = [];
    if (m.terms.length) {
      const corrected =
        typoAt.has(m.start) || [...typoAt].some((i) => i >= m.start && i < m.start + m.length);
      units.add(m.phrase, corrected ? 'typo' : 'exact');
      for (const key of m.terms)
        for (const p of ctx.table.termPhrases.get(key) ?? []) units.add(p, corrected ? 'typo' : 'synonym');
      addDescendants(units, m.terms, ctx.table);
      keys = m.terms;
    } else {
      const wi: WordInfo = info.get(m.phrase) ?? { forms: [], known: false, neighbours: [] };
      units.add(m.phrase, 'exact', wi.forms);
      const accepted = acceptNeighbours(m.phrase, wi, ctx);
      for (const n of accepted) {
        units.add(n.word, 'typo', n.forms);
        const nk = ctx.table.phraseTerms.get(n.word) ?? [];
        for (const key of nk) for (const p of ctx.table.termPhrases.get(key) ?? []) units.add(p, 'typo');
        addDescendants(units, nk, ctx.table);
        keys = [...keys, ...nk];
      }
      role = isBusinessWord(m.phrase)
        ? 'business'
        : !wi.known && accepted.length === 0
          ? 'unknown'
          : 'content';
    }
    if (units.list.length)
      groups.push({ text: m.phrase, units: units.list, role, terms: termsOf(keys, ctx.table) });
  }
  if (groups.length === 0) return null;
  return textQuery(orderGroups(groups));
}

const ROLE_ORDER: Record<GroupRole, number> = { content: 0, business: 1, unknown: 2 };

/** Capability words first, then business words, then unknown words; stable within each. */
export function orderGroups(groups: readonly Group[]): Group[] {
  return groups
    .map((g, i) => ({ g, i }))
    .sort((a, b) => ROLE_ORDER[a.g.role ?? 'content'] - ROLE_ORDER[b.g.role ?? 'content'] || a.i - b.i)
    .map((x) => x.g);
}

/** The SQL forms of ordered groups (the in-memory path reads the groups themselves). */
export function textQuery(groups: Group[]): TextQuery {
  const highlight = [...new Set(groups.flatMap((g) => g.units.map((u) => u.text)))];
  const direct = (g: Group): Group => ({ ...g, units: g.units.filter((u) => u.kind !== 'descendant') });
  // Business words only boost (through the rank query), so they form no tier of their own.
  const tiered = groups.filter((g, i) => i === 0 || g.role !== 'business');
  return {
    groups,
    highlight,
    tsquery: groupsToTsquery(groups.slice(0, 1)),
    // Narrower terms only tier a match lower; ranking against all of them (some 130 forms for
    // "pemesinan") cost PostgreSQL ~20 ms per search at a million suppliers, against ~1 ms.
    rankTsquery: (groups.some((g) => direct(g).units.length) ? groups.map(direct) : groups)
      .filter((g) => g.units.length)
      .map((g) => groupsToTsquery([g]))
      .join(' | '),
    tierTsqueries: Array.from({ length: Math.max(0, tiered.length - 1) }, (_, i) =>
      groupsToTsquery(tiered.slice(0, i + 2)),
    ),
    directTsqueries: groups
      .map(direct)
      .filter((g) => g.units.length)
      .map((g) => groupsToTsquery([g])),
    capabilityTerms: groups.flatMap((g) =>
      g.terms && g.terms.exact.length + g.terms.narrower.length ? [g.terms] : [],
    ),
  };
}

/** A group's capability terms: the named ones and every narrower one not itself named. */
function termsOf(keys: readonly string[], table: SynonymTable): Group['terms'] {
  const exact = [...new Set(keys)];
  const named = new Set(exact);
  const narrower = [...new Set(keys.flatMap((k) => table.descendants.get(k) ?? []))].filter(
    (k) => !named.has(k),
  );
  return { exact, narrower };
}

/**
 * Replaces query words found nowhere (no taxonomy phrase, no document) by their closest
 * taxonomy word within the typo budget (see typo.ts), keeping a correction only when it makes
 * the words name a taxonomy term. `typoAt`: indexes of the corrected words.
 */
function correctWords(
  words: readonly string[],
  first: PhraseMatch[],
  info: ReadonlyMap<string, WordInfo>,
  ctx: AnalyzerContext,
  accept: (terms: readonly string[]) => boolean,
): { matches: PhraseMatch[]; typoAt: Set<number> } {
  const fixed = [...words];
  const typoAt = new Set<number>();
  for (const m of first) {
    if (m.terms.length || isBusinessWord(m.phrase)) continue;
    const wi = info.get(m.phrase);
    // Known as typed (search_words), not by its stem: "pembautan" stems to baut (bolt), yet means pembuatan.
    if (wi?.known) continue;
    const c = correctToTaxonomy(ctx.table, m.phrase);
    if (c) {
      fixed[m.start] = c;
      typoAt.add(m.start);
    }
  }
  if (typoAt.size === 0) return { matches: first, typoAt };
  for (const m of matchPhrases(fixed, ctx.table, accept))
    if (m.terms.length === 0 && typoAt.has(m.start)) {
      fixed[m.start] = words[m.start]!;
      typoAt.delete(m.start);
    }
  return { matches: matchPhrases(fixed, ctx.table, accept), typoAt };
}

function addDescendants(units: UnitList, keys: readonly string[], table: SynonymTable): void {
  for (const key of keys)
    for (const d of table.descendants.get(key) ?? [])
      for (const p of table.termPhrases.get(d) ?? []) units.add(p, 'descendant');
}

class UnitList {
  readonly list: Unit[] = [];
  private readonly seen = new Set<string>();
  constructor(private readonly ctx: AnalyzerContext) {}

  add(text: string, kind: UnitKind, forms?: readonly Form[]): void {
    if (this.seen.has(text)) return;
    const f = forms ?? this.ctx.phraseForms.get(text) ?? [];
    if (f.length === 0) return;
    this.seen.add(text);
    this.list.push({ text, kind, forms: [...f] });
  }
}

/** Corrections one edit away; for a word that is itself known, only far more frequent ones. */
function acceptNeighbours(word: string, wi: WordInfo, ctx: AnalyzerContext) {
  if ([...word].length < MIN_TYPO_LENGTH) return [];
  const df = ctx.df;
  const freq = (forms: Form[]) =>
    df ? Math.max(0, ...forms.filter((f) => f.lexemes.length === 1).map((f) => df(f.lexemes[0]!))) : 0;
  const own = freq(wi.forms);
  const candidates = wi.neighbours
    .filter((n) => n.word !== word && withinOneEdit(word, n.word))
    .map((n) => ({ ...n, df: freq(n.forms) }));
  const useful = candidates.filter((c) => !df || c.df > 0 || ctx.table.phraseTerms.has(c.word));
  const known = df ? own > 0 : wi.known;
  const kept = known ? useful.filter((c) => df && c.df >= RARE_WORD_FACTOR * Math.max(1, own)) : useful;
  return kept.sort((a, b) => b.df - a.df || (a.word < b.word ? -1 : 1)).slice(0, MAX_CORRECTIONS);
}

/** `(a | b <-> c) & (d | e)`: the same matching rule as the groups, for `tsv @@ query`. */
export function groupsToTsquery(groups: readonly Group[]): string {
  return groups
    .map((g) => {
      const seen = new Set<string>();
      const parts: string[] = [];
      for (const u of g.units)
        for (const f of u.forms) {
          const key = formKey(f);
          if (seen.has(key)) continue;
          seen.add(key);
          parts.push(formToTsquery(f));
        }
      return `(${parts.join(' | ')})`;
    })
    .join(' & ');
}
