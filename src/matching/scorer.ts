import { distanceKm, type GeoPoint } from '../../search/engine.js';
import { needMonthly } from './capacity.js';
import { bestTkdn, certState, hasValidCert } from './certificates.js';
import { MAX_TERMS, maskOf } from './masks.js';
import { softScore } from './soft-score.js';
import type { TermTree } from './term-tree.js';
import {
  type CompiledNeed,
  type Criterion,
  EXCLUDED,
  type Fact,
  IRRELEVANT,
  type NeedCriteria,
  type Signals,
  type SupplierFacts,
  type SupplierStatus,
} from './types.js';

/** The supplier's status is not one the viewer may see matched (drafts, rejected, suspended, …). */
export const HIDDEN = -3;

function coverMap(
  kind: string,
  slugs: readonly string[],
  tree: TermTree,
  intern: (s: string) => string,
): Map<string, number> {
  const out = new Map<string, number>();
  slugs.slice(0, MAX_TERMS).forEach((slug, i) => {
    for (const s of tree.coveringSlugs(kind, slug)) {
      const k = intern(s);
      out.set(k, (out.get(k) ?? 0) | (1 << i));
    }
  });
  return out;
}

/**
 * Prepares a need for scoring. `statuses` are the supplier statuses the viewer may see matched
 * (verified for buyers and suppliers; verified and submitted for facilitators). `intern` maps
 * strings to the objects the supplier facts use (see CandidateIndex.intern), purely for speed.
 */
export function compileNeed(
  c: NeedCriteria,
  tree: TermTree,
  statuses: readonly SupplierStatus[],
  intern: (s: string) => string = (s) => s,
): CompiledNeed {
  return {
    criteria: c,
    statuses: new Set(statuses.map(intern) as SupplierStatus[]),
    processCover: coverMap('process', c.processes, tree, intern),
    materialCover: coverMap('material', c.materials, tree, intern),
    demand: needMonthly(c.quantity, c.unit, c.frequency),
    latSlack: c.maxDistanceKm === null ? Number.POSITIVE_INFINITY : c.maxDistanceKm / 110.5 + 0.01,
    gated: c.processes.length > 0 || c.materials.length > 0 || c.hasText,
  };
}

function distanceOf(point: GeoPoint | null, s: SupplierFacts): number | null {
  if (!point || s.lat === null || s.lon === null) return null;
  return distanceKm(point, { lat: s.lat, lon: s.lon });
}

/**
 * Scores one supplier for one need: the score (0–100), or HIDDEN / IRRELEVANT / EXCLUDED.
 * With `out`, every criterion is evaluated and appended (the "why not" list); without it the
 * function stops at the first failure, which is what ranking 100,000 suppliers needs. Both
 * modes run the same code, so the list and the ranking cannot disagree. `seen.km` receives the
 * distance of a supplier that got as far as scoring (the ranking's tie-break).
 *
 * `hardOnly` (fast path only) stops after the hard constraints and answers 0 for a supplier that
 * passes them: ranking uses it for suppliers that can no longer enter the shown list but must
 * still be counted. The soft score is never negative (every component and weight is ≥ 0), so 0
 * counts exactly as the real score would, but only while the minimum score is ≤ 0.
 */
export function assess(
  n: CompiledNeed,
  s: SupplierFacts,
  sig: Signals,
  today: string,
  out?: Criterion[],
  seen?: { km: number | null },
  hardOnly = false,
): number {
  const c = n.criteria;
  const explain = out !== undefined;

  const visible = n.statuses.has(s.status);
  if (out) pushHard(out, { code: 'status', status: s.status }, visible);
  else if (!visible) return HIDDEN;

  const pMask = c.processes.length ? maskOf(n.processCover, s.processes) : 0;
  const mMask = c.materials.length ? maskOf(n.materialCover, s.materials) : 0;
  // A need that names processes or materials is answered only by suppliers offering one of them;
  // a fitting description alone no longer makes a supplier of something else a match.
  const named = c.processes.length > 0 || c.materials.length > 0;
  const relevant = !n.gated || pMask !== 0 || mMask !== 0 || (!named && sig.text > 0);
  if (out) pushHard(out, { code: 'relevance', named }, relevant);
  else if (!relevant) return IRRELEVANT;

  let excluded = false;
  for (const cert of c.requiredCerts) {
    if (!out) {
      if (!hasValidCert(s, cert, today)) return EXCLUDED;
      continue;
    }
    const [state, until] = certState(s, cert, today);
    pushHard(out, { code: 'cert_required', cert, state, until }, state === 'valid');
    if (state !== 'valid') excluded = true;
  }
  if (c.minTkdn !== null) {
    const best = bestTkdn(s, today);
    const pass = best !== null && best >= c.minTkdn;
    if (out) pushHard(out, { code: 'tkdn', best, min: c.minTkdn }, pass);
    if (!pass) {
      if (!explain) return EXCLUDED;
      excluded = true;
    }
  }
  let km: number | null | undefined;
  if (c.maxDistanceKm !== null && c.point) {
    if (!explain && (s.lat === null || Math.abs(s.lat - c.point.lat) > n.latSlack)) return EXCLUDED;
    km = distanceOf(c.point, s);
    const pass = km !== null && km <= c.maxDistanceKm;
    if (out) pushHard(out, { code: 'max_distance', km, max: c.maxDistanceKm, place: c.placeName }, pass);
    if (!pass) {
      if (!explain) return EXCLUDED;
      excluded = true;
    }
  }
  if (hardOnly && !explain) return 0;
  if (km === undefined) km = distanceOf(c.point, s);
  if (seen) seen.km = km;

  const score = softScore(n, s, sig, today, pMask, mMask, km, out);
  if (!visible) return HIDDEN;
  if (!relevant) return IRRELEVANT;
  return excluded ? EXCLUDED : score;
}

function pushHard(out: Criterion[], fact: Fact, pass: boolean): void {
  out.push({ ...fact, hard: true, pass, weight: 0, points: 0, applies: true });
}
