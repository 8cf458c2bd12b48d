import { distanceKm } from '../../search/engine.js';
import type { CandidateSource } from './fact-store.js';
import { STATUS_CODES } from './hard-columns.js';
import { distanceDecay, roundScore } from './soft-score.js';
import type { CompiledNeed } from './types.js';
import { WEIGHTS } from './weights.js';

/**
 * For a need that names nothing (every supplier covers it fully, so the score alone orders
 * them): the highest score a slot could reach, from the typed columns. Distance and "verified"
 * are read; preferred certificates, capacity and track record are assumed perfect. Optional
 * components (capacity, track record) are counted as applying with value 1: adding a 1 to a
 * weighted mean never lowers it. A sea crossing only lowers the distance component. Scores are
 * rounded the same way, so a slot whose ceiling is below the weakest kept score cannot enter.
 * Null when the need names processes, materials or text, or without columns.
 */
export function scoreCeiling(
  src: CandidateSource,
  n: CompiledNeed,
): ((s: number, km: number) => number) | null {
  const cols = src.columns;
  const c = n.criteria;
  if (!cols || n.gated) return null;
  const w = WEIGHTS;
  const verified = STATUS_CODES.indexOf('verified') + 1;
  let fixed = c.preferredCerts.length ? w.preferred : 0;
  if (n.demand) fixed += w.capacity;
  if (w.trackRecord > 0) fixed += w.trackRecord;
  const den = fixed + w.verified + (c.point ? w.distance : 0);
  const p = c.point;
  const at = { lat: 0, lon: 0 };
  // `km`: the slot's distance when the caller already has it (NaN otherwise).
  return (s, km) => {
    let num = fixed + (cols.status[s] === verified ? w.verified : 0);
    if (p) {
      at.lat = cols.lat[s]!;
      at.lon = cols.lon[s]!;
      if (!Number.isNaN(at.lat)) num += w.distance * distanceDecay(Number.isNaN(km) ? distanceKm(p, at) : km);
    }
    // A hair above, so floating-point order of additions can never round the real score higher.
    return roundScore((100 * num) / den + 1e-6);
  };
}
