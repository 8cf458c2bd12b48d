import { isBusinessWord, notPremises } from './business-words.js';
import { matchPhrases, type SynonymTable, tokenize } from './synonyms.js';
import { type Form, formKey, formToTsquery } from './tsvector.js';

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
}

export interface TextQuery {
  groups: Group[];
  /** Every alternative's text, for highlighting. */
  highlight: string[];
  /** What every result must match: the first group, for `tsv @@ query` in SQL. */
  tsquery: string;
  /** Every group ORed: ts_rank_cd's query. */
  rankTsquery: string;
  /** Groups 1..k ANDed for k = 2..n: a result's tier is 1 + how many of these it matches. */
  tierTsqueries: string[];
  /** Per group, its alternatives without the narrower terms: a direct match ranks above a descendant one. */
  directTsqueries: string[];
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
  const matches = matchPhrases(words, ctx.table, notPremises(ctx.table));
  const loose = matches.filter((m) => m.terms.length === 0).map((m) => m.phrase);
  const fuzzy = loose.filter((w) => [...w].length >= MIN_TYPO_LENGTH && !/^\d+$/.test(w));
  const info = loose.length ? await ctx.words.describe([...new Set(loose)], [...new Set(fuzzy)]) : new Map();

  const groups: Group[] = [];
  for (const m of matches) {
    const units = new UnitList(ctx);
    let role: GroupRole = 'content';
    if (m.terms.length) {
      units.add(m.phrase, 'exact');
      for (const key of m.terms)
        for (const p of ctx.table.termPhrases.get(key) ?? []) units.add(p, 'synonym');
      addDescendants(units, m.terms, ctx.table);
    } else {
      const wi: WordInfo = info.get(m.phrase) ?? { forms: [], known: false, neighbours: [] };
      units.add(m.phrase, 'exact', wi.forms);
      const accepted = acceptNeighbours(m.phrase, wi, ctx);
      for (const n of accepted) {
        units.add(n.word, 'typo', n.forms);
        const keys = ctx.table.phraseTerms.get(n.word) ?? [];
        for (const key of keys) for (const p of ctx.table.termPhrases.get(key) ?? []) units.add(p, 'typo');
        addDescendants(units, keys, ctx.table);
      }
      role = isBusinessWord(m.phrase)
        ? 'business'
        : !wi.known && accepted.length === 0
          ? 'unknown'
          : 'content';
    }
    if (units.list.length) groups.push({ text: m.phrase, units: units.list, role });
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
  return {
    groups,
    highlight,
    tsquery: groupsToTsquery(groups.slice(0, 1)),
    rankTsquery: groups.map((g) => groupsToTsquery([g])).join(' | '),
    tierTsqueries: Array.from({ length: Math.max(0, groups.length - 1) }, (_, i) =>
      groupsToTsquery(groups.slice(0, i + 2)),
    ),
    directTsqueries: groups
      .map(direct)
      .filter((g) => g.units.length)
      .map((g) => groupsToTsquery([g])),
  };
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

/**
 * True when `b` is at most one edit from `a` (Damerau: a substitution, an insertion, a
 * deletion, or a swap of two neighbouring letters).
 */
export function withinOneEdit(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > 1) return false;
  if (x.length === y.length) {
    const diff: number[] = [];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) diff.push(i);
    if (diff.length <= 1) return true;
    const [i, j] = diff as [number, number];
    return diff.length === 2 && j === i + 1 && x[i] === y[j] && x[j] === y[i];
  }
  const [long, short] = x.length > y.length ? [x, y] : [y, x];
  let i = 0;
  while (i < short.length && long[i] === short[i]) i++;
  for (let k = i; k < short.length; k++) if (long[k + 1] !== short[k]) return false;
  return true;
}

/** Optimal-string-alignment distance: edits, counting a swap of neighbouring letters as one. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d = Array.from({ length: x.length + 1 }, (_, i) => [i, ...Array<number>(y.length).fill(0)]);
  for (let j = 1; j <= y.length; j++) d[0]![j] = j;
  for (let i = 1; i <= x.length; i++)
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[x.length]![y.length]!;
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
