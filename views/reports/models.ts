/*
 * View models of the report pages. The lookups that fill them return wider or equal shapes, which
 * are assignable to these, so the views never import a module that runs SQL.
 */

/** Choices for the report filter form. */
export interface FilterOptionsView {
  events: { id: string; name: string; startsAt: Date }[];
  provinces: { code: string; name: string }[];
  regencies: { code: string; name: string }[];
  sectors: { slug: string; labelId: string; labelEn: string }[];
  estates: { slug: string; name: string }[];
  offices: { id: string; name: string }[];
}

/** A deal or MoU both sides agreed to name in public. */
export interface SharedDealView {
  buyerName: string;
  supplierName: string;
  eventName: string | null;
  status: 'deal' | 'mou';
  valueIdr: string | null;
  startsAt: Date;
  timezone: string;
}

/** One row of a breakdown (by province, sector, estate or buyer), named in both languages. */
export interface GroupView {
  readonly key: string | null;
  readonly labelId: string | null;
  readonly labelEn: string | null;
  readonly meetings: number;
  readonly held: number;
  readonly deals: number;
  readonly mous: number;
  readonly valueIdr: bigint;
}
