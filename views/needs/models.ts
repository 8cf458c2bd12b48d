/*
 * View models of the need pages: only the fields the views read. Repository rows are wider and
 * assignable to these, so routes pass them as they are, yet a view never depends on a repo module.
 */
import type { Frequency } from '../../src/matching/types.js';

/** Where a need stands. */
export type NeedStatusView = 'draft' | 'open' | 'closed';

/** A buyer's need as its pages show it. */
export interface NeedView {
  id: string;
  buyerName: string;
  titleId: string | null;
  titleEn: string | null;
  descriptionId: string | null;
  descriptionEn: string | null;
  sector: string | null;
  productCategory: string | null;
  processes: string[];
  materials: string[];
  requiredCerts: string[];
  preferredCerts: string[];
  minTkdn: number | null;
  quantity: number | null;
  unit: string | null;
  frequency: Frequency | null;
  /** bigint as text (postgres.js), exact. */
  targetPriceIdr: string | null;
  estateName: string | null;
  deliveryLat: number | null;
  deliveryLon: number | null;
  maxDistanceKm: number | null;
  responseDeadline: string | null;
  visibility: 'public' | 'invited';
  status: NeedStatusView;
  closeReason: 'awarded' | 'cancelled' | null;
}

/** A supplier's answer to a need. */
export interface ResponseView {
  supplierId: string;
  supplierName: string;
  interested: boolean;
  message: string | null;
  /** bigint as text. */
  indicativePriceIdr: string | null;
  reason: string | null;
  shortlisted: boolean;
}

/** A supplier invited to an invited-only need. */
export interface InvitationView {
  supplierName: string;
}

/** A saved directory search with its digest. */
export interface SavedSearchView {
  id: string;
  name: string;
  query: string;
  digestedUntil: Date;
}

/** One line of a need's history. */
export interface AuditLineView {
  at: Date;
  actorName: string | null;
  action: string;
}
