/**
 * The ranking as it was before postings and coverage tiers: assess every slot, keep the best
 * `limit` in a bounded heap. Kept verbatim as the oracle of the property test and the baseline
 * of bench:match-scale; the production topSlots must answer exactly the same.
 */
import { coverageOf } from '../../../src/matching/coverage.js';
import type { Ranked } from '../../../src/matching/rank.js';
import { assess } from '../../../src/matching/scorer.js';
import type { CompiledNeed } from '../../../src/matching/types.js';
import { EXCLUDED, type Signals, type SupplierFacts } from '../../../src/matching/types.js';

/** One pass over every slot (the former topSlots). */
export function fullScan(
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
