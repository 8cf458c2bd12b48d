/** Bitmasks over a need's terms (at most MAX_TERMS), shared by the ranking pass and the explanation. */

/** Terms of one kind a need can ask for; each gets one bit of a 32-bit mask. */
export const MAX_TERMS = 30;

/** Number of set bits: how many of the need's terms a supplier covers. */
export function popcount(x: number): number {
  let n = 0;
  for (let v = x; v !== 0; v &= v - 1) n++;
  return n;
}

/** The need's terms a supplier's slugs cover, as bits (cover: stored slug → bits it satisfies). */
export function maskOf(cover: ReadonlyMap<string, number>, slugs: readonly string[]): number {
  let m = 0;
  for (const s of slugs) m |= cover.get(s) ?? 0;
  return m;
}

/** The need's terms split into covered and missing by a mask. */
export function split(slugs: readonly string[], mask: number): [string[], string[]] {
  const yes: string[] = [];
  const no: string[] = [];
  slugs.slice(0, MAX_TERMS).forEach((s, i) => {
    (mask & (1 << i) ? yes : no).push(s);
  });
  return [yes, no];
}
