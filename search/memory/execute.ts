import type { Group, TextQuery } from '../analyze.js';
import {
  distanceKm,
  type FacetCounts,
  type FacetName,
  type RelaxParam,
  type Suggestion,
  type SupplierQuery,
} from '../engine.js';
import { andInto, type Bitset, count, createBitset, forEachBit, orInto } from './bitset.js';
import { dayNumber } from './columns.js';
import { type DayView, dayView, rangeBits } from './derived.js';
import { facetCounts } from './facet-count.js';
import { BITSET_FACETS, type MemoryIndex } from './index.js';
import { type Ordering, topSlots } from './order.js';
import { type PreparedText, prepareText, scoreSlots } from './text-score.js';

export interface MemoryResult {
  total: number;
  facets: FacetCounts;
  /** Matching slots in result order, as many as the caller asked for. */
  ordered: number[];
  /** Relevance of the slots in `ordered` (text queries). */
  scores: Map<number, number>;
  /** Distance from the query point per slot in `ordered`. */
  distances: Map<number, number>;
  suggestions: Suggestion[];
  /** The text query's groups in the order they were matched (see prepareText). */
  groups?: Group[];
}

/**
 * Runs a query against the in-memory index: filters as bitsets, disjunctive facet counts
 * (each facet counted under every filter but its own), and the first `window` results in order.
 */
export function execute(
  ix: MemoryIndex,
  q: SupplierQuery,
  text: TextQuery | null,
  window: number,
): MemoryResult {
  const view = dayView(ix, dayNumber(q.today));
  const textKey = text ? JSON.stringify(text.groups) : '';
  const prepared = text ? prepareText(ix, text) : null;
  const common = commonFilter(ix, q, prepared, view, null);
  const facetFilters = facetBitsets(ix, q, view);
  const all = common.slice();
  for (const b of facetFilters.values()) andInto(all, b);
  const total = count(all);

  const baseOf = (f: FacetName): Bitset => {
    if (!facetFilters.has(f)) return all;
    const base = common.slice();
    for (const [g, b] of facetFilters) if (g !== f) andInto(base, b);
    return base;
  };
  const facets = facetCounts(ix, q, view, textKey, baseOf, { all, total });

  // Relevance is the only order that reads scores.
  const scores = prepared && q.sort === 'relevance' ? scoreSlots(ix, prepared, all) : null;
  const distances = new Map<number, number>();
  const dist = (s: number) => {
    let d = distances.get(s);
    if (d === undefined) {
      d =
        q.point && !Number.isNaN(ix.lat[s]!)
          ? distanceKm(q.point, { lat: ix.lat[s]!, lon: ix.lon[s]! })
          : Number.NaN;
      distances.set(s, d);
    }
    return d;
  };
  const ordering: Ordering = { ix, q, scores, dist, tkdnMax: view.tkdnMax };
  const ordered = topSlots(all, Math.min(window, total), ordering);
  for (const s of ordered) dist(s);

  const suggestions =
    total === 0 ? relaxations(ix, q, prepared, view, facetFilters, (f) => count(baseOf(f))) : [];
  const orderedScores = new Map<number, number>();
  if (scores) {
    for (const s of ordered) orderedScores.set(s, scores[s]!);
    scores.fill(0);
  }
  return { total, facets, ordered, scores: orderedScores, distances, suggestions, groups: prepared?.groups };
}

type NonFacet = 'q' | 'tkdn_min' | 'employees' | 'radius_km';

