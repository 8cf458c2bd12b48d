/*
 * View models of the supplier pages: only what they show. Profiles, audit entries and queue rows
 * from the services are wider and assignable to these, so routes pass them as they are, yet the
 * views never name a repository or a service's row type.
 */
import type { SupplierStatus } from '../../src/suppliers/schema.js';

/** A machine on the capabilities section. */
export interface MachineView {
  readonly type: string;
  readonly count: number;
  readonly notes: string | null;
}

/** A supplier's own fields as the profile and edit pages show them. */
export interface SupplierView {
  readonly organizationId: string;
  readonly legalName: string;
  readonly tradingName: string | null;
  readonly nib: string | null;
  readonly kbli: string[];
  readonly yearFounded: number | null;
  readonly employees: number | null;
  readonly descriptionId: string | null;
  readonly descriptionEn: string | null;
  readonly provinceCode: string | null;
  readonly regencyCode: string | null;
  readonly address: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly processes: string[];
  readonly materials: string[];
  readonly productCategories: string[];
  readonly sectors: string[];
  readonly products: string | null;
  readonly machines: MachineView[];
  readonly capacityAmount: string | null;
  readonly capacityUnit: string | null;
  readonly maxPart: string | null;
  readonly status: SupplierStatus;
  readonly statusReason: string | null;
  readonly verifiedAt: Date | null;
  readonly needsReview: boolean;
}

/** A certificate, with the id of its evidence file if one was uploaded. */
export interface CertificationView {
  readonly id: string;
  readonly type: string;
  readonly number: string | null;
  readonly issuer: string | null;
  readonly validUntil: string | null;
  /** TKDN percentage as a decimal string. */
  readonly tkdnPercent: string | null;
  readonly evidenceFileId: string | null;
}

/** A contact person. */
export interface ContactView {
  readonly id: string;
  readonly name: string;
  readonly role: string | null;
  readonly phone: string | null;
  readonly email: string | null;
}

/** A supplier with everything its pages show. */
export interface ProfileView {
  readonly supplier: SupplierView;
  readonly certifications: CertificationView[];
  readonly contacts: ContactView[];
  readonly regencyName: string | null;
  readonly provinceName: string | null;
  readonly verifierName: string | null;
}

/** One entry of a supplier's change history. */
export interface AuditEntryView {
  readonly at: Date;
  readonly actorName: string | null;
  readonly entity: string;
  readonly action: string;
  readonly changes?: Readonly<Record<string, unknown>>;
}

/** A profile waiting in the facilitators' review queue. */
export interface ReviewQueueItemView {
  readonly organizationId: string;
  readonly legalName: string;
  readonly status: SupplierStatus;
  readonly needsReview: boolean;
  readonly regencyName: string | null;
  readonly updatedAt: Date;
  readonly binaanOf: string | null;
}

/** An organisation the new supplier profile may belong to. */
export interface OrgChoiceView {
  readonly id: string;
  readonly name: string;
}
