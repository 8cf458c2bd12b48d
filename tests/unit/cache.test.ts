import { describe, expect, it } from 'vitest';
import { Cache, LoadCache, perHandle } from '../../src/cache.js';

/** A hand-driven clock: time moves only when the test says so. */
function clock(start = 1_000) {
  let t = start;
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

describe('Cache', () => {
  it('keeps an entry for its TTL, then reads it as absent', () => {
    const c = clock();
    const cache = new Cache<string, string>({ max: 10, ttlMs: 1_000, now: c.now });
    cache.set('a', 'one');
    c.advance(1_000);
    expect(cache.get('a')).toBe('one');
    c.advance(1);
    expect(cache.get('a')).toBeUndefined();
  });

  it('does not extend an entry’s life when it is read', () => {
    const c = clock();
    const cache = new Cache<string, string>({ max: 10, ttlMs: 1_000, now: c.now });
    cache.set('a', 'one');
    c.advance(600);
    expect(cache.get('a')).toBe('one');
    c.advance(600);
    expect(cache.get('a')).toBeUndefined();
  });

  it('evicts the least recently used entry beyond max', () => {
    const cache = new Cache<string, number>({ max: 2 });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect(cache.get('a')).toBe(1);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('bounds by total size and never keeps an entry larger than the bound', () => {
    const cache = new Cache<string, { cells: number }>({ maxSize: 100, sizeOf: (v) => v.cells });
    cache.set('a', { cells: 60 });
    cache.set('b', { cells: 30 });
    cache.set('c', { cells: 20 });
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')?.cells).toBe(30);
    cache.set('huge', { cells: 101 });
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.get('c')?.cells).toBe(20);
  });

  it('refuses to be unbounded', () => {
    expect(() => new Cache({ ttlMs: 1_000 })).toThrow(TypeError);
  });
});

describe('LoadCache', () => {
  it('shares one load among concurrent callers and loads again once expired', async () => {
    const c = clock();
    const cache = new LoadCache<string, number>({ max: 5, ttlMs: 10_000, now: c.now });
    let loads = 0;
    const load = async () => ++loads;
    const [x, y] = await Promise.all([cache.get('k', load), cache.get('k', load)]);
    expect([x, y, loads]).toEqual([1, 1, 1]);
    c.advance(10_001);
    expect(await cache.get('k', load)).toBe(2);
  });

  it('forgets a failed load, so the next caller tries again', async () => {
    const cache = new LoadCache<string, number>({ max: 5, ttlMs: 10_000 });
    await expect(cache.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('k', async () => 7)).toBe(7);
  });

  it('loads again after delete, and keeps a value put in hand', async () => {
    const cache = new LoadCache<string, number>({ max: 5 });
    expect(await cache.get('k', async () => 1)).toBe(1);
    cache.delete('k');
    expect(await cache.get('k', async () => 2)).toBe(2);
    cache.put('p', 9);
    expect(await cache.get('p', async () => 0)).toBe(9);
  });
});

describe('perHandle', () => {
  it('gives each owner its own value and the same one on every call', () => {
    const of = perHandle<object, Cache<string, number>>(() => new Cache({ max: 3 }));
    const a = {};
    const b = {};
    of(a).set('x', 1);
    expect(of(a).get('x')).toBe(1);
    expect(of(b).get('x')).toBeUndefined();
  });
});
