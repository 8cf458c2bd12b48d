import { LRUCache } from 'lru-cache';

/**
 * The one in-process cache of the app (over `lru-cache`). Every cache here is bounded, by entries
 * or by a size, and most also by age: a cache is a shortcut for data that some other instance,
 * admin or job may change, so a stale answer must end on its own. Modules keep a cache only for
 * data that is read far more often than it changes (taxonomy, word lookups, parsed uploads).
 */
export interface CacheOptions<V> {
  /** Most entries kept; the least recently used go first. */
  max?: number;
  /** Age after which an entry is read again (omitted: entries live until evicted). */
  ttlMs?: number;
  /** Bound by a total size instead of (or as well as) a count; an entry larger than this is not kept. */
  maxSize?: number;
  /** The size of one entry when `maxSize` is set. */
  sizeOf?: (value: V) => number;
  /** Milliseconds clock, injected by tests; defaults to `performance.now`. */
  now?: () => number;
}

/** A bounded cache whose entries also expire by age; `remember` shares one load among concurrent callers. */
export class Cache<K extends {}, V extends {}> {
  private readonly lru: LRUCache<K, V>;

  constructor(opts: CacheOptions<V>) {
    const { max, ttlMs, maxSize, sizeOf, now } = opts;
    if (!max && !maxSize) throw new TypeError('a cache needs max or maxSize');
    // The checks above make this one of lru-cache's bounded option shapes (max or maxSize).
    const options = {
      ...(max ? { max } : {}),
      ...(ttlMs ? { ttl: ttlMs } : {}),
      ...(maxSize ? { maxSize, sizeCalculation: sizeOf ? (v: V) => Math.max(1, sizeOf(v)) : () => 1 } : {}),
      // With an injected clock, read it on every check rather than lru-cache's 1 ms memo of "now".
      ...(now ? { perf: { now }, ttlResolution: 0 } : {}),
    } as LRUCache.Options<K, V, unknown>;
    this.lru = new LRUCache<K, V>(options);
  }

  /** The live entry, or undefined when absent or expired; a hit counts as recent use. */
  get(key: K): V | undefined {
    return this.lru.get(key);
  }

  set(key: K, value: V): void {
    this.lru.set(key, value);
  }

  delete(key: K): void {
    this.lru.delete(key);
  }

  clear(): void {
    this.lru.clear();
  }

  get size(): number {
    return this.lru.size;
  }
}

/**
 * A cache of pending or settled loads: callers asking for the same key at once share one load,
 * and a load that fails is forgotten at once, so the next caller tries again instead of
 * receiving the same error until it expires.
 */
export class LoadCache<K extends {}, V> {
  private readonly cache: Cache<K, Promise<V>>;

  constructor(opts: Omit<CacheOptions<Promise<V>>, 'sizeOf'>) {
    this.cache = new Cache(opts);
  }

  /** The cached load of `key`, else `load()` remembered under it. */
  get(key: K, load: () => Promise<V>): Promise<V> {
    const hit = this.cache.get(key);
    if (hit) return hit;
    const value = load();
    this.cache.set(key, value);
    value.catch(() => {
      if (this.cache.get(key) === value) this.cache.delete(key);
    });
    return value;
  }

  /** Keeps a value already in hand (a sheet just parsed from an upload, say). */
  put(key: K, value: V): void {
    this.cache.set(key, Promise.resolve(value));
  }

  delete(key: K): void {
    this.cache.delete(key);
  }

  clear(): void {
    this.cache.clear();
  }
}

/**
 * One value per owner object, typically per database handle, so that two databases in one
 * process (tests, the CLI) never see each other's entries. Held weakly: a closed handle's
 * caches go with it.
 */
export function perHandle<H extends object, C>(make: () => C): (handle: H) => C {
  const byHandle = new WeakMap<H, C>();
  return (handle) => {
    let c = byHandle.get(handle);
    if (!c) {
      c = make();
      byHandle.set(handle, c);
    }
    return c;
  };
}
