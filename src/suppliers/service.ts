import { diff, recordAudit } from '../audit/service.js';
import type { Db, Sql } from '../db/client.js';
import { isPgError } from '../db/client.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors.js';
import { insertOrganization, listMembershipsForUser } from '../orgs/repo.js';
import type { TermKind } from '../taxonomy/dictionary.js';
import { loadTaxonomy, type Taxonomy } from '../taxonomy/service.js';
import { type Actor, isFacilitator, requireEdit } from './access.js';
import { normalizeName } from './normalize.js';
import * as repo from './repo.js';
import type { SupplierCreateBody, SupplierPatchBody } from './schema.js';

/** Fields whose change on a verified profile sends it back for re-review (the badge stays meanwhile). */
const MATERIAL_FIELDS = new Set([
  'legalName',
  'nib',
  'kbli',
  'regencyCode',
  'lat',
  'lon',
  'processes',
  'materials',
  'capacityAmount',
  'capacityUnit',
  'certifications',
]);

const FACETS: [keyof SupplierPatchBody, TermKind][] = [
  ['processes', 'process'],
  ['materials', 'material'],
  ['product_categories', 'product_category'],
  ['sectors', 'sector'],
];

export interface ProfileChanges {
  write: Partial<repo.SupplierWrite>;
  certifications?: repo.CertificationWrite[];
  contacts?: Omit<repo.ContactRow, 'id' | 'supplierId'>[];
}

/**
 * Checks references a schema cannot (taxonomy slugs, KBLI codes, regency codes) and maps
 * the API body to columns. All problems are reported together as field errors.
 */
export async function resolveChanges(
  db: Db,
  tax: Taxonomy,
  body: SupplierPatchBody,
): Promise<ProfileChanges> {
  const errors: Record<string, string> = {};
  const w: Partial<repo.SupplierWrite> = {};
  for (const [field, kind] of FACETS) {
    const list = body[field] as string[] | undefined;
    if (!list) continue;
    const unknown = list.filter((s) => !tax.has(kind, s));
    if (unknown.length) errors[field] = 'v.unknown_term';
  }
  if (body.kbli?.some((k) => !tax.has('kbli', k))) errors.kbli = 'v.kbli';
  if (body.regency_code !== undefined) {
    const region = await repo.regionExists(db, body.regency_code);
    if (region?.kind !== 'regency') errors.regency_code = 'v.regency';
    else if (body.province_code && body.province_code !== region.provinceCode)
      errors.regency_code = 'v.regency_province';
    else w.provinceCode = region.provinceCode;
  }
  body.certifications?.forEach((c, i) => {
    if (!tax.has('certification', c.type)) errors[`certifications.${i}.type`] = 'v.unknown_term';
  });
  if (Object.keys(errors).length) throw new Invalid(errors);

  if (body.legal_name !== undefined) {
    w.legalName = body.legal_name;
    w.nameNorm = normalizeName(body.legal_name);
  }
  if (body.trading_name !== undefined) w.tradingName = body.trading_name;
  if (body.nib !== undefined) w.nib = body.nib;
  if (body.kbli !== undefined) w.kbli = [...new Set(body.kbli)];
  if (body.year_founded !== undefined) w.yearFounded = body.year_founded;
  if (body.employees !== undefined) w.employees = body.employees;
  if (body.description_id !== undefined) w.descriptionId = body.description_id;
  if (body.description_en !== undefined) w.descriptionEn = body.description_en;
  if (body.regency_code !== undefined) w.regencyCode = body.regency_code;
  if (body.address !== undefined) w.address = body.address;
  if (body.location !== undefined) {
    w.lat = body.location.lat;
    w.lon = body.location.lon;
  }
  if (body.processes !== undefined) w.processes = body.processes;
  if (body.materials !== undefined) w.materials = body.materials;
  if (body.product_categories !== undefined) w.productCategories = body.product_categories;
  if (body.sectors !== undefined) w.sectors = body.sectors;
  if (body.products !== undefined) w.products = body.products;
  if (body.machines !== undefined) w.machines = body.machines.map((m) => ({ ...m, notes: m.notes ?? null }));
  if (body.capacity !== undefined) {
    w.capacityAmount = body.capacity === null ? null : String(body.capacity.amount);
    w.capacityUnit = body.capacity?.unit ?? null;
  }
  if (body.max_part !== undefined) w.maxPart = body.max_part;

  const out: ProfileChanges = { write: w };
  if (body.certifications) {
    out.certifications = body.certifications.map((c) => ({
      id: c.id,
      type: c.type,
      number: c.number ?? null,
      issuer: c.issuer ?? null,
      validUntil: c.valid_until ?? null,
      tkdnPercent: c.tkdn_percent === null || c.tkdn_percent === undefined ? null : String(c.tkdn_percent),
    }));
  }
  if (body.contacts) {
    out.contacts = body.contacts.map((c, i) => ({
      name: c.name,
      role: c.role ?? null,
      phone: c.phone ?? null,
      email: c.email ?? null,
      position: i,
    }));
  }
  return out;
}

/** Maps unique violations on NIB (and name+regency) to a field error instead of a bare 409. */
function mapUnique(err: unknown): never {
  if (isPgError(err, '23505')) {
    const c = (err as { constraint_name?: string }).constraint_name ?? '';
    if (c.includes('nib')) throw new Conflict('errors.conflict', { nib: 'v.nib_taken' });
    throw new Conflict('errors.conflict', { legal_name: 'v.name_taken' });
  }
  throw err;
}

