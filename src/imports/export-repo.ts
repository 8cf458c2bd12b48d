import type { Db } from '../db/client.js';
import type { SupplierStatus } from '../suppliers/schema.js';

export interface ExportFilter {
  /** Normalized name fragment. */
  nameContains?: string | undefined;
  provinceCode?: string | undefined;
  regencyCode?: string | undefined;
  status?: SupplierStatus | undefined;
  /** Only the binaan of these offices. */
  binaanOf?: string[] | undefined;
  /**
   * Whose personal contact data (owner, phone, e-mail, address, coordinates) the rows carry:
   * every row's (admins), or only these offices' binaan plus what self-managed verified
   * profiles publish. Other rows keep their public fields with those columns empty.
   */
  contactsOf: 'all' | { offices: string[] };
}

export interface ExportRow {
  id: string;
  legalName: string;
  tradingName: string | null;
  nib: string | null;
  kbli: string[];
  yearFounded: number | null;
  employees: number | null;
  address: string | null;
  regencyName: string | null;
  provinceName: string | null;
  lat: number | null;
  lon: number | null;
  products: string | null;
  processes: string[];
  materials: string[];
  certifications: string[];
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  descriptionId: string | null;
  status: SupplierStatus;
}

/**
 * Contact data is the office's own for its binaan; a profile without an office (or claimed
 * from one) publishes it itself, but only once verified, as on its public page.
 */
function contactsVisible(db: Db, scope: ExportFilter['contactsOf']) {
  if (scope === 'all') return db`true`;
  return db`(s.binaan_of = any(${scope.offices}::uuid[])
    or ((s.binaan_of is null or s.claimed_at is not null) and s.status = 'verified'))`;
}

/** Suppliers with their first contact and certificate types, one row each, for a spreadsheet. */
export function listSuppliersForExport(db: Db, f: ExportFilter, limit = 100_000): Promise<ExportRow[]> {
  return db<ExportRow[]>`
    select s.organization_id as id, s.legal_name, s.trading_name, s.nib, s.kbli, s.year_founded, s.employees,
      case when v.ok then s.address end as address, r.name as regency_name, p.name as province_name,
      case when v.ok then s.lat end as lat, case when v.ok then s.lon end as lon, s.products, s.processes,
      s.materials, coalesce(ct.types, '{}') as certifications, case when v.ok then c.name end as contact_name,
      case when v.ok then c.phone end as contact_phone, case when v.ok then c.email end as contact_email,
      s.description_id, s.status
    from suppliers s
    cross join lateral (select ${contactsVisible(db, f.contactsOf)} as ok) v
    left join regions r on r.code = s.regency_code
    left join regions p on p.code = s.province_code
    left join lateral (
      select name, phone, email from supplier_contacts where supplier_id = s.organization_id
      order by position, name limit 1
    ) c on true
    left join lateral (
      select array_agg(distinct type order by type) as types from supplier_certifications
      where supplier_id = s.organization_id
    ) ct on true
    where true
      ${f.nameContains ? db`and s.name_norm like ${`%${f.nameContains.replace(/[\\%_]/g, '\\$&')}%`}` : db``}
      ${f.provinceCode ? db`and s.province_code = ${f.provinceCode}` : db``}
      ${f.regencyCode ? db`and s.regency_code = ${f.regencyCode}` : db``}
      ${f.status ? db`and s.status = ${f.status}` : db``}
      ${f.binaanOf ? db`and s.binaan_of = any(${f.binaanOf}::uuid[])` : db``}
    order by s.legal_name, s.organization_id
    limit ${limit}`;
}
