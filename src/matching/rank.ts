import { distanceKm } from '../../search/engine.js';
import { ASSESS, columnCheck, EXCLUDE, SKIP } from './column-check.js';
import { coverageOf } from './coverage.js';
import type { CandidateSource } from './fact-store.js';
import { MAX_TERMS, popcount } from './masks.js';
import { scoreCeiling } from './score-ceiling.js';
import { assess } from './scorer.js';
import type { CompiledNeed } from './types.js';
import { EXCLUDED, type Signals, type SupplierFacts } from './types.js';

/** Distance from the need's delivery point, or null when either side has no location. */
export function distanceOrNull(n: CompiledNeed, f: SupplierFacts): number | null {
  const p = n.criteria.point;
  return p && f.lat !== null && f.lon !== null ? distanceKm(p, { lat: f.lat, lon: f.lon }) : null;
}

export interface Ranked {
  /** Slots of the best matches, best first. */
  top: number[];
  /** Matches scoring at least the minimum. */
  total: number;
  /** Relevant suppliers excluded by a hard constraint. */
  excluded: number;
}

/**
 * The best `limit` matches, ordered by coverage of the named terms desc, score desc, distance asc
 * (unknown last), id asc, with the count of matches and of relevant suppliers excluded, exactly
 * as if every supplier were assessed, but visiting only those that can be relevant:
 * - a need naming processes or materials: the suppliers in the postings of the slugs covering
 *   them (assess calls any other one irrelevant), best coverage first; once the list is full and
 *   the rest cover less than its weakest, they only need the hard checks to be counted;
 * - a need gated by text alone: the suppliers the search engine found relevant;
 * - an ungated need: every supplier, but once the list is full one whose score ceiling (see
 *   score-ceiling.ts) is below the weakest kept is only counted.
 * Hidden and out-of-reach slots are decided from typed columns (see column-check.ts) without
 * touching their facts. Hidden and irrelevant suppliers count nowhere, so skipping them changes
 * nothing. The property test in tests/unit/matching/rank-prefilter.test.ts holds all of this to
 * the former full scan.
 */
export function topSlots(
  src: CandidateSource,
  n: CompiledNeed,
  text: ReadonlyMap<string, number>,
  track: ReadonlyMap<string, number>,
  today: string,
  limit: number,
  minScore: number,
): Ranked {
  const c = n.criteria;
  const named = c.processes.length > 0 || c.materials.length > 0;
  const seen = { km: Number.NaN };
  const quick = columnCheck(src, n, named, seen);
  const r = new Ranking(src, quick, n, text, track, today, limit, minScore);
  const ceiling = minScore <= 0 ? scoreCeiling(src, n) : null;
  if (!n.gated && ceiling && quick) {
    // Every supplier covers an ungated need fully: once the list is full, one whose score
    // cannot reach the weakest kept only needs counting (hard checks, as for lower tiers).
    const noCerts = c.requiredCerts.length === 0 && c.minTkdn === null;
    for (let s = 0; s < src.size; s++) {
      if (!r.full()) {
        r.visit(s, false);
        continue;
      }
      const q = quick(s, false);
      if (q === EXCLUDE) r.excluded++;
      if (q !== ASSESS) continue;
      const hardOnly = ceiling(s, seen.km) < r.weakest();
      if (hardOnly && noCerts) r.total++;
      else r.visit(s, hardOnly);
    }
  } else if (!n.gated) {
    for (let s = 0; s < src.size; s++) r.visit(s, false);
  } else if (!named) {
    for (const [id, relevance] of text) {
      const s = relevance > 0 ? src.slotOf(id) : undefined;
      if (s !== undefined) r.visit(s, false);
    }
  } else {
    // hardOnly answers 0 for a match, which counts like its real score only when minScore ≤ 0.
    visitByCoverage(src, n, r, minScore <= 0);
  }
  r.heap.sort((a, b) => (worse(src, a, b) ? 1 : worse(src, b, a) ? -1 : 0));
  return { top: r.heap.map((e) => e.slot), total: r.total, excluded: r.excluded };
}

