import { crossesSea } from '../geo/islands.js';
import { supplierMonthly } from './capacity.js';
import { certState, hasValidCert } from './certificates.js';
import { MAX_TERMS, popcount, split } from './masks.js';
import type { CompiledNeed, Criterion, Fact, Signals, SupplierFacts } from './types.js';
import { type Component, DISTANCE_HALF_LIFE_KM, SEA_CROSSING_KM, WEIGHTS } from './weights.js';

/** 0.5^(km / half-life): the distance component. */
export function distanceDecay(km: number | null): number {
  return km === null ? 0 : 0.5 ** (km / DISTANCE_HALF_LIFE_KM);
}

/** True when the need's delivery point and the supplier are on different islands. */
export function crossingOf(n: CompiledNeed, s: SupplierFacts): boolean {
  return !!n.criteria.point && crossesSea(s.regencyCode ?? null, n.criteria.pointRegency ?? null);
}

/** The distance the score uses: the straight line, plus SEA_CROSSING_KM across a strait. */
export function scoredKm(km: number | null, crossing: boolean): number | null {
  return km === null ? null : crossing ? km + SEA_CROSSING_KM : km;
}

/** Scores are shown with one decimal; ordering uses the same rounded value. */
export const roundScore = (x: number) => Math.round(x * 10) / 10;

/** Component values in a fixed order; `applies` false drops a component from both sums. */
type Values = Record<Component, [applies: boolean, value: number]>;

/**
 * The weighted sum over the components that apply (see weights.ts); appends the soft criteria
 * when explaining. Both paths add in the same order, so they round to the same score.
 */
export function softScore(
  n: CompiledNeed,
  s: SupplierFacts,
  sig: Signals,
  today: string,
  pMask: number,
  mMask: number,
  km: number | null,
  out?: Criterion[],
): number {
  const c = n.criteria;
  const crossing = crossingOf(n, s);
  const effKm = scoredKm(km, crossing);
  const supply = n.demand ? supplierMonthly(s.capacityAmount, s.capacityUnit) : null;
  const comparable = !!(n.demand && supply && supply.base === n.demand.base && n.demand.amount > 0);
  const fit = comparable ? Math.min(1, supply!.amount / n.demand!.amount) : 0;
  let held = 0;
  for (const cert of c.preferredCerts) if (hasValidCert(s, cert, today)) held++;
  const nP = Math.min(c.processes.length, MAX_TERMS);
  const nM = Math.min(c.materials.length, MAX_TERMS);
  if (!out) {
    const w = WEIGHTS;
    // Same order of additions as the explained path below, so both round to the same score.
    let num = 0;
    let den = 0;
    if (nP) {
      num += w.processes * (popcount(pMask) / nP);
      den += w.processes;
    }
    if (nM) {
      num += w.materials * (popcount(mMask) / nM);
      den += w.materials;
    }
    if (c.hasText) {
      num += w.text * sig.text;
      den += w.text;
    }
    if (c.point) {
      num += w.distance * distanceDecay(effKm);
      den += w.distance;
    }
    if (c.preferredCerts.length) {
      num += w.preferred * (held / c.preferredCerts.length);
      den += w.preferred;
    }
    if (comparable) {
      num += w.capacity * fit;
      den += w.capacity;
    }
    num += w.verified * (s.status === 'verified' ? 1 : 0);
    den += w.verified;
    if (w.trackRecord > 0 && sig.trackRecord !== null) {
      num += w.trackRecord * sig.trackRecord;
      den += w.trackRecord;
    }
    return den > 0 ? roundScore((100 * num) / den) : 0;
  }
  const v: Values = {
    processes: [nP > 0, nP ? popcount(pMask) / nP : 0],
    materials: [nM > 0, nM ? popcount(mMask) / nM : 0],
    text: [c.hasText, sig.text],
    distance: [c.point !== null, distanceDecay(effKm)],
    preferred: [c.preferredCerts.length > 0, c.preferredCerts.length ? held / c.preferredCerts.length : 0],
    capacity: [comparable, fit],
    verified: [true, s.status === 'verified' ? 1 : 0],
    trackRecord: [WEIGHTS.trackRecord > 0 && sig.trackRecord !== null, sig.trackRecord ?? 0],
  };
  let num = 0;
  let den = 0;
  for (const k in v) {
    const [applies, value] = v[k as Component];
    if (!applies) continue;
    num += WEIGHTS[k as Component] * value;
    den += WEIGHTS[k as Component];
  }
  if (out) {
    const facts: Record<Component, () => Fact> = {
      processes: () => {
        const [covered, missing] = split(c.processes, pMask);
        return { code: 'processes', covered, missing };
      },
      materials: () => {
        const [covered, missing] = split(c.materials, mMask);
        return { code: 'materials', covered, missing };
      },
      text: () => ({ code: 'text', relevance: sig.text }),
      distance: () => ({ code: 'distance', km, place: c.placeName, crossing }),
      preferred: () => {
        const valid = c.preferredCerts.filter((p) => certState(s, p, today)[0] === 'valid');
        return {
          code: 'cert_preferred',
          held: valid,
          missing: c.preferredCerts.filter((p) => !valid.includes(p)),
        };
      },
      capacity: () => ({
        code: 'capacity',
        fit: comparable ? fit : null,
        supply: supply?.amount ?? null,
        demand: n.demand?.amount ?? 0,
        unit: n.demand?.base ?? '',
      }),
      verified: () => ({ code: 'verified', verified: s.status === 'verified' }),
      trackRecord: () => ({ code: 'track_record', value: sig.trackRecord }),
    };
    for (const k of Object.keys(v) as Component[]) {
      const [applies, value] = v[k];
      out.push({
        ...facts[k](),
        hard: false,
        pass: applies && value > 0,
        weight: WEIGHTS[k],
        points: applies && den > 0 ? roundScore((100 * WEIGHTS[k] * value) / den) : 0,
        applies,
      });
    }
  }
  return den > 0 ? roundScore((100 * num) / den) : 0;
}
