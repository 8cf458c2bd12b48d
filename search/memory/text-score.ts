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

function prepareGroup(ix: MemoryIndex, g: Group): PreparedGroup {
  const key = JSON.stringify(g);
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
  const flagged = text.groups.map((g, i) => ({ g, i, p: prepareGroup(ix, g) }));
  flagged.sort((a, b) => Number(a.p.empty) - Number(b.p.empty) || a.i - b.i);
  return {
    groups: flagged.map((x) => x.g),
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

/** Per-index work arrays, reused by every query (execute runs synchronously, so never two at once). */
const scratch = new WeakMap<MemoryIndex, { best: Float64Array; touched: Int32Array; scores: Float64Array }>();

/**
 * Tier and direct-match steps (see TIER_STEP), plus the mean over groups of the best alternative
 * found in the document, weighted by kind and field.
 */
export function scoreSlots(ix: MemoryIndex, text: PreparedText, all: Bitset): Float64Array {
  const groups = text.groups;
  let buf = scratch.get(ix);
  if (!buf || buf.best.length < ix.capacity) {
    buf = {
      best: new Float64Array(ix.capacity),
      touched: new Int32Array(ix.capacity),
      scores: new Float64Array(ix.capacity),
    };
    scratch.set(ix, buf);
  }
  const { best, touched, scores } = buf;
  for (const g of groups) {
    let n = 0;
    for (const u of g.units)
      for (const f of u.forms) {
        const kw = KIND_WEIGHT[u.kind];
        ix.text.forEachIn(formKey(f), all, (s, weight) => {
          const w = kw * FIELD_WEIGHT[weight]!;
          if (best[s] === 0) touched[n++] = s;
          if (w > best[s]!) best[s] = w;
        });
      }
    for (let k = 0; k < n; k++) {
      const s = touched[k]!;
      scores[s]! += best[s]! / groups.length;
      best[s] = 0;
    }
  }
  const prefix = all.slice();
  for (let k = 1; k < text.bits.length; k++) {
    // A business word ("jasa", "CV") never outranks a capability: it adds to the score only.
    if (groups[k]!.role === 'business') continue;
    andInto(prefix, text.bits[k]!);
    forEachBit(prefix, (s) => {
      scores[s]! += TIER_STEP;
    });
  }
  for (const cap of text.capabilities) {
    const exact = all.slice();
    andInto(exact, cap.exact);
    forEachBit(exact, (s) => {
      scores[s]! += 2 * CAPABILITY_STEP;
    });
    const narrower = all.slice();
    andInto(narrower, cap.narrower);
    forEachBit(narrower, (s) => {
      if ((exact[s >>> 5]! & (1 << (s & 31))) === 0) scores[s]! += CAPABILITY_STEP;
    });
  }
  for (const d of text.direct) {
    const hit = all.slice();
    andInto(hit, d);
    forEachBit(hit, (s) => {
      scores[s]! += DIRECT_STEP;
    });
  }
  return scores;
}