/** Per-slot masks and candidate lists, reused by every call (ranking is synchronous). */
const scratch = {
  pm: new Int32Array(0),
  mm: new Int32Array(0),
  cand: new Int32Array(0),
  order: new Int32Array(0),
};

/**
 * Walks the postings of every slug covering a named term, OR-ing the term's bit into the slot's
 * mask (postings are a superset, so the count can only be too high, never too low), buckets the
 * candidates by terms covered (in slot order within a bucket) and visits the best bucket first.
 */
function visitByCoverage(src: CandidateSource, n: CompiledNeed, r: Ranking, prune: boolean): void {
  const size = src.size;
  if (scratch.pm.length < size) {
    const len = Math.max(size, Math.ceil(scratch.pm.length * 1.5));
    scratch.pm = new Int32Array(len);
    scratch.mm = new Int32Array(len);
    scratch.cand = new Int32Array(len);
    scratch.order = new Int32Array(len);
  }
  const { pm, mm, cand, order } = scratch;
  let count = 0;
  const walk = (kind: 'process' | 'material', cover: ReadonlyMap<string, number>, own: Int32Array) => {
    for (const [slug, bit] of cover) {
      const slots = src.postings(kind, slug);
      for (let i = 0; i < slots.length; i++) {
        const s = slots[i]!;
        if (pm[s] === 0 && mm[s] === 0) cand[count++] = s;
        own[s]! |= bit;
      }
    }
  };
  walk('process', n.processCover, pm);
  walk('material', n.materialCover, mm);
  // Visit in slot order (the order the facts were allocated in): at a million suppliers, memory
  // order rather than posting order makes each visit several times cheaper.
  if (count * 16 < size) cand.subarray(0, count).sort();
  else for (let s = 0, i = 0; i < count; s++) if (pm[s] !== 0 || mm[s] !== 0) cand[i++] = s;
  const terms =
    Math.min(n.criteria.processes.length, MAX_TERMS) + Math.min(n.criteria.materials.length, MAX_TERMS);
  // Terms covered per candidate, kept in mm (pm cleared) until the candidate is placed.
  const sizes = new Int32Array(terms + 1);
  for (let i = 0; i < count; i++) {
    const s = cand[i]!;
    const k = popcount(pm[s]!) + popcount(mm[s]!);
    pm[s] = 0;
    mm[s] = k;
    sizes[k]!++;
  }
  const next = new Int32Array(terms + 1);
  for (let k = terms, at = 0; k >= 0; k--) {
    next[k] = at;
    at += sizes[k]!;
  }
  for (let i = 0; i < count; i++) {
    const s = cand[i]!;
    order[next[mm[s]!]!++] = s;
    mm[s] = 0;
  }
  for (let k = terms, i = 0; k >= 0; k--) {
    const end = i + sizes[k]!;
    const hardOnly = prune && r.outranks(k / terms);
    for (; i < end; i++) r.visit(order[i]!, hardOnly);
  }
}

interface Entry {
  slot: number;
  cover: number;
  score: number;
  km: number;
}

/** `a` ranks below `b`: coverage, then score, then distance (unknown last), then id (by slot). */
function worse(src: CandidateSource, a: Entry, b: Entry): boolean {
  if (a.cover !== b.cover) return a.cover < b.cover;
  if (a.score !== b.score) return a.score < b.score;
  if (a.km !== b.km) return a.km > b.km;
  return src.compareIds(a.slot, b.slot) > 0;
}

/** An id-keyed map by slot (ids not in the source dropped): ranking then never needs id text. */
function bySlot(src: CandidateSource, m: ReadonlyMap<string, number>): Map<number, number> {
  const out = new Map<number, number>();
  for (const [id, v] of m) {
    const s = src.slotOf(id);
    if (s !== undefined) out.set(s, v);
  }
  return out;
}

