import type { AuditEntry } from '../audit/service.js';
import type { Db } from '../db/client.js';
import { type ContactRow, type SupplierRow, type SupplierWrite, WRITE_COLUMNS } from '../suppliers/repo.js';
import type { ContactFields } from './plan.js';

/**
 * Locks every supplier a batch could match (by NIB or by normalized name), in id order so that
 * two imports touching the same suppliers queue up instead of deadlocking.
 */
export function lockCandidates(db: Db, nibs: string[], names: string[]): Promise<SupplierRow[]> {
  // Two indexed lookups rather than one OR, which would scan the whole table for every batch.
  return db<SupplierRow[]>`
    select * from suppliers where organization_id in (
      select organization_id from suppliers where nib = any(${nibs}::text[])
      union
      select organization_id from suppliers where name_norm = any(${names}::text[])
    )
    order by organization_id for update`;
}

/** The first contact of each supplier: the one an import row's contact columns describe. */
export function firstContacts(db: Db, ids: string[]): Promise<ContactRow[]> {
  return db<ContactRow[]>`
    select distinct on (supplier_id) * from supplier_contacts where supplier_id = any(${ids}::uuid[])
    order by supplier_id, position, name`;
}

/** Certificate types held per supplier: imports only ever add missing ones. */
export function certificationTypes(
  db: Db,
  ids: string[],
): Promise<{ supplierId: string; types: string[] }[]> {
  return db<{ supplierId: string; types: string[] }[]>`
    select supplier_id, array_agg(distinct type order by type) as types from supplier_certifications
    where supplier_id = any(${ids}::uuid[]) group by supplier_id`;
}

/** Organisations for new suppliers, with ids chosen by the caller so rows can be matched up without RETURNING order. */
export async function insertSupplierOrganizations(
  db: Db,
  orgs: { id: string; name: string }[],
): Promise<void> {
  if (orgs.length === 0) return;
  const rows = orgs.map((o) => ({ id: o.id, name: o.name, kind: 'supplier' }));
  await db`insert into organizations ${db(rows, 'id', 'name', 'kind')}`;
}

/** Removes the organisations of rows that lost an insert race (they have nothing else attached). */
export async function deleteOrganizations(db: Db, ids: string[]): Promise<void> {
  if (ids.length) await db`delete from organizations where id = any(${ids}::uuid[])`;
}

/**
 * Inserts new binaan suppliers; a row whose NIB or name+regency was taken meanwhile (another
 * import, another request) is skipped rather than failing the batch. Returns the ids inserted.
 */
export async function insertSuppliersIfAbsent(
  db: Db,
  rows: { organizationId: string; write: SupplierWrite }[],
  binaanOf: string,
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const values = rows.map((r) => {
    const cols: Record<string, unknown> = { organizationId: r.organizationId, binaanOf, status: 'draft' };
    for (const k of WRITE_COLUMNS) if (k !== 'machines') cols[k] = r.write[k];
    return cols;
  });
  const columns = WRITE_COLUMNS.filter((k) => k !== 'machines');
  const inserted = await db<{ organizationId: string }[]>`
    insert into suppliers ${db(values, 'organizationId', 'binaanOf', 'status', ...columns)}
    on conflict do nothing returning organization_id`;
  return new Set(inserted.map((r) => r.organizationId));
}

/** Writes only the changed columns; updated_at moves only when something changed. */
export async function updateSupplier(
  db: Db,
  orgId: string,
  write: Partial<SupplierWrite> & { needsReview?: boolean },
): Promise<void> {
  const keys = Object.keys(write) as (keyof typeof write)[];
  await db`update suppliers set ${db(write as Record<string, unknown>, ...keys)}, updated_at = now() where organization_id = ${orgId}`;
}

/** New first contacts (position 0) for imported suppliers. */
export async function insertContacts(
  db: Db,
  rows: ({ supplierId: string } & ContactFields)[],
): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map((r) => ({ ...r, role: null, position: 0 }));
  await db`insert into supplier_contacts ${db(values, 'supplierId', 'name', 'role', 'phone', 'email', 'position')}`;
}

/** Changes only the contact fields a row provided. */
export async function updateContact(db: Db, id: string, fields: Partial<ContactFields>): Promise<void> {
  const keys = Object.keys(fields) as (keyof ContactFields)[];
  if (keys.length) await db`update supplier_contacts set ${db(fields, ...keys)} where id = ${id}`;
}

/** Certificates named in a sheet carry no number or dates; the IKM adds those later. */
export async function insertCertifications(
  db: Db,
  rows: { supplierId: string; type: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db`insert into supplier_certifications ${db(rows, 'supplierId', 'type')}`;
}

/** Many audit entries in one statement; same columns as recordAudit. */
export async function insertAudits(db: Db, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((e) => ({
    actorUserId: e.actorUserId,
    organizationId: e.organizationId,
    entity: e.entity,
    entityId: e.entityId,
    action: e.action,
    changes: db.json((e.changes ?? {}) as never),
  }));
  await db`insert into audit_log ${db(rows, 'actorUserId', 'organizationId', 'entity', 'entityId', 'action', 'changes')}`;
}
