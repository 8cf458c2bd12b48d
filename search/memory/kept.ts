import type { MemoryIndex } from './index.js';

/**
 * What one index version lets a query reuse: an answer kept here holds until the next change to
 * the index (any apply or compaction bumps its version), so it can never be stale. Bounded by a
 * cost (entries, or bytes), least recently used out.
 */
export interface Kept<V> {
  get(ix: MemoryIndex, key: string): V | undefined;
  set(ix: MemoryIndex, key: string, value: V, cost?: number): void;
}

export function keptPerVersion<V>(maxCost: number): Kept<V> {
  type Entry = { value: V; cost: number };
  const caches = new WeakMap<MemoryIndex, { version: number; entries: Map<string, Entry>; cost: number }>();
  const current = (ix: MemoryIndex) => {
    let cache = caches.get(ix);
    if (!cache || cache.version !== ix.version) {
      cache = { version: ix.version, entries: new Map(), cost: 0 };
      caches.set(ix, cache);
    }
    return cache;
  };
  return {
    get(ix, key) {
      const cache = current(ix);
      const hit = cache.entries.get(key);
      if (!hit) return undefined;
      // Most recently used last.
      cache.entries.delete(key);
      cache.entries.set(key, hit);
      return hit.value;
    },
    set(ix, key, value, cost = 1) {
      if (cost > maxCost) return;
      const cache = current(ix);
      const old = cache.entries.get(key);
      if (old) {
        cache.entries.delete(key);
        cache.cost -= old.cost;
      }
      for (const [k, e] of cache.entries) {
        if (cache.cost + cost <= maxCost) break;
        cache.entries.delete(k);
        cache.cost -= e.cost;
      }
      cache.entries.set(key, { value, cost });
      cache.cost += cost;
    },
  };
}
