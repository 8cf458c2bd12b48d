import { distanceKm } from '../../search/engine.js';
import type { CandidateSource } from './fact-store.js';
import { OTHER_STATUS, STATUS_CODES } from './hard-columns.js';
import type { CompiledNeed } from './types.js';

/** Verdicts read from the typed columns alone (see HardColumns). */
export const ASSESS = 0;
/** An empty slot or a hidden status: counts nowhere. */
export const SKIP = 1;
/** Relevant and visible, but beyond the maximum distance (or without a location): excluded. */
export const EXCLUDE = 2;
/** Relevant, visible and within reach, with no certificate or TKDN asked: a match (count only). */
export const PASS = 3;

/**
 * The status and distance checks of assess over the typed columns, so a slot that is hidden or
 * out of reach is decided without touching its facts object (at a million suppliers, one scattered
 * object per slot is most of the cost). `exactOnly`: relevance is known only where the slot's
 * postings hold no stale entry (needs naming terms); otherwise every visited slot is relevant
 * (ungated needs, text hits). Answers ASSESS whenever the columns cannot decide; null without columns.
 */
export function columnCheck(
  src: CandidateSource,
  n: CompiledNeed,
  exactOnly: boolean,
  /** Receives the distance computed for the slot (NaN when none was), for the score ceiling. */
  out: { km: number } = { km: Number.NaN },
): ((s: number, hardOnly: boolean) => number) | null {
  const cols = src.columns;
  if (!cols) return null;
  const c = n.criteria;
  const visible = new Uint8Array(OTHER_STATUS + 1);
  STATUS_CODES.forEach((status, i) => {
    visible[i + 1] = n.statuses.has(status) ? 1 : 0;
  });
  const noCerts = c.requiredCerts.length === 0 && c.minTkdn === null;
  const p = c.maxDistanceKm !== null ? c.point : null;
  const max = c.maxDistanceKm ?? 0;
  const at = { lat: 0, lon: 0 };
  return (s, hardOnly) => {
    out.km = Number.NaN;
    const code = cols.status[s]!;
    if (code === 0) return SKIP;
    if (code === OTHER_STATUS) return ASSESS;
    if (visible[code] === 0) return SKIP;
    if (exactOnly && cols.exact[s] === 0) return ASSESS;
    if (p) {
      at.lat = cols.lat[s]!;
      at.lon = cols.lon[s]!;
      // NaN (no location) fails both comparisons, as a null location fails in assess.
      if (!(Math.abs(at.lat - p.lat) <= n.latSlack)) return EXCLUDE;
      out.km = distanceKm(p, at);
      if (!(out.km <= max)) return EXCLUDE;
    }
    return hardOnly && noCerts ? PASS : ASSESS;
  };
}
