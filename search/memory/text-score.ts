/**
 * Text queries against the in-memory index: which slots each group of the query matches, and the
 * lexicographic relevance score of every matching slot (see TIER_STEP).
 */
import type { Group, TextQuery, UnitKind } from '../analyze.js';
import { formKey } from '../tsvector.js';
import { andInto, type Bitset, countAnd, createBitset, forEachBit, nonZeroWords } from './bitset.js';
import type { BitsetFacet, MemoryIndex } from './index.js';
import { keptPerVersion } from './kept.js';

const KIND_WEIGHT: Record<UnitKind, number> = { exact: 1, synonym: 0.85, typo: 0.6, descendant: 0.5 };
/**
 * Relevance is lexicographic: the tier (how long a prefix of the query's groups a result
 * matches) first; then, per group, whether the supplier lists the named taxonomy term among its
 * capabilities (2 steps) or a narrower term below it (1 step), so a capability outranks a word in
 * a name or description; then how many groups it matches directly rather than through a narrower
 * term; then the weighted score (at most 1, plus at most 0.2 from the SQL re-rank).
 * With at most 10 groups, each level's maximum stays below one step of the level above.
 */
const TIER_STEP = 10_000;
const CAPABILITY_STEP = 200;
const DIRECT_STEP = 10;
/** Field weights by tsvector weight code: D, C (description), B (capabilities), A (name). */
const FIELD_WEIGHT = [0.1, 0.25, 0.5, 1];

/** A text query resolved against the index: groups in matching order, with their slots. */
export interface PreparedText {
  groups: Group[];
  /** Each group's key (its JSON), by which what is worked out for it is kept. */
  keys: string[];
  bits: Bitset[];
  direct: Bitset[];
  /** Per group with taxonomy terms: suppliers listing a named term, and those listing a narrower one. */
  capabilities: { exact: Bitset; narrower: Bitset }[];
}

/** One word group resolved against the index. */
interface PreparedGroup {
  bits: Bitset;
  /** `bits` without the narrower terms' forms (the same bitset when the group has none). */
  direct: Bitset;
  capability: { exact: Bitset; narrower: Bitset } | null;
  /** Matches no live document. */
  empty: boolean;
}

/**
 * Word groups resolved, kept while the index stays the same and bounded in bytes: a word asked
 * again, alone or with other words, with other filters, another order or page, skips OR-ing its
 * forms' postings (`pemesinan` has 130 forms).
 */
const preparedGroups = keptPerVersion<PreparedGroup>(16 * 1024 * 1024);

function prepareGroup(ix: MemoryIndex, g: Group, key: string): PreparedGroup {
  const kept = preparedGroups.get(ix, key);
  if (kept) return kept;
  const bits = groupBits(ix, g, false);
  const direct = g.units.some((u) => u.kind === 'descendant') ? groupBits(ix, g, true) : bits;
  const capability =
    g.terms && g.terms.exact.length + g.terms.narrower.length > 0
      ? { exact: termBits(ix, g.terms.exact), narrower: termBits(ix, g.terms.narrower) }
      : null;
  const empty = countAnd(bits, ix.alive, nonZeroWords(bits)) === 0;
  const prepared = { bits, direct, capability, empty };
  const bitsets = 1 + (direct === bits ? 0 : 1) + (capability ? 2 : 0);
  preparedGroups.set(ix, key, prepared, (bitsets * ix.capacity) / 8);
  return prepared;
}

/**
 * Groups that match no document at all move behind the others (stable), so a word found nowhere
 * cannot empty a result that the other words would fill: the graceful degradation of
 * `matchingStrategy: 'last'`, made independent of the order the words were typed in.
 * The bitsets are shared with other queries: read them, never write to them.
 */
export function prepareText(ix: MemoryIndex, text: TextQuery): PreparedText {
  const flagged = text.groups.map((g, i) => {
    const key = JSON.stringify(g);
    return { g, i, key, p: prepareGroup(ix, g, key) };
  });
  flagged.sort((a, b) => Number(a.p.empty) - Number(b.p.empty) || a.i - b.i);
  return {
    groups: flagged.map((x) => x.g),
    keys: flagged.map((x) => x.key),
    bits: flagged.map((x) => x.p.bits),
    direct: flagged.map((x) => x.p.direct),
    capabilities: flagged.flatMap((x) => (x.p.capability ? [x.p.capability] : [])),
  };
}

/** Taxonomy kinds stored as a supplier's own capability arrays, and their facet bitsets. */
const KIND_FACET: Record<string, BitsetFacet> = {
  process: 'processes',
  material: 'materials',
  product_category: 'product_categories',
  sector: 'sectors',
};

