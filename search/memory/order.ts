import type { SupplierQuery } from '../engine.js';
import type { Bitset } from './bitset.js';
import type { MemoryIndex } from './index.js';

export interface Ordering {
  ix: MemoryIndex;
  q: SupplierQuery;
  /** Relevance per slot for text queries; null for a browse. */
  scores: Float64Array | null;
  /** Distance from the query point (NaN when unknown). */
  dist: (slot: number) => number;
  tkdnMax: Float64Array;
}

type Compare = (a: number, b: number) => number;

/**
 * The full order of a sort. Ties are broken exactly as the SQL path does (name_norm in "C"
 * collation, then id), so both paths list the same suppliers in the same order.
 */
export function comparator(o: Ordering): Compare {
  const { ix } = o;
  const [key] = sortKeys(o);
  const rank = ix.names.ranks();
  const byName: Compare = (a, b) => rank[a]! - rank[b]!;
  const byId: Compare = (a, b) => ix.ids.compare(a, b);
  const verified = (s: number) => (ix.verified[s >>> 5]! >>> (s & 31)) & 1;
  const primary: Compare = (a, b) => key(a) - key(b);
  switch (o.q.sort) {
    case 'name':
      return byName;
    case 'recent':
      return (a, b) => primary(a, b) || byId(a, b);
    case 'tkdn':
    case 'distance':
      return (a, b) => primary(a, b) || byName(a, b);
    default:
      if (o.scores) return (a, b) => primary(a, b) || verified(b) - verified(a) || byName(a, b);
      return (a, b) => verified(b) - verified(a) || ix.updated[b]! - ix.updated[a]! || byId(a, b);
  }
}

/** Microseconds since 2000-01-01 stay below 1e15 until 2031; keys add 1e15 for verified. */
const EPOCH_2000_US = 946_684_800_000_000;
const VERIFIED_BOOST = 1e15;

/**
 * Two numbers per slot that order like the sort's first criteria (smaller first). The scan over
 * tens of thousands of matches compares numbers and calls the full comparator only on a tie of both.
 */
function sortKeys(o: Ordering): [(slot: number) => number, (slot: number) => number] {
  const { ix } = o;
  const orInf = (x: number) => (Number.isNaN(x) ? Number.POSITIVE_INFINITY : x);
  const verified = (s: number) => (ix.verified[s >>> 5]! >>> (s & 31)) & 1;
  const rank = ix.names.ranks();
  const name = (s: number) => rank[s]!;
  const id = (s: number) => ix.idKey[s]!;
  switch (o.q.sort) {
    case 'name':
      return [name, () => 0];
    case 'recent':
      return [(s) => -ix.updated[s]!, id];
    case 'tkdn':
      return [(s) => orInf(-o.tkdnMax[s]!), name];
    case 'distance':
      return [(s) => orInf(o.dist(s)), name];
    default: {
      const scores = o.scores;
      if (scores) return [(s) => -scores[s]!, (s) => (1 - verified(s)) * VERIFIED_BOOST + name(s)];
      return [(s) => -(verified(s) * VERIFIED_BOOST + (ix.updated[s]! - EPOCH_2000_US)), id];
    }
  }
}

/** The first `k` set bits of `all` in sort order: a bounded max-heap, O(n log k). */
export function topSlots(all: Bitset, k: number, o: Ordering): number[] {
  if (k <= 0) return [];
  const cmp = comparator(o);
  const [key, key2] = sortKeys(o);
  const heap: number[] = [];
  const heapKey: number[] = [];
  const heapKey2: number[] = [];
  const worse = (i: number, j: number) =>
    heapKey[i]! > heapKey[j]! ||
    (heapKey[i] === heapKey[j] &&
      (heapKey2[i]! > heapKey2[j]! || (heapKey2[i] === heapKey2[j] && cmp(heap[i]!, heap[j]!) > 0)));
  const swap = (i: number, j: number) => {
    [heap[i], heap[j]] = [heap[j]!, heap[i]!];
    [heapKey[i], heapKey[j]] = [heapKey[j]!, heapKey[i]!];
    [heapKey2[i], heapKey2[j]] = [heapKey2[j]!, heapKey2[i]!];
  };
  for (let w = 0; w < all.length; w++) {
    let x = all[w]!;
    while (x !== 0) {
      const t = x & -x;
      const s = (w << 5) + 31 - Math.clz32(t);
      x ^= t;
      const ks = key(s);
      if (heap.length < k) {
        heap.push(s);
        heapKey.push(ks);
        heapKey2.push(key2(s));
        let i = heap.length - 1;
        while (i > 0) {
          const p = (i - 1) >> 1;
          if (!worse(i, p)) break;
          swap(i, p);
          i = p;
        }
        continue;
      }
      const top = heapKey[0]!;
      if (ks > top) continue;
      const ks2 = key2(s);
      if (ks === top && (ks2 > heapKey2[0]! || (ks2 === heapKey2[0] && cmp(s, heap[0]!) >= 0))) continue;
      heap[0] = s;
      heapKey[0] = ks;
      heapKey2[0] = ks2;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && worse(l, m)) m = l;
        if (r < heap.length && worse(r, m)) m = r;
        if (m === i) break;
        swap(i, m);
        i = m;
      }
    }
  }
  return heap.sort(cmp);
}
