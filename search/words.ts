import type { WordInfo, WordSource } from './analyze.js';

/**
 * Remembers word lookups for a minute: the same words come back in every keystroke of an
 * active search, and a slightly stale list of near-misses only changes which typos are forgiven.
 */
export function cachedWordSource(inner: WordSource, opts: { ttlMs?: number; max?: number } = {}): WordSource {
  const ttl = opts.ttlMs ?? 60_000;
  const max = opts.max ?? 5000;
  const cache = new Map<string, { at: number; info: WordInfo }>();
  return {
    async describe(words, fuzzy) {
      const now = Date.now();
      const fuzzySet = new Set(fuzzy);
      const key = (w: string) => `${fuzzySet.has(w) ? 'f' : 'e'}:${w}`;
      const out = new Map<string, WordInfo>();
      const missing: string[] = [];
      for (const w of words) {
        const hit = cache.get(key(w));
        if (hit && now - hit.at < ttl) out.set(w, hit.info);
        else missing.push(w);
      }
      if (missing.length) {
        const fetched = await inner.describe(
          missing,
          missing.filter((w) => fuzzySet.has(w)),
        );
        for (const [w, info] of fetched) {
          out.set(w, info);
          cache.delete(key(w));
          cache.set(key(w), { at: now, info });
        }
        while (cache.size > max) cache.delete(cache.keys().next().value!);
      }
      return out;
    },
  };
}
