import type { Db } from '../db/client.js';
import { isUuid } from '../db/ids.js';
import type { SupplierStatus } from './schema.js';

export interface Machine {
  type: string;
  count: number;
  notes: string | null;
}

export interface SupplierRow {
  organizationId: string;
  legalName: string;
  tradingName: string | null;
  nameNorm: string;
  nib: string | null;
  kbli: string[];
  yearFounded: number | null;
  employees: number | null;
  descriptionId: string | null;
  descriptionEn: string | null;
  provinceCode: string | null;
  regencyCode: string | null;
  address: string | null;
  lat: number | null;
  lon: number | null;
  processes: string[];
  materials: string[];
  productCategories: string[];
  sectors: string[];
  products: string | null;
  machines: Machine[];
  capacityAmount: string | null;
  capacityUnit: string | null;
  maxPart: string | null;
  status: SupplierStatus;
  statusReason: string | null;
  verifiedAt: Date | null;
  verifiedBy: string | null;
  needsReview: boolean;
  binaanOf: string | null;
  claimedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface CertificationRow {
  id: string;
  supplierId: string;
  type: string;
  number: string | null;
  issuer: string | null;
  validUntil: string | null;
  tkdnPercent: string | null;
  evidenceFileId: string | null;
}

export interface ContactRow {
  id: string;
  supplierId: string;
  name: string;
  role: string | null;
  phone: string | null;
  email: string | null;
  position: number;
}

/** Columns a profile write may set; the service computes them (e.g. name_norm, province_code). */
export type SupplierWrite = Omit<
  SupplierRow,
  | 'organizationId'
  | 'createdAt'
  | 'updatedAt'
  | 'verifiedAt'
  | 'verifiedBy'
  | 'status'
  | 'statusReason'
  | 'needsReview'
  | 'claimedAt'
  | 'binaanOf'
>;

export const WRITE_COLUMNS = [
  'legalName',
  'tradingName',
  'nameNorm',
  'nib',
  'kbli',
  'yearFounded',
  'employees',
  'descriptionId',
  'descriptionEn',
  'provinceCode',
  'regencyCode',
  'address',
  'lat',
  'lon',
  'processes',
  'materials',
  'productCategories',
  'sectors',
  'products',
  'machines',
  'capacityAmount',
  'capacityUnit',
  'maxPart',
] as const satisfies readonly (keyof SupplierWrite)[];

export async function findSupplier(db: Db, orgId: string): Promise<SupplierRow | null> {
  const [row]: [SupplierRow?] = await db`select * from suppliers where organization_id = ${orgId}`;
  return row ?? null;
}

export async function findSupplierByNib(db: Db, nib: string): Promise<SupplierRow | null> {
  const [row]: [SupplierRow?] = await db`select * from suppliers where nib = ${nib}`;
  return row ?? null;
}

/** Row lock for read-modify-write of a profile. */
export async function lockSupplier(db: Db, orgId: string): Promise<SupplierRow | null> {
  if (!isUuid(orgId)) return null;
  const [row]: [SupplierRow?] = await db`select * from suppliers where organization_id = ${orgId} for update`;
  return row ?? null;
}

export async function insertSupplier(
  db: Db,
  orgId: string,
  w: SupplierWrite,
  extra: { binaanOf?: string | null; status?: SupplierStatus } = {},
): Promise<SupplierRow> {
  const row = {
    organizationId: orgId,
    ...pick(db, w),
    binaanOf: extra.binaanOf ?? null,
    status: extra.status ?? 'draft',
  };
  const [out] = await db<SupplierRow[]>`
    insert into suppliers ${db(row as Record<string, unknown>, 'organizationId', ...WRITE_COLUMNS, 'binaanOf', 'status')}
    returning *`;
  return out!;
}

export async function updateSupplierColumns(
  db: Db,
  orgId: string,
  w: Partial<SupplierWrite> & { needsReview?: boolean },
): Promise<SupplierRow> {
  const keys = Object.keys(w) as (keyof typeof w)[];
  const [out] = await db<SupplierRow[]>`
    update suppliers set ${db(jsonify(db, w) as Record<string, unknown>, ...keys)}, updated_at = now()
    where organization_id = ${orgId} returning *`;
  return out!;
}

function pick(db: Db, w: SupplierWrite) {
  return jsonify(db, Object.fromEntries(WRITE_COLUMNS.map((k) => [k, w[k]])) as Partial<SupplierWrite>);
}

/** postgres.js would send a JS array as a Postgres array: wrap jsonb values explicitly. */
function jsonify<T extends Partial<SupplierWrite>>(db: Db, w: T): T {
  if (!('machines' in w)) return w;
  return { ...w, machines: db.json((w.machines ?? []) as never) as unknown as Machine[] };
}

export function listCertifications(db: Db, supplierId: string): Promise<CertificationRow[]> {
  return db<CertificationRow[]>`
    select id, supplier_id, type, number, issuer, to_char(valid_until, 'YYYY-MM-DD') as valid_until,
      tkdn_percent::text as tkdn_percent, evidence_file_id
    from supplier_certifications where supplier_id = ${supplierId} order by type, valid_until desc nulls last`;
}

export function listContacts(db: Db, supplierId: string): Promise<ContactRow[]> {
  return db<
    ContactRow[]
  >`select * from supplier_contacts where supplier_id = ${supplierId} order by position, name`;
}

export type CertificationWrite = Omit<CertificationRow, 'id' | 'supplierId' | 'evidenceFileId'> & {
  id?: string | undefined;
};

/**
 * Makes the stored certificates equal the desired list while keeping ids stable: rows
 * with a known id (or the same type and number) are updated in place, so evidence files
 * stay linked; new rows are inserted; rows no longer listed are deleted.
 */
export async function syncCertifications(
  db: Db,
  supplierId: string,
  desired: CertificationWrite[],
): Promise<void> {
  const existing = await listCertifications(db, supplierId);
  const unused = new Map(existing.map((c) => [c.id, c]));
  const keep: string[] = [];
  for (const c of desired) {
    let id = c.id && unused.has(c.id) ? c.id : undefined;
    if (!id)
      id = [...unused.values()].find((e) => e.type === c.type && (e.number ?? '') === (c.number ?? ''))?.id;
    if (id) {
      unused.delete(id);
      keep.push(id);
      await db`
        update supplier_certifications set type = ${c.type}, number = ${c.number}, issuer = ${c.issuer},
          valid_until = ${c.validUntil}, tkdn_percent = ${c.tkdnPercent}, updated_at = now()
        where id = ${id} and supplier_id = ${supplierId}`;
    } else {
      await db`
        insert into supplier_certifications (supplier_id, type, number, issuer, valid_until, tkdn_percent)
        values (${supplierId}, ${c.type}, ${c.number}, ${c.issuer}, ${c.validUntil}, ${c.tkdnPercent})`;
    }
  }
  const gone = [...unused.keys()];
  if (gone.length)
    await db`delete from supplier_certifications where supplier_id = ${supplierId} and id in ${db(gone)}`;
}

export async function replaceCertifications(
  db: Db,
  supplierId: string,
  certs: Omit<CertificationRow, 'id' | 'supplierId'>[],
): Promise<void> {
  await db`delete from supplier_certifications where supplier_id = ${supplierId}`;
  if (certs.length === 0) return;
  const rows = certs.map((c) => ({ supplierId, ...c }));
  await db`insert into supplier_certifications ${db(rows, 'supplierId', 'type', 'number', 'issuer', 'validUntil', 'tkdnPercent', 'evidenceFileId')}`;
}

export async function replaceContacts(
  db: Db,
  supplierId: string,
  contacts: Omit<ContactRow, 'id' | 'supplierId'>[],
): Promise<void> {
  await db`delete from supplier_contacts where supplier_id = ${supplierId}`;
  if (contacts.length === 0) return;
  const rows = contacts.map((c) => ({ supplierId, ...c }));
  await db`insert into supplier_contacts ${db(rows, 'supplierId', 'name', 'role', 'phone', 'email', 'position')}`;
}

export async function setStatus(
  db: Db,
  orgId: string,
  s: { status: SupplierStatus; reason: string | null; verifiedBy?: string | null; now: Date },
): Promise<SupplierRow> {
  const verified = s.status === 'verified';
  const [out] = await db<SupplierRow[]>`
    update suppliers set status = ${s.status}, status_reason = ${s.reason},
      verified_at = ${verified ? s.now : db`verified_at`}, verified_by = ${verified ? (s.verifiedBy ?? null) : db`verified_by`},
      needs_review = ${verified ? false : db`needs_review`}, updated_at = now()
    where organization_id = ${orgId} returning *`;
  return out!;
}

export async function regionExists(
  db: Db,
  code: string,
): Promise<{ code: string; provinceCode: string | null; kind: string } | null> {
  const [row]: [{ code: string; provinceCode: string | null; kind: string }?] =
    await db`select code, province_code, kind from regions where code = ${code}`;
  return row ?? null;
}

/** Display names a profile shows beside its codes: regency, province and the verifying facilitator. */
export async function findProfileNames(
  db: Db,
  ref: { regencyCode: string | null; provinceCode: string | null; verifiedBy: string | null },
): Promise<{ regencyName: string | null; provinceName: string | null; verifierName: string | null }> {
  const [row]: [{ regencyName: string | null; provinceName: string | null; verifierName: string | null }?] =
    await db`
      select (select name from regions where code = ${ref.regencyCode}) as regency_name,
             (select name from regions where code = ${ref.provinceCode}) as province_name,
             (select name from users where id = ${ref.verifiedBy}) as verifier_name`;
  return row!;
}
