/** The taxonomy's parent links, enough to say which stored slugs satisfy a needed one. */
export interface TermTree {
  /** The slug itself and every more specific term below it (same kind). */
  coveringSlugs(kind: string, slug: string): readonly string[];
}

export interface TermLink {
  kind: string;
  slug: string;
  parentSlug: string | null;
}

/**
 * Builds the tree once per taxonomy load. A supplier that masters a narrower process ("CNC turning")
 * can do the broader one a need asks for ("turning"); the reverse is not assumed.
 */
export function buildTermTree(terms: readonly TermLink[]): TermTree {
  const children = new Map<string, string[]>();
  for (const t of terms) {
    if (!t.parentSlug) continue;
    const key = `${t.kind}:${t.parentSlug}`;
    children.set(key, [...(children.get(key) ?? []), t.slug]);
  }
  const cache = new Map<string, string[]>();
  const covering = (kind: string, slug: string): string[] => {
    const key = `${kind}:${slug}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const out = [slug];
    const seen = new Set(out);
    for (let i = 0; i < out.length; i++)
      for (const c of children.get(`${kind}:${out[i]}`) ?? [])
        if (!seen.has(c)) {
          seen.add(c);
          out.push(c);
        }
    cache.set(key, out);
    return out;
  };
  return { coveringSlugs: covering };
}
