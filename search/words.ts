import { Cache } from '../src/cache.js';
import type { WordInfo, WordSource } from './analyze.js';

/**
 * Remembers word lookups for a minute: the same words come back in every keystroke of an
 * active search, and a slightly stale list of near-misses only changes which typos are forgiven.
 */
export function cachedWordSource(inner: WordSource, opts: { ttlMs?: number; max?: number } = {}): WordSource {
  const cache = new Cache<string, WordInfo>({ max: opts.max ?? 5000, ttlMs: opts.ttlMs ?? 60_000 });
  return {
    async describe(words, fuzzy) {
      const fuzzySet = new Set(fuzzy);
      const key = (w: string) => `${fuzzySet.has(w) ? 'f' : 'e'}:${w}`;
      const out = new Map<string, WordInfo>();
      const missing: string[] = [];
      for (const w of words) {
        const hit = cache.get(key(w));
        if (hit) out.set(w, hit);
        else missing.push(w);
      }
      if (missing.length) {
        const fetched = await inner.describe(
          missing,
          missing.filter((w) => fuzzySet.has(w)),
        );
        for (const [w, info] of fetched) {
          out.set(w, info);
          cache.set(key(w), info);
        }
      }
      return out;
    },
  };
}
