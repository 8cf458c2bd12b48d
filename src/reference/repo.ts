import type { Db } from '../db/client.js';

/** A province or regency as Kemendagri codes it. */
export interface RegionInput {
  code: string;
  kind: string;
  name: string;
  provinceCode: string | null;
}

/** A taxonomy term as the dictionary ships it. */
export interface TermInput {
  kind: string;
  slug: string;
  labelId: string;
  labelEn: string;
  synonymsId: string[];
  synonymsEn: string[];
  parentSlug: string | null;
}

/** An industrial estate as the code ships it. */
export interface EstateInput {
  slug: string;
  name: string;
  regencyCode: string;
  lat: number;
  lon: number;
  descriptionId: string;
  descriptionEn: string;
}

/** Serialises concurrent loaders (two app instances starting at once) for the rest of the transaction. */
export async function lockReferenceSync(tx: Db): Promise<void> {
  await tx`select pg_advisory_xact_lock(7134220453)`;
}

/** Regions follow the package: new codes are inserted and renamed ones updated. */
export async function upsertRegions(tx: Db, rows: RegionInput[]): Promise<void> {
  await tx`
    insert into regions ${tx(rows, 'code', 'kind', 'name', 'provinceCode')}
    on conflict (code) do update set name = excluded.name, kind = excluded.kind, province_code = excluded.province_code`;
}

/** Inserts terms that do not exist yet, leaving admins' edits alone; returns how many were new. */
export async function insertMissingTerms(tx: Db, rows: TermInput[]): Promise<number> {
  const inserted = await tx`
    insert into taxonomy_terms ${tx(rows, 'kind', 'slug', 'labelId', 'labelEn', 'synonymsId', 'synonymsEn', 'parentSlug')}
    on conflict (kind, slug) do nothing returning slug`;
  return inserted.length;
}

/** Inserts estates that do not exist yet, leaving admins' edits alone; returns how many were new. */
export async function insertMissingEstates(tx: Db, rows: EstateInput[]): Promise<number> {
  const inserted = await tx`
    insert into estates ${tx(rows, 'slug', 'name', 'regencyCode', 'lat', 'lon', 'descriptionId', 'descriptionEn')}
    on conflict (slug) do nothing returning slug`;
  return inserted.length;
}

/** Every estate by name, for the public reference API. */
export function listEstates(db: Db) {
  return db<{ slug: string; name: string; regencyCode: string; lat: number; lon: number }[]>`
    select slug, name, regency_code, lat, lon from estates order by name`;
}
