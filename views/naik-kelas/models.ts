/** One row of a *naik kelas* breakdown (a province, sector or estate; `null` key = none). */
export interface NaikKelasGroupView {
  key: string | null;
  labelId: string | null;
  labelEn: string | null;
  ikm: number;
}

/** The *naik kelas* report's figures as the page shows them. */
export interface NaikKelasView {
  zone: string;
  total: number;
  byKind: Record<'verified' | 'certificate' | 'first_deal' | 'repeat_deal', number>;
  byProvince: NaikKelasGroupView[];
  bySector: NaikKelasGroupView[];
  byEstate: NaikKelasGroupView[];
}

/** One milestone of an IKM's timeline. */
export interface MilestoneView {
  kind: 'verified' | 'certificate' | 'first_deal' | 'repeat_deal';
  detail: string | null;
  at: Date;
  buyerName: string | null;
  estateName: string | null;
}
