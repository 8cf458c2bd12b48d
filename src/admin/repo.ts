import type { Db } from '../db/client.js';

export interface EstateRow {
  id: string;
  slug: string;
  name: string;
  regencyCode: string;
  regencyName: string | null;
  lat: number;
  lon: number;
  descriptionId: string | null;
  descriptionEn: string | null;
}

export function listEstates(db: Db): Promise<EstateRow[]> {
  return db<EstateRow[]>`
    select e.*, r.name as regency_name from estates e left join regions r on r.code = e.regency_code order by e.name`;
}

export async function findEstateBySlug(db: Db, slug: string): Promise<EstateRow | null> {
  const [row]: [EstateRow?] = await db`
    select e.*, r.name as regency_name from estates e left join regions r on r.code = e.regency_code where e.slug = ${slug}`;
  return row ?? null;
}

export async function insertEstate(db: Db, e: Omit<EstateRow, 'id' | 'regencyName'>): Promise<void> {
  await db`
    insert into estates (slug, name, regency_code, lat, lon, description_id, description_en)
    values (${e.slug}, ${e.name}, ${e.regencyCode}, ${e.lat}, ${e.lon}, ${e.descriptionId}, ${e.descriptionEn})`;
}

export async function updateEstate(
  db: Db,
  slug: string,
  e: Omit<EstateRow, 'id' | 'slug' | 'regencyName'>,
): Promise<void> {
  await db`
    update estates set name = ${e.name}, regency_code = ${e.regencyCode}, lat = ${e.lat}, lon = ${e.lon},
      description_id = ${e.descriptionId}, description_en = ${e.descriptionEn}, updated_at = now()
    where slug = ${slug}`;
}

export function listTenants(db: Db, estateId: string) {
  return db<{ id: string; name: string; kind: string }[]>`
    select o.id, o.name, o.kind from estate_tenants t join organizations o on o.id = t.organization_id
    where t.estate_id = ${estateId} order by o.name`;
}

export function listBuyerOrgs(db: Db) {
  return db<
    { id: string; name: string }[]
  >`select id, name from organizations where kind = 'buyer' order by name`;
}

export async function addTenant(db: Db, estateId: string, orgId: string): Promise<void> {
  await db`insert into estate_tenants (estate_id, organization_id) values (${estateId}, ${orgId}) on conflict do nothing`;
}

export async function removeTenant(db: Db, estateId: string, orgId: string): Promise<void> {
  await db`delete from estate_tenants where estate_id = ${estateId} and organization_id = ${orgId}`;
}
