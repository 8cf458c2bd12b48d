import { emptyQuery, type SearchEngine, type SupplierQuery } from '../../search/engine.js';
import { matchPhrases, type SynonymTable, tokenize } from '../../search/synonyms.js';
import { LoadCache } from '../cache.js';
import { TEXT_FLOOR, TEXT_PROBES, TEXT_WINDOW } from './weights.js';

/** Taxonomy kinds whose phrases make good probes, most telling first (sectors and certificates are too broad). */
const PROBE_KINDS = ['product', 'equipment', 'product_category', 'process', 'material'];

/**
 * The key phrases of a need's title and description: taxonomy phrases (in either language, so
 * "bubut" and "turning" are one probe), products first, at most TEXT_PROBES of them. Without any,
 * the title's longer words form a single probe. The search engine ANDs a query's words, so each
 * phrase is asked on its own rather than the whole description at once.
 */
export function textProbes(texts: readonly (string | null)[], table: SynonymTable): string[] {
  const found: { phrase: string; key: string; rank: number; pos: number }[] = [];
  let pos = 0;
  for (const text of texts) {
    if (!text) continue;
    for (const m of matchPhrases(tokenize(text), table)) {
      pos++;
      const kinds = m.terms.map((k) => PROBE_KINDS.indexOf(k.split(':')[0]!)).filter((r) => r >= 0);
      if (kinds.length === 0) continue;
      found.push({ phrase: m.phrase, key: [...m.terms].sort().join('|'), rank: Math.min(...kinds), pos });
    }
  }
  const seen = new Set<string>();
  const probes: string[] = [];
  for (const f of found.sort((a, b) => a.rank - b.rank || a.pos - b.pos)) {
    if (seen.has(f.key)) continue;
    seen.add(f.key);
    probes.push(f.phrase);
    if (probes.length === TEXT_PROBES) break;
  }
  if (probes.length) return probes;
  const title = texts.find((t) => t?.trim());
  const words = tokenize(title ?? '').filter((w) => w.length >= 4 && !/^\d+$/.test(w));
  return words.length ? [words.slice(0, 3).join(' ')] : [];
}

/** The filters every probe shares: the need's hard constraints the engine can apply exactly. */
export type ProbeScope = Pick<SupplierQuery, 'point' | 'radiusKm' | 'tkdnMin' | 'today'> & {
  requiredCerts: readonly string[];
};

/** A minute of relevance per engine, probes and scope; a soft signal may be that stale. */
const cache = new LoadCache<string, Map<string, number>>({ max: 500, ttlMs: 60_000 });

/**
 * Supplier id → text relevance in [0, 1]: for each probe, the engine's hits (ranked among the
 * suppliers that meet the need's radius, TKDN and single required certificate) score from 1 at
 * the top down to TEXT_FLOOR at the end of the window; a supplier's relevance is the mean over
 * probes, so one that fits every key phrase beats one that fits a single one. Results are
 * cached for a minute: this is a soft signal, never a hard constraint.
 */
export function textRelevance(
  engine: SearchEngine,
  probes: readonly string[],
  scope: ProbeScope,
): Promise<Map<string, number>> {
  if (probes.length === 0) return Promise.resolve(new Map());
  return cache.get(JSON.stringify([engine.name, probes, scope]), () => compute(engine, probes, scope));
}

async function compute(engine: SearchEngine, probes: readonly string[], scope: ProbeScope) {
  const base = emptyQuery({
    perPage: TEXT_WINDOW,
    sort: 'relevance',
    statuses: ['verified', 'submitted'],
    today: scope.today,
    point: scope.point,
    radiusKm: scope.point ? scope.radiusKm : null,
    tkdnMin: scope.tkdnMin,
  });
  if (scope.requiredCerts.length === 1) base.filters.certifications = [...scope.requiredCerts];
  const results = await Promise.all(probes.map((q) => engine.search({ ...base, q })));
  const out = new Map<string, number>();
  for (const r of results) {
    const last = Math.max(1, r.hits.length - 1);
    r.hits.forEach((h, i) => {
      const s = 1 - ((1 - TEXT_FLOOR) * i) / last;
      out.set(h.id, (out.get(h.id) ?? 0) + s / probes.length);
    });
  }
  return out;
}

/** Forgets cached relevance (tests that rewrite supplier texts). */
export function clearTextCache(): void {
  cache.clear();
}
