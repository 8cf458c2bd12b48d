export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  pick<T>(items: readonly T[]): T;
  pickSome<T>(items: readonly T[], n: number): T[];
  pickWeighted<T>(items: readonly T[], weights: readonly number[]): T;
  int(min: number, max: number): number;
  float(min: number, max: number): number;
  chance(p: number): boolean;
  gaussianish(mean: number, spread: number): number;
}

/**
 * Seeded PRNG (mulberry32) so that demo and synthetic data come out identical on every machine and run,
 * which keeps seeds, snapshots and benchmarks comparable.
 */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(next() * items.length)] as T;
  };
  const pickSome = <T>(items: readonly T[], n: number): T[] => {
    const pool = items.slice();
    const count = Math.min(n, pool.length);
    for (let i = 0; i < count; i++) {
      const j = i + Math.floor(next() * (pool.length - i));
      const tmp = pool[i] as T;
      pool[i] = pool[j] as T;
      pool[j] = tmp;
    }
    return pool.slice(0, count);
  };
  const pickWeighted = <T>(items: readonly T[], weights: readonly number[]): T => {
    let total = 0;
    for (const w of weights) total += w;
    let r = next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) return items[i] as T;
    }
    return items[items.length - 1] as T;
  };
  return {
    next,
    pick,
    pickSome,
    pickWeighted,
    int,
    float: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    // Sum of three uniforms: bell-shaped, bounded to mean ± 1.5 spread, no tails to clamp.
    gaussianish: (mean, spread) => mean + (next() + next() + next() - 1.5) * spread,
  };
}

/** Derives a stable 32-bit seed from a label, so each generator gets its own independent stream. */
export function seedFromString(label: string): number {
  let h = 2166136261;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}
