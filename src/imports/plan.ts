import type { ContactRow, SupplierRow, SupplierWrite } from '../suppliers/repo.js';
import type { RowValues } from './rows.js';

/** Fields whose change on a verified profile sends it back for re-review (as in the profile service). */
const MATERIAL = new Set(['legalName', 'nib', 'kbli', 'regencyCode', 'lat', 'lon', 'processes', 'materials']);

const SCALARS = [
  'tradingName',
  'nib',
  'yearFounded',
  'employees',
  'descriptionId',
  'address',
  'products',
] as const satisfies readonly (keyof RowValues & keyof SupplierWrite)[];

const LISTS = ['kbli', 'processes', 'materials'] as const satisfies readonly (keyof RowValues &
  keyof SupplierWrite)[];

export type ContactFields = Pick<ContactRow, 'name' | 'phone' | 'email'>;

export interface UpdatePlan {
  write: Partial<SupplierWrite> & { needsReview?: boolean };
  contactInsert: ContactFields | null;
  contactUpdate: { id: string; fields: Partial<ContactFields> } | null;
  addCertifications: string[];
  /** field → [before, after], for the audit log. */
  changes: Record<string, [unknown, unknown]>;
}

const sameSet = (a: readonly string[], b: readonly string[]) => {
  const sa = new Set(a);
  return sa.size === new Set(b).size && b.every((x) => sa.has(x));
};

/** The contact a row describes, when it names one at all; the company name stands in for a missing person. */
export function rowContact(v: RowValues, fallbackName: string): ContactFields | null {
  if (v.contactName === undefined && v.contactPhone === undefined && v.contactEmail === undefined)
    return null;
  return {
    name: v.contactName ?? fallbackName,
    phone: v.contactPhone ?? null,
    email: v.contactEmail ?? null,
  };
}

/** Columns of a new binaan supplier: what the row gives, defaults for the rest. */
export function planCreate(v: RowValues): SupplierWrite {
  return {
    legalName: v.legalName!,
    nameNorm: v.nameNorm!,
    tradingName: v.tradingName ?? null,
    nib: v.nib ?? null,
    kbli: v.kbli ?? [],
    yearFounded: v.yearFounded ?? null,
    employees: v.employees ?? null,
    descriptionId: v.descriptionId ?? null,
    descriptionEn: null,
    provinceCode: v.provinceCode ?? null,
    regencyCode: v.regencyCode ?? null,
    address: v.address ?? null,
    lat: v.lat ?? null,
    lon: v.lon ?? null,
    processes: v.processes ?? [],
    materials: v.materials ?? [],
    productCategories: [],
    sectors: [],
    products: v.products ?? null,
    machines: [],
    capacityAmount: null,
    capacityUnit: null,
    maxPart: null,
  };
}

/**
 * What a row would change on an existing supplier. Only fields the row provides are
 * compared (an empty cell never blanks data out); lists compare as sets so a reordered
 * cell is not a change; certificates are only ever added. An empty plan means "unchanged".
 */
export function planUpdate(
  s: SupplierRow,
  contact: ContactRow | null,
  certTypes: readonly string[],
  v: RowValues,
): UpdatePlan {
  const write: UpdatePlan['write'] = {};
  const changes: UpdatePlan['changes'] = {};
  const set = <K extends keyof SupplierWrite>(k: K, value: SupplierWrite[K]) => {
    changes[k] = [s[k], value];
    write[k] = value;
  };
  if (v.legalName !== undefined && v.legalName !== s.legalName) {
    set('legalName', v.legalName);
    write.nameNorm = v.nameNorm!;
  }
  for (const k of SCALARS) {
    const value = v[k];
    if (value !== undefined && value !== s[k]) set(k, value as never);
  }
  for (const k of LISTS) {
    const value = v[k];
    if (value !== undefined && !sameSet(value, s[k])) set(k, value);
  }
  if (v.regencyCode !== undefined && v.regencyCode !== s.regencyCode) {
    set('regencyCode', v.regencyCode);
    if (v.provinceCode !== s.provinceCode) set('provinceCode', v.provinceCode ?? null);
  } else if (
    v.regencyCode === undefined &&
    v.provinceCode !== undefined &&
    v.provinceCode !== s.provinceCode &&
    (s.regencyCode === null || s.regencyCode.startsWith(`${v.provinceCode}.`))
  ) {
    set('provinceCode', v.provinceCode);
  }
  if (v.lat !== undefined && v.lon !== undefined && (v.lat !== s.lat || v.lon !== s.lon)) {
    set('lat', v.lat);
    set('lon', v.lon);
  }
  let contactInsert: ContactFields | null = null;
  let contactUpdate: UpdatePlan['contactUpdate'] = null;
  const c = rowContact(v, v.legalName ?? s.legalName);
  if (c && !contact) {
    contactInsert = c;
    changes.contact = [null, c];
  } else if (c && contact) {
    const fields: Partial<ContactFields> = {};
    if (v.contactName !== undefined && v.contactName !== contact.name) fields.name = v.contactName;
    if (v.contactPhone !== undefined && v.contactPhone !== contact.phone) fields.phone = v.contactPhone;
    if (v.contactEmail !== undefined && v.contactEmail !== contact.email) fields.email = v.contactEmail;
    if (Object.keys(fields).length) {
      contactUpdate = { id: contact.id, fields };
      changes.contact = [{ name: contact.name, phone: contact.phone, email: contact.email }, fields];
    }
  }
  const have = new Set(certTypes);
  const addCertifications = (v.certifications ?? []).filter((t) => !have.has(t));
  if (addCertifications.length) changes.certifications = [certTypes, [...certTypes, ...addCertifications]];
  if (s.status === 'verified' && Object.keys(changes).some((k) => MATERIAL.has(k) || k === 'certifications'))
    write.needsReview = true;
  return { write, contactInsert, contactUpdate, addCertifications, changes };
}

/** An empty plan is what the result page calls "unchanged". */
export const isEmptyPlan = (p: UpdatePlan) => Object.keys(p.changes).length === 0;
