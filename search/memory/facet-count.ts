/**
 * Disjunctive facet counts over the in-memory index, and the counts kept per index version.
 */
import { emptyFacets, type FacetCounts, type FacetName, type SupplierQuery } from '../engine.js';
import { type Bitset, count, countAnd, forEachBit, nonZeroWords } from './bitset.js';
import type { DayView } from './derived.js';
import { BITSET_FACETS, type BitsetFacet, type MemoryIndex } from './index.js';
import { keptPerVersion } from './kept.js';

/** Facet counts by facet and everything they were counted under; a few hundred small records. */
const keptCounts = keptPerVersion<Record<string, number>>(512);

/**
 * Disjunctive facet counts: each facet counted under every filter but its own. A facet's counts
 * depend on the text, the numeric and geographic filters, the day, the statuses seen and the other
 * facets' filters, never on the order, the page or the facet's own filter. So they are kept per
 * index version under exactly those: another order, or ticking a value of a facet (whose counts
 * were just counted with that facet unfiltered), counts nothing again.
 */
export function facetCounts(
  ix: MemoryIndex,
  q: SupplierQuery,
  view: DayView,
  textKey: string,
  baseOf: (f: FacetName) => Bitset,
  result: { all: Bitset; total: number },
): FacetCounts {
  const scope = JSON.stringify([
    view.day,
    [...q.statuses].sort(),
    textKey,
    q.tkdnMin,
    q.employeesMin,
    q.employeesMax,
    q.radiusKm !== null && q.point ? [q.radiusKm, q.point.lat, q.point.lon] : null,
  ]);
  const filtered = (Object.keys(q.filters) as FacetName[])
    .filter((f) => q.filters[f].length)
    .sort()
    .map((f) => [f, q.filters[f].map(String).sort()] as const);
  const keyOf = (f: FacetName) =>
    `${f}\u0000${scope}\u0000${JSON.stringify(filtered.filter(([g]) => g !== f))}`;

  const facets = emptyFacets();
  const missing: FacetName[] = [];
  for (const f of Object.keys(facets) as FacetName[]) {
    const hit = keptCounts.get(ix, keyOf(f));
    if (hit) facets[f] = { ...hit };
    else missing.push(f);
  }
  if (missing.length) {
    const wordsOf = new Map<Bitset, Int32Array>();
    const nz = (b: Bitset) => {
      let w = wordsOf.get(b);
      if (!w) {
        w = nonZeroWords(b);
        wordsOf.set(b, w);
      }
      return w;
    };
    const valueFacets = BITSET_FACETS.filter((f) => missing.includes(f));
    countValues(ix, valueFacets, baseOf, nz, result, facets);
    if (missing.includes('certifications')) {
      const certBase = baseOf('certifications');
      for (const [type, bits] of view.certValid)
        put(facets.certifications, type, countAnd(certBase, bits, nz(certBase)));
    }
    if (missing.includes('verified')) {
      const verifiedBase = baseOf('verified');
      const yes = countAnd(verifiedBase, ix.verified, nz(verifiedBase));
      put(facets.verified, 'true', yes);
      put(facets.verified, 'false', count(verifiedBase) - yes);
    }
    for (const f of missing) keptCounts.set(ix, keyOf(f), { ...facets[f] });
  }
  // A chosen value stays listed (with 0) so its checkbox stays ticked.
  for (const f of Object.keys(facets) as FacetName[])
    for (const v of q.filters[f]) facets[f][String(v)] ??= 0;
  return facets;
}

/**
 * The six value facets' counts. Facets counted under the same base (every unfiltered facet shares
 * the result) are counted together, by whichever costs fewer steps: a pass over each value's list
 * (or, for a dense value, over the base's non-zero words), or one pass over the base's slots
 * through the forward index, a few values each.
 */
function countValues(
  ix: MemoryIndex,
  wanted: readonly BitsetFacet[],
  baseOf: (f: FacetName) => Bitset,
  nz: (b: Bitset) => Int32Array,
  result: { all: Bitset; total: number },
  facets: FacetCounts,
): void {
  const groups = new Map<Bitset, BitsetFacet[]>();
  for (const f of wanted) {
    const base = baseOf(f);
    groups.set(base, [...(groups.get(base) ?? []), f]);
  }
  const perSlot = ix.forward.perSlot() + 1;
  for (const [base, fs] of groups) {
    if (fs.every((f) => f === 'province' || f === 'regency')) {
      countRegions(ix, base, fs, facets);
      continue;
    }
    const words = nz(base);
    let listSteps = 0;
    for (const f of fs)
      for (const value of ix.facets[f].values())
        listSteps += value.bits && words.length <= value.length ? words.length : value.length;
    const slots = base === result.all ? result.total : count(base);
    if (slots * perSlot < listSteps) {
      const counts = new Int32Array(ix.valueIds);
      ix.forward.count(base, counts);
      for (const f of fs) for (const [v, value] of ix.facets[f]) put(facets[f], v, counts[value.id]!);
    } else {
      for (const f of fs)
        for (const [v, value] of ix.facets[f]) put(facets[f], v, value.countIn(base, words));
    }
  }
}

/** Province and regency counts from their columns: one read per slot of `base`. */
function countRegions(ix: MemoryIndex, base: Bitset, fs: BitsetFacet[], facets: FacetCounts): void {
  const counts = new Int32Array(ix.valueIds + 1);
  for (const f of fs) {
    const col = f === 'province' ? ix.provinceOf : ix.regencyOf;
    forEachBit(base, (s) => {
      counts[col[s]!]!++;
    });
    for (const [v, value] of ix.facets[f]) put(facets[f], v, counts[value.id + 1]!);
  }
}

function put(counts: Record<string, number>, value: string, n: number): void {
  if (n > 0) counts[value] = n;
}
