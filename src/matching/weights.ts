/**
 * The matching score in one place. A match's score (0–100) is a deterministic weighted sum:
 *
 *   score = round₁( 100 × Σ wᵢ·xᵢ / Σ wᵢ ),  summed over the components that apply to the need
 *
 * where every xᵢ is in [0, 1]:
 *   - processes:  share of the need's processes the supplier masters (a more specific process of
 *                 the taxonomy counts: "CNC turning" covers "turning"; applies when the need lists processes)
 *   - materials:  share of the need's materials the supplier works (same rule; applies when listed)
 *   - text:       relevance of the need's title and description to the supplier's products and
 *                 description, from the search engine's rank (synonyms in both languages count)
 *   - distance:   0.5^(km / DISTANCE_HALF_LIFE_KM) from the delivery point; 0 when the supplier has no location
 *   - preferred:  share of the preferred certificates held and valid today (applies when listed)
 *   - capacity:   min(1, monthly capacity / monthly demand), only when both sides give comparable quantities
 *   - verified:   1 for a facilitator-verified profile, 0 for one awaiting verification
 *   - trackRecord: past meetings (src/outcomes/track-record.ts): 0.7 × (1 − no-show rate)
 *                 + 0.3 × min(1, (deals + MoUs) / meetings held); applies only to suppliers that
 *                 have a record, so a newcomer is neither rewarded nor penalised
 *
 * Components that do not apply drop out of both sums, so a need that says little is not scored
 * lower than one that says much. Ties are broken by distance (nearest first), then supplier id.
 */
export const WEIGHTS = {
  processes: 30,
  materials: 15,
  text: 20,
  distance: 15,
  preferred: 8,
  capacity: 7,
  verified: 5,
  trackRecord: 5,
} as const;

export type Component = keyof typeof WEIGHTS;

/** Distance at which the distance component halves (0 km → 1, 75 km → 0.5, 150 km → 0.25). */
export const DISTANCE_HALF_LIFE_KM = 75;

/**
 * A soft penalty for a sea crossing: when the supplier and the delivery point are known to be on
 * different islands (src/geo/islands.ts), the distance component is scored as if the supplier were
 * this much farther away: a ferry, its schedule and its loading cost about as much as 100 km of road.
 * Lombok Timur → AMMAN (Sumbawa Barat): 35 km straight, scored as 135 km (0.72 → 0.29).
 * Hard maximum distances still use the straight-line kilometres.
 */
export const SEA_CROSSING_KM = 100;

/** Neutral track record, used until meeting outcomes feed in. */
export const NEUTRAL_TRACK_RECORD = 0.5;

/** Suppliers scoring at least this see an open need in their inbox and are notified of it. */
export const SUPPLIER_THRESHOLD = 50;

/** At most this many suppliers are notified of one need (the best-scoring ones). */
export const MAX_NOTIFIED_PER_NEED = 50;

/** Text relevance: how many key phrases of the need are asked of the search engine, and how deep. */
export const TEXT_PROBES = 3;
export const TEXT_WINDOW = 100;
/** The last hit of a probe's window still scores this much; the first scores 1. */
export const TEXT_FLOOR = 0.5;