/**
 * Creates a profile. A facilitator creates a new *binaan* supplier organisation owned by
 * their office; a supplier organisation member creates the profile of their own organisation.
 */
export async function createSupplierProfile(
  sql: Sql,
  actor: Actor,
  body: SupplierCreateBody,
): Promise<repo.SupplierRow> {
  const tax = await loadTaxonomy(sql);
  const changes = await resolveChanges(sql, tax, body);
  const memberships = await listMembershipsForUser(sql, actor.userId);
  const ownSupplierOrgs = memberships.filter((m) => m.kind === 'supplier');
  try {
    return await sql.begin(async (tx) => {
      let orgId: string;
      let binaanOf: string | null = null;
      const target = body.organization_id
        ? ownSupplierOrgs.find((m) => m.id === body.organization_id)
        : ownSupplierOrgs.length === 1 && !isFacilitator(actor)
          ? ownSupplierOrgs[0]
          : undefined;
      if (target) {
        orgId = target.id;
      } else if (isFacilitator(actor) && !body.organization_id) {
        // A binaan profile belongs to an office; without one nobody but an admin could edit it.
        binaanOf = memberships.find((m) => m.kind === 'facilitator')?.id ?? null;
        if (!binaanOf) throw new Forbidden('suppliers.no_office');
        const org = await insertOrganization(tx, { name: body.legal_name, kind: 'supplier' });
        orgId = org.id;
      } else {
        throw body.organization_id ? new NotFound() : new Forbidden('suppliers.create_forbidden');
      }
      const s = await repo.insertSupplier(tx, orgId, fill(changes.write), { binaanOf });
      if (changes.certifications) await repo.syncCertifications(tx, orgId, changes.certifications);
      if (changes.contacts) await repo.replaceContacts(tx, orgId, changes.contacts);
      await recordAudit(tx, {
        actorUserId: actor.userId,
        organizationId: orgId,
        entity: 'supplier',
        entityId: orgId,
        action: binaanOf ? 'create_binaan' : 'create',
        changes: { legal_name: body.legal_name, nib: body.nib },
      });
      return s;
    });
  } catch (err) {
    return mapUnique(err);
  }
}

/** Defaults for a new row, so insert gets every write column. */
function fill(w: Partial<repo.SupplierWrite>): repo.SupplierWrite {
  return {
    legalName: '',
    tradingName: null,
    nameNorm: '',
    nib: null,
    kbli: [],
    yearFounded: null,
    employees: null,
    descriptionId: null,
    descriptionEn: null,
    provinceCode: null,
    regencyCode: null,
    address: null,
    lat: null,
    lon: null,
    processes: [],
    materials: [],
    productCategories: [],
    sectors: [],
    products: null,
    machines: [],
    capacityAmount: null,
    capacityUnit: null,
    maxPart: null,
    ...w,
  };
}

/**
 * Applies a partial update under a row lock, audits the diff, and flags a verified profile
 * for re-review when a material field changed (its badge stays until a facilitator decides).
 */
export async function updateSupplierProfile(
  sql: Sql,
  actor: Actor,
  orgId: string,
  body: SupplierPatchBody,
): Promise<repo.SupplierRow> {
  const tax = await loadTaxonomy(sql);
  const changes = await resolveChanges(sql, tax, body);
  try {
    return await sql.begin(async (tx) => {
      const current = await repo.lockSupplier(tx, orgId);
      await requireEdit(tx, actor, current);
      const before = current!;
      const changed = diff(
        before as unknown as Record<string, unknown>,
        changes.write as Record<string, unknown>,
      );
      let certsChanged = false;
      if (changes.certifications) {
        const old = await repo.listCertifications(tx, orgId);
        const strip = (c: repo.CertificationWrite) => [
          c.type,
          c.number,
          c.issuer,
          c.validUntil,
          c.tkdnPercent === null ? null : Number(c.tkdnPercent),
        ];
        certsChanged = JSON.stringify(old.map(strip)) !== JSON.stringify(changes.certifications.map(strip));
        if (certsChanged) {
          await repo.syncCertifications(tx, orgId, changes.certifications);
          changed.certifications = [old.length, changes.certifications.length];
        }
      }
      if (changes.contacts) {
        await repo.replaceContacts(tx, orgId, changes.contacts);
        changed.contacts = [null, changes.contacts.length];
      }
      const material = Object.keys(changed).some((k) => MATERIAL_FIELDS.has(k));
      const write: Partial<repo.SupplierWrite> & { needsReview?: boolean } = {};
      for (const k of Object.keys(changed))
        if (k in changes.write)
          (write as Record<string, unknown>)[k] = (changes.write as Record<string, unknown>)[k];
      if (material && before.status === 'verified') write.needsReview = true;
      const after = Object.keys(write).length ? await repo.updateSupplierColumns(tx, orgId, write) : before;
      if (Object.keys(changed).length) {
        await recordAudit(tx, {
          actorUserId: actor.userId,
          organizationId: orgId,
          entity: 'supplier',
          entityId: orgId,
          action: 'update',
          changes: { ...changed, ...(write.needsReview ? { needsReview: [false, true] } : {}) },
        });
      }
      return after;
    });
  } catch (err) {
    return mapUnique(err);
  }
}

/** The supplier organisations a user may create a profile for (member, no profile yet). */
export async function profilelessSupplierOrgs(db: Db, userId: string) {
  const orgs = (await listMembershipsForUser(db, userId)).filter((m) => m.kind === 'supplier');
  const out = [];
  for (const o of orgs) if (!(await repo.findSupplier(db, o.id))) out.push(o);
  return out;
}