/** The counts and the bounded heap of one ranking; `visit` assesses one slot. */
class Ranking {
  total = 0;
  excluded = 0;
  /** Min-heap on "worse": the root is the weakest of the kept matches. */
  readonly heap: Entry[] = [];
  private readonly sig: Signals = { text: 0, trackRecord: null };
  private readonly seen = { km: null as number | null };
  private spare: Entry = { slot: 0, cover: 0, score: 0, km: 0 };
  private readonly textBySlot: Map<number, number>;
  private readonly trackBySlot: Map<number, number>;

  constructor(
    private readonly src: CandidateSource,
    private readonly quick: ReturnType<typeof columnCheck>,
    private readonly n: CompiledNeed,
    text: ReadonlyMap<string, number>,
    track: ReadonlyMap<string, number>,
    private readonly today: string,
    private readonly limit: number,
    private readonly minScore: number,
  ) {
    this.textBySlot = bySlot(src, text);
    this.trackBySlot = bySlot(src, track);
  }

  /** As many matches kept as asked for (always, when none are asked for). */
  full(): boolean {
    return this.heap.length >= this.limit;
  }

  /** The weakest kept score (the list is full; +∞ when no list is asked for). */
  weakest(): number {
    return this.limit <= 0 ? Number.POSITIVE_INFINITY : this.heap[0]!.score;
  }

  /** The list is full and its weakest covers more than `cover`: nothing covering `cover` can enter. */
  outranks(cover: number): boolean {
    if (this.limit <= 0) return true;
    return this.heap.length >= this.limit && this.heap[0]!.cover > cover;
  }

  /**
   * Assesses one slot. `hardOnly` counts the supplier without scoring it: only for needs naming
   * terms (text never decides their relevance) or naming nothing, and only when minScore ≤ 0.
   */
  visit(s: number, hardOnly: boolean): void {
    const q = this.quick ? this.quick(s, hardOnly) : ASSESS;
    if (q !== ASSESS) {
      if (q === EXCLUDE) this.excluded++;
      else if (q !== SKIP) this.total++;
      return;
    }
    const f = this.src.factsAt(s, false);
    if (!f) return;
    const sig = this.sig;
    sig.text = hardOnly || this.textBySlot.size === 0 ? 0 : (this.textBySlot.get(s) ?? 0);
    sig.trackRecord = hardOnly || this.trackBySlot.size === 0 ? null : (this.trackBySlot.get(s) ?? null);
    const score = assess(this.n, f, sig, this.today, undefined, this.seen, hardOnly);
    if (score === EXCLUDED) this.excluded++;
    if (score < this.minScore || score < 0) return;
    this.total++;
    if (hardOnly || this.limit <= 0) return;
    const e = this.spare;
    e.slot = s;
    e.cover = coverageOf(this.n, f.processes, f.materials).ratio;
    e.score = score;
    e.km = this.seen.km ?? Number.POSITIVE_INFINITY;
    const h = this.heap;
    if (h.length < this.limit) {
      h.push(e);
      this.spare = { slot: 0, cover: 0, score: 0, km: 0 };
      siftUp(this.src, h, h.length - 1);
    } else if (worse(this.src, h[0]!, e)) {
      this.spare = h[0]!;
      h[0] = e;
      siftDown(this.src, h, 0);
    }
  }
}

function siftUp(src: CandidateSource, h: Entry[], i: number): void {
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!worse(src, h[i]!, h[p]!)) break;
    [h[i], h[p]] = [h[p]!, h[i]!];
    i = p;
  }
}

function siftDown(src: CandidateSource, h: Entry[], i: number): void {
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < h.length && worse(src, h[l]!, h[m]!)) m = l;
    if (r < h.length && worse(src, h[r]!, h[m]!)) m = r;
    if (m === i) return;
    [h[i], h[m]] = [h[m]!, h[i]!];
    i = m;
  }
}