/** Suppliers listing any of the terms (`kind:slug`) in their own capability arrays. */
function termBits(ix: MemoryIndex, keys: readonly string[]): Bitset {
  const b = createBitset(ix.capacity);
  for (const key of keys) {
    const i = key.indexOf(':');
    const facet = KIND_FACET[key.slice(0, i)];
    if (facet) ix.facets[facet].get(key.slice(i + 1))?.orInto(b);
  }
  return b;
}

function groupBits(ix: MemoryIndex, g: Group, directOnly: boolean): Bitset {
  const b = createBitset(ix.capacity);
  for (const u of g.units)
    for (const f of directOnly && u.kind === 'descendant' ? [] : u.forms) ix.text.orInto(formKey(f), b);
  return b;
}

const KINDS: readonly UnitKind[] = ['exact', 'synonym', 'typo', 'descendant'];
/**
 * Every weight one form can give a document (its unit's kind × the field it sits in), by code:
 * `1 + kind × 4 + field`, and 0 for none. The products are the very doubles the score adds.
 */
const WEIGHT_OF = Float64Array.from({ length: 1 + KINDS.length * FIELD_WEIGHT.length }, (_, c) =>
  c === 0 ? 0 : KIND_WEIGHT[KINDS[(c - 1) >> 2]!] * FIELD_WEIGHT[(c - 1) & 3]!,
);

/**
 * Per word group, the code (see WEIGHT_OF) of the best alternative every document holds, kept
 * while the index stays the same and bounded in bytes (one byte per slot): ranking the word
 * again, under any filter, reads the slots that pass instead of every form's postings
 * (`pemesinan` has 130 forms, many of them held by a large share of the directory).
 */
const groupWeights = keptPerVersion<Uint8Array>(32 * 1024 * 1024);

/** The best weight code of every slot the group matches (`bits`), worked out once per index version. */
function bestWeights(ix: MemoryIndex, g: Group, key: string, bits: Bitset): Uint8Array {
  const kept = groupWeights.get(ix, key);
  if (kept && kept.length >= ix.capacity) return kept;
  const best = new Uint8Array(ix.capacity);
  for (const u of g.units) {
    const code = 1 + KINDS.indexOf(u.kind) * FIELD_WEIGHT.length;
    for (const f of u.forms)
      ix.text.forEachIn(formKey(f), bits, (s, field) => {
        if (WEIGHT_OF[code + field]! > WEIGHT_OF[best[s]!]!) best[s] = code + field;
      });
  }
  groupWeights.set(ix, key, best, best.byteLength);
  return best;
}

/** Per-index work array, reused by every query (execute runs synchronously, so never two at once). */
const scratch = new WeakMap<MemoryIndex, Float64Array>();

/**
 * Tier and direct-match steps (see TIER_STEP), plus the mean over groups of the best alternative
 * found in the document, weighted by kind and field.
 */
export function scoreSlots(ix: MemoryIndex, text: PreparedText, all: Bitset): Float64Array {
  const groups = text.groups;
  let scores = scratch.get(ix);
  if (!scores || scores.length < ix.capacity) {
    scores = new Float64Array(ix.capacity);
    scratch.set(ix, scores);
  }
  const out = scores;
  for (let k = 0; k < groups.length; k++) {
    const best = bestWeights(ix, groups[k]!, text.keys[k]!, text.bits[k]!);
    const n = groups.length;
    forEachBit(all, (s) => {
      const c = best[s]!;
      if (c !== 0) out[s]! += WEIGHT_OF[c]! / n;
    });
  }
  const prefix = all.slice();
  for (let k = 1; k < text.bits.length; k++) {
    // A business word ("jasa", "CV") never outranks a capability: it adds to the score only.
    if (groups[k]!.role === 'business') continue;
    andInto(prefix, text.bits[k]!);
    forEachBit(prefix, (s) => {
      out[s]! += TIER_STEP;
    });
  }
  for (const cap of text.capabilities) {
    const exact = all.slice();
    andInto(exact, cap.exact);
    forEachBit(exact, (s) => {
      out[s]! += 2 * CAPABILITY_STEP;
    });
    const narrower = all.slice();
    andInto(narrower, cap.narrower);
    forEachBit(narrower, (s) => {
      if ((exact[s >>> 5]! & (1 << (s & 31))) === 0) out[s]! += CAPABILITY_STEP;
    });
  }
  for (const d of text.direct) {
    const hit = all.slice();
    andInto(hit, d);
    forEachBit(hit, (s) => {
      out[s]! += DIRECT_STEP;
    });
  }
  return out;
}
