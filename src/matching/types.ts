import type { GeoPoint } from '../../search/engine.js';

export type SupplierStatus = 'draft' | 'submitted' | 'verified' | 'rejected' | 'suspended';
export type Frequency = 'once' | 'monthly' | 'yearly';

/** A quantity per month in a base unit (pcs, unit, set, kg, m, l). */
export interface MonthlyQuantity {
  amount: number;
  base: string;
}

/** What a need asks for, as the scorer sees it (slugs, numbers, a point). */
export interface NeedCriteria {
  processes: readonly string[];
  materials: readonly string[];
  requiredCerts: readonly string[];
  preferredCerts: readonly string[];
  minTkdn: number | null;
  quantity: number | null;
  unit: string | null;
  frequency: Frequency | null;
  point: GeoPoint | null;
  /** Estate name, or null for a bare lat/lon delivery point. */
  placeName: string | null;
  /** Regency of the delivery point (the estate's), for telling a sea crossing; absent when unknown. */
  pointRegency?: string | null;
  maxDistanceKm: number | null;
  /** The need has text the search engine can judge relevance against. */
  hasText: boolean;
}

/** One supplier as the scorer sees it: capabilities, location, certificates, capacity. */
export interface SupplierFacts {
  id: string;
  status: SupplierStatus;
  lat: number | null;
  lon: number | null;
  /** Kemendagri regency code (`52.03`): which island the supplier is on (src/geo/islands.ts). */
  regencyCode?: string | null;
  processes: readonly string[];
  materials: readonly string[];
  /** Parallel arrays, one entry per certificate; `until` null means no stated expiry. */
  certTypes: readonly string[];
  certUntil: readonly (string | null)[];
  /** TKDN % of each certificate (only `tkdn` certificates carry one for matching). */
  certTkdn: readonly (number | null)[];
  capacityAmount: number | null;
  capacityUnit: string | null;
}

/** Signals that come from outside the supplier row. */
export interface Signals {
  /** 0..1, from the search engine (see text-relevance.ts). */
  text: number;
  /** 0..1 from past meetings (attendance and deals); null when the supplier has none yet. */
  trackRecord: number | null;
}

/** A criterion of "why (not)": facts only, rendered to a sentence by reasons.ts. */
export type Fact =
  | { code: 'status'; status: SupplierStatus }
  /** `named`: the need names processes or materials, so only those make a supplier relevant. */
  | { code: 'relevance'; named?: boolean }
  | { code: 'cert_required'; cert: string; state: CertState; until: string | null }
  | { code: 'tkdn'; best: number | null; min: number }
  | { code: 'max_distance'; km: number | null; max: number; place: string | null }
  | { code: 'processes'; covered: string[]; missing: string[] }
  | { code: 'materials'; covered: string[]; missing: string[] }
  | { code: 'cert_preferred'; held: string[]; missing: string[] }
  /** `crossing`: supplier and delivery point are on different islands (scored as SEA_CROSSING_KM more). */
  | { code: 'distance'; km: number | null; place: string | null; crossing?: boolean }
  | { code: 'capacity'; fit: number | null; supply: number | null; demand: number; unit: string }
  | { code: 'verified'; verified: boolean }
  | { code: 'text'; relevance: number }
  | { code: 'track_record'; value: number | null };

export type CertState = 'valid' | 'expired' | 'missing';

export type Criterion = Fact & {
  /** A hard constraint excludes the supplier when it fails; a soft one only scores. */
  hard: boolean;
  pass: boolean;
  /** Soft criteria: the component's weight and the points it adds to the 0–100 score. */
  weight: number;
  points: number;
  /** False when the component does not apply to this need (it then adds nothing either way). */
  applies: boolean;
};

/** Sentinels of the fast path: not relevant to the need at all, or relevant but excluded. */
export const IRRELEVANT = -2;
export const EXCLUDED = -1;

/** A need prepared once for scoring many suppliers: slug lookups, demand per month, bounding box. */
export interface CompiledNeed {
  criteria: NeedCriteria;
  statuses: ReadonlySet<SupplierStatus>;
  /** Stored slug → bitmask of the need's processes (materials) it covers. */
  processCover: ReadonlyMap<string, number>;
  materialCover: ReadonlyMap<string, number>;
  demand: MonthlyQuantity | null;
  /** Degrees of latitude beyond which no point can be within the maximum distance. */
  latSlack: number;
  /** The need names something to be relevant to (processes, materials or text). */
  gated: boolean;
}
