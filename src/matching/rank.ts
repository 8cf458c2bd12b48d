import { distanceKm } from '../../search/engine.js';
import { coverageOf } from './coverage.js';
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
 * One pass over every slot: the score of each supplier, and the best `limit` kept in a bounded
 * heap ordered by coverage of the named terms desc, score desc, distance asc (unknown last), id asc.
 */
export function topSlots(
  facts: readonly (SupplierFacts | null)[],
  n: CompiledNeed,
  text: ReadonlyMap<string, number>,
  track: ReadonlyMap<string, number>,
  today: string,
  limit: number,
  minScore: number,
): Ranked {
  const sig: Signals = { text: 0, trackRecord: null };
  const seen = { km: null as number | null };
  const scores = new Float64Array(facts.length);
  const km = new Float64Array(facts.length);
  const cover = new Float64Array(facts.length);
  const worse = (a: number, b: number) => {
    if (cover[a] !== cover[b]) return cover[a]! < cover[b]!;
    if (scores[a] !== scores[b]) return scores[a]! < scores[b]!;
    if (km[a] !== km[b]) return km[a]! > km[b]!;
    return facts[a]!.id > facts[b]!.id;
  };
  const hasText = text.size > 0;
  const heap: number[] = [];
  let total = 0;
  let excluded = 0;
  for (let s = 0; s < facts.length; s++) {
    const f = facts[s];
    if (!f) continue;
    sig.text = hasText ? (text.get(f.id) ?? 0) : 0;
    sig.trackRecord = track.get(f.id) ?? null;
    const score = assess(n, f, sig, today, undefined, seen);
    if (score === EXCLUDED) excluded++;
    if (score < minScore || score < 0) continue;
    total++;
    scores[s] = score;
    cover[s] = coverageOf(n, f.processes, f.materials).ratio;
    km[s] = seen.km ?? Number.POSITIVE_INFINITY;
    if (heap.length < limit) {
      heap.push(s);
      siftUp(heap, heap.length - 1, worse);
    } else if (limit > 0 && worse(heap[0]!, s)) {
      heap[0] = s;
      siftDown(heap, 0, worse);
    }
  }
  heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
  return { top: heap, total, excluded };
}

/** Min-heap on "worse": the root is the weakest of the kept matches. */
function siftUp(h: number[], i: number, worse: (a: number, b: number) => boolean): void {
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!worse(h[i]!, h[p]!)) break;
    [h[i], h[p]] = [h[p]!, h[i]!];
    i = p;
  }
}

function siftDown(h: number[], i: number, worse: (a: number, b: number) => boolean): void {
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < h.length && worse(h[l]!, h[m]!)) m = l;
    if (r < h.length && worse(h[r]!, h[m]!)) m = r;
    if (m === i) return;
    [h[i], h[m]] = [h[m]!, h[i]!];
    i = m;
  }
}
