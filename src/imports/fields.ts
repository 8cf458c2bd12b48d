/** Supplier fields a spreadsheet column can be mapped to; `null` in a mapping means "ignore". */
export const IMPORT_FIELDS = [
  'legal_name',
  'trading_name',
  'nib',
  'kbli',
  'year_founded',
  'employees',
  'address',
  'regency',
  'province',
  'coordinates',
  'lat',
  'lon',
  'products',
  'processes',
  'materials',
  'certifications',
  'contact_name',
  'contact_phone',
  'contact_email',
  'description',
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];

/** One entry per spreadsheet column, in column order. */
export type Mapping = (ImportField | null)[];

/** Narrows stored or submitted strings (jsonb, form values) to a known field. */
export function isImportField(v: unknown): v is ImportField {
  return typeof v === 'string' && (IMPORT_FIELDS as readonly string[]).includes(v);
}
