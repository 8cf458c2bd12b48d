/** A supplier_search row joined with its certificate arrays, as the engines read it. */
export interface SearchRow {
  supplierId: string;
  deleted: boolean;
  searchable: boolean;
  status: string;
  verified: boolean;
  name: string;
  tradingName: string | null;
  nameNorm: string;
  provinceCode: string | null;
  regencyCode: string | null;
  processes: string[];
  materials: string[];
  productCategories: string[];
  sectors: string[];
  employees: number | null;
  lat: number | null;
  lon: number | null;
  /** Microseconds since the epoch, as text (bigint), so that ties sort exactly as in SQL. */
  updatedUs: string;
  /** tsvector in its text form. */
  tsv: string;
  certTypes: string[] | null;
  /** `YYYY-MM-DD` or 'infinity', parallel to certTypes. */
  certUntil: string[] | null;
  tkdnPercent: number[] | null;
  tkdnUntil: string[] | null;
  /** Writing transactions (xid8 as text) of the search row and of the certificate row. */
  txId: string;
  certTxId: string | null;
}
