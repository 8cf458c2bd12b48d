/** An estate as the admin pages show it: a row of the list, or the values of the edit form. */
export interface EstateView {
  slug: string;
  name: string;
  regencyCode: string;
  /** Null when the regency code is not in the regions table. */
  regencyName: string | null;
  lat: number;
  lon: number;
  descriptionId: string | null;
  descriptionEn: string | null;
}

/** A taxonomy term as the admin pages list and edit it (inactive terms included). */
export interface TermView {
  slug: string;
  labelId: string;
  labelEn: string;
  synonymsId: string[];
  synonymsEn: string[];
  parentSlug: string | null;
  active: boolean;
}
