import { type Bitset, createBitset, setBit } from './bitset.js';
import type { MemoryIndex } from './index.js';
import { keptPerVersion } from './kept.js';

/**
 * What depends on today's date: which certificates are valid and each supplier's best valid
 * TKDN. Computed per (day, index version), so an expired certificate stops counting at
 * midnight WIB without any write, and a write is reflected at once.
 */
export interface DayView {
  day: number;
  version: number;
  /** Certificate type → slots holding it, valid today. */
  certValid: Map<string, Bitset>;
  /** Highest valid TKDN % per slot (NaN: none). */
  tkdnMax: Float64Array;
}

const views = new WeakMap<MemoryIndex, DayView>();

/** The view for `day`, recomputed when the day or the index changed (a few milliseconds at 100k). */
export function dayView(ix: MemoryIndex, day: number): DayView {
  const cached = views.get(ix);
  if (cached && cached.day === day && cached.version === ix.version) return cached;
  const certValid = new Map<string, Bitset>();
  for (const [type, col] of ix.certUntil) {
    const b = createBitset(ix.capacity);
    for (let s = 0; s < ix.size; s++) if (col[s]! >= day) setBit(b, s);
    certValid.set(type, b);
  }
  const tkdnMax = new Float64Array(ix.capacity).fill(Number.NaN);
  for (const [slot, pairs] of ix.tkdn) {
    let best = Number.NaN;
    for (let i = 0; i < pairs.length; i += 2)
      if (pairs[i + 1]! >= day && !(pairs[i]! <= best)) best = pairs[i]!;
    tkdnMax[slot] = best;
  }
  const view = { day, version: ix.version, certValid, tkdnMax };
  views.set(ix, view);
  return view;
}

/** Range filters kept per index version (a few distinct bounds are in use at any time). */
const ranges = keptPerVersion<Bitset>(16);

/**
 * The slots for which `keep(slot)` holds, under `key` (which must name everything `keep` reads
 * besides the index). Kept until the index changes: a size band or TKDN floor asked again costs
 * one AND instead of a check per matching supplier (a broad word matches a third of a million).
 */
export function rangeBits(ix: MemoryIndex, key: string, keep: (slot: number) => boolean): Bitset {
  const hit = ranges.get(ix, key);
  if (hit) return hit;
  const b = createBitset(ix.capacity);
  for (let s = 0; s < ix.size; s++) if (keep(s)) setBit(b, s);
  ranges.set(ix, key, b);
  return b;
}
