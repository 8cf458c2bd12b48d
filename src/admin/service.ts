import { createHash } from 'node:crypto';
import { recordAudit } from '../audit/service.js';
import type { Sql } from '../db/client.js';
import { isPgError } from '../db/client.js';
import { forgetEstateOptions } from '../directory/cache.js';
import { NotFound } from '../errors.js';
import type { Actor } from '../suppliers/access.js';
import { listRegencyOptions } from '../suppliers/regions.js';
import { forgetTaxonomy } from '../taxonomy/cache.js';
import type { TermKind } from '../taxonomy/dictionary.js';
import { findTerm, listTerms, type TermRow, upsertTerm } from '../taxonomy/repo.js';
import * as repo from './repo.js';
import type { EstateForm, TermForm } from './schema.js';

/** A save the form must show again: field → i18n key. */
export type Refused = { ok: false; errors: Record<string, string> };

/**
 * URL-safe slug from a name in any script: "KIH Safe and Lock" → "kih-safe-and-lock",
 * "Kawasan Industri Ñusa" → "kawasan-industri-nusa". A name with no Latin letters left
 * ("工业园区") gets `estate-` and a short hash of the name, so the slug check constraint always holds.
 */
export function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
  return base || `estate-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
}

/** Every term of a kind (inactive ones too, so an admin can revive them), filtered by any label or synonym. */
export async function listTermsOfKind(sql: Sql, kind: TermKind, q: string): Promise<TermRow[]> {
  return (await listTerms(sql)).filter(
    (t) =>
      t.kind === kind &&
      (!q ||
        [t.slug, t.labelId, t.labelEn, ...t.synonymsId, ...t.synonymsEn].some((s) =>
          s.toLowerCase().includes(q),
        )),
  );
}

/** The term to edit, null for a new one; an unknown slug is a 404. */
export async function termToEdit(sql: Sql, kind: TermKind, slug: string | null): Promise<TermRow | null> {
  if (!slug) return null;
  const term = await findTerm(sql, kind, slug);
  if (!term) throw new NotFound();
  return term;
}

/**
 * Creates a term or updates the one at `existing` (its slug cannot change), with its audit
 * entry in the same transaction. After the commit this process forgets its taxonomy, so search
 * validation, directory labels and matching see the edit on the next request.
 */
export async function saveTerm(
  sql: Sql,
  actor: Actor,
  kind: TermKind,
  existing: string | null,
  d: TermForm,
): Promise<{ ok: true } | Refused> {
  if (existing && existing !== d.slug) throw new NotFound();
  const before = await findTerm(sql, kind, d.slug);
  if (!existing && before) return { ok: false, errors: { slug: 'v.slug_taken' } };
  const term = {
    kind,
    slug: d.slug,
    labelId: d.label_id,
    labelEn: d.label_en,
    synonymsId: d.synonyms_id,
    synonymsEn: d.synonyms_en,
    parentSlug: d.parent_slug,
    active: existing ? d.active : true,
  };
  await sql.begin(async (tx) => {
    await upsertTerm(tx, term);
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organizationId: null,
      entity: 'taxonomy_term',
      entityId: `${kind}:${d.slug}`,
      action: before ? 'update' : 'create',
      changes: { before: before ?? null, after: term },
    });
  });
  forgetTaxonomy(sql);
  return { ok: true };
}

/** Every estate with its regency's name, for the admin list. */
export function listEstates(sql: Sql): Promise<repo.EstateRow[]> {
  return repo.listEstates(sql);
}

/** What the estate form shows: the estate (null for a new one), regencies, its tenants and the buyers to add. */
export async function estateToEdit(sql: Sql, slug: string | null) {
  const estate = slug ? await repo.findEstateBySlug(sql, slug) : null;
  if (slug && !estate) throw new NotFound();
  const [regencies, tenants, buyers] = await Promise.all([
    listRegencyOptions(sql),
    estate ? repo.listTenants(sql, estate.id) : Promise.resolve([]),
    repo.listBuyerOrgs(sql),
  ]);
  return { estate, regencies, tenants, buyers };
}

/**
 * Creates an estate (its slug from the name) or updates the one at `slug`, audited in the same
 * transaction. An unknown regency or a taken name is refused as a field error; afterwards the
 * directory's estate picker is re-read.
 */
export async function saveEstate(
  sql: Sql,
  actor: Actor,
  slug: string | null,
  d: EstateForm,
): Promise<{ ok: true; slug: string } | Refused> {
  const e = {
    name: d.name,
    regencyCode: d.regency_code,
    lat: d.lat,
    lon: d.lon,
    descriptionId: d.description_id || null,
    descriptionEn: d.description_en || null,
  };
  const target = slug ?? slugify(d.name);
  try {
    await sql.begin(async (tx) => {
      if (slug) {
        if (!(await repo.findEstateBySlug(tx, slug))) throw new NotFound();
        await repo.updateEstate(tx, slug, e);
      } else {
        await repo.insertEstate(tx, { slug: target, ...e });
      }
      await recordAudit(tx, {
        actorUserId: actor.userId,
        organizationId: null,
        entity: 'estate',
        entityId: target,
        action: slug ? 'update' : 'create',
        changes: e,
      });
    });
  } catch (err) {
    if (isPgError(err, '23503')) return { ok: false, errors: { regency_code: 'v.regency' } };
    if (isPgError(err, '23505')) return { ok: false, errors: { name: 'v.slug_taken' } };
    throw err;
  }
  forgetEstateOptions(sql);
  return { ok: true, slug: target };
}

/** The estate at `slug`, or a 404 (checked before the tenant form is read). */
export async function estateBySlug(sql: Sql, slug: string): Promise<repo.EstateRow> {
  const estate = await repo.findEstateBySlug(sql, slug);
  if (!estate) throw new NotFound();
  return estate;
}

/** Adds or removes a buyer as the estate's tenant; an unknown organisation is a 404. */
export async function changeTenant(
  sql: Sql,
  estateId: string,
  orgId: string,
  remove: boolean,
): Promise<void> {
  try {
    if (remove) await repo.removeTenant(sql, estateId, orgId);
    else await repo.addTenant(sql, estateId, orgId);
  } catch (err) {
    if (isPgError(err, '23503')) throw new NotFound();
    throw err;
  }
}
