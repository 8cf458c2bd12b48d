import { maskOf, popcount } from './masks.js';
import type { CompiledNeed } from './types.js';

/** How many of the need's named processes and materials a supplier covers (narrower terms count). */
export interface Coverage {
  processes: { covered: number; named: number };
  materials: { covered: number; named: number };
  /** Covered over named, both kinds together; 1 when the need names none. */
  ratio: number;
}

/**
 * A buyer who names "stainless CNC turning" wants every part of it: matches are ordered by this
 * ratio before the soft score, so a supplier covering everything named is never below one that
 * covers a part, however close or certified the latter is.
 */
export function coverageOf(
  n: CompiledNeed,
  processes: readonly string[],
  materials: readonly string[],
): Coverage {
  const np = Math.min(n.criteria.processes.length, 30);
  const nm = Math.min(n.criteria.materials.length, 30);
  const cp = np ? popcount(maskOf(n.processCover, processes)) : 0;
  const cm = nm ? popcount(maskOf(n.materialCover, materials)) : 0;
  return {
    processes: { covered: cp, named: np },
    materials: { covered: cm, named: nm },
    ratio: np + nm === 0 ? 1 : (cp + cm) / (np + nm),
  };
}