/** Scope, text and the numeric and geographic filters: what every facet's count shares. */
function commonFilter(
  ix: MemoryIndex,
  q: SupplierQuery,
  text: PreparedText | null,
  view: DayView,
  without: NonFacet | null,
): Bitset {
  const out = ix.alive.slice();
  if (!q.statuses.includes('submitted')) andInto(out, ix.verified);
  if (!q.statuses.includes('verified')) for (let i = 0; i < out.length; i++) out[i]! &= ~ix.verified[i]!;
  if (text && without !== 'q' && text.bits[0]) andInto(out, text.bits[0]);
  // TKDN percentages are stored as `real`; SQL compares in real, so round the bound the same way.
  const tkdn = without === 'tkdn_min' || q.tkdnMin === null ? null : Math.fround(q.tkdnMin);
  const emin = without === 'employees' ? null : q.employeesMin;
  const emax = without === 'employees' ? null : q.employeesMax;
  const radius = without === 'radius_km' ? null : q.radiusKm;
  if (tkdn !== null)
    andInto(
      out,
      rangeBits(ix, `tkdn:${view.day}:${tkdn}`, (s) => view.tkdnMax[s]! >= tkdn),
    );
  if (emin !== null || emax !== null)
    andInto(
      out,
      rangeBits(ix, `employees:${emin}:${emax}`, (s) => {
        const e = ix.employees[s]!;
        return e >= 0 && (emin === null || e >= emin) && (emax === null || e <= emax);
      }),
    );
  const point = q.point;
  if (radius === null || !point) return out;
  const dLat = radius / 110.5;
  forEachBit(out, (s) => {
    const lat = ix.lat[s]!;
    const ok =
      !Number.isNaN(lat) &&
      Math.abs(lat - point.lat) <= dLat + 0.01 &&
      distanceKm(point, { lat, lon: ix.lon[s]! }) <= radius;
    if (!ok) out[s >>> 5]! &= ~(1 << (s & 31));
  });
  return out;
}

/** One bitset per filtered facet: the union of the chosen values (OR within a facet). */
function facetBitsets(ix: MemoryIndex, q: SupplierQuery, view: DayView): Map<FacetName, Bitset> {
  const out = new Map<FacetName, Bitset>();
  const union = (values: readonly string[], add: (v: string, b: Bitset) => void) => {
    const b = createBitset(ix.capacity);
    for (const v of values) add(v, b);
    return b;
  };
  for (const f of BITSET_FACETS)
    if (q.filters[f].length)
      out.set(
        f,
        union(q.filters[f], (v, b) => ix.facets[f].get(v)?.orInto(b)),
      );
  const certs = q.filters.certifications;
  if (certs.length)
    out.set(
      'certifications',
      union(certs, (v, b) => {
        const bits = view.certValid.get(v);
        if (bits) orInto(b, bits);
      }),
    );
  const v = q.filters.verified;
  if (v.length === 1) {
    const b = ix.verified.slice();
    if (v[0] === false) for (let i = 0; i < b.length; i++) b[i] = ~b[i]!;
    out.set('verified', b);
  }
  return out;
}

/** For an empty result: how many results each single filter's removal would give. */
function relaxations(
  ix: MemoryIndex,
  q: SupplierQuery,
  text: PreparedText | null,
  view: DayView,
  facetFilters: Map<FacetName, Bitset>,
  withoutFacet: (f: FacetName) => number,
): Suggestion[] {
  const out: Suggestion[] = [];
  for (const f of facetFilters.keys())
    out.push({ kind: 'relax', param: f, value: null, total: withoutFacet(f) });
  const others: [NonFacet, boolean][] = [
    ['q', !!text],
    ['tkdn_min', q.tkdnMin !== null],
    ['employees', q.employeesMin !== null || q.employeesMax !== null],
    ['radius_km', q.radiusKm !== null && !!q.point],
  ];
  for (const [param, active] of others) {
    if (!active) continue;
    const b = commonFilter(ix, q, text, view, param);
    for (const f of facetFilters.values()) andInto(b, f);
    out.push({ kind: 'relax', param: param as RelaxParam, value: null, total: count(b) });
  }
  return out.filter((s) => s.kind === 'relax' && s.total > 0).sort((a, b) => relaxTotal(b) - relaxTotal(a));
}

const relaxTotal = (s: Suggestion) => (s.kind === 'relax' ? s.total : 0);
