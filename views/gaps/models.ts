/** A gap row with every slug turned into a label, for the page, CSV and XLSX. */
export interface GapRowView {
  capability: string;
  materials: string;
  certs: string;
  minTkdn: number | null;
  needs: number;
  openNeeds: number;
  unmatchedNeeds: number;
  tenants: number;
  qualified: number;
  level: 'none' | 'thin' | 'covered';
  partial: { id: string; name: string; place: string; distanceKm: number; lacks: string[] }[];
}

/** The gap map of one estate and radius, ready to show. */
export interface GapMapView {
  estateSlug: string;
  estateName: string;
  regencyName: string | null;
  radiusKm: number;
  asOf: string;
  suppliersInReach: number;
  rows: GapRowView[];
}
