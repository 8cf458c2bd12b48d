import type { Db } from '../db/client.js';

export interface EstateOption {
  slug: string;
  name: string;
  lat: number;
  lon: number;
  /** Tells a sea crossing on result cards (src/geo/islands.ts). */
  regencyCode?: string;
}

/** An estate's point, for `estate=<slug>` searches; null when unknown. */
export async function findEstate(db: Db, slug: string): Promise<EstateOption | null> {
  const [row]: [EstateOption?] =
    await db`select slug, name, lat, lon, regency_code from estates where slug = ${slug}`;
  return row ?? null;
}

/** Estates for the picker on the search page. */
export function listEstateOptions(db: Db): Promise<EstateOption[]> {
  return db<EstateOption[]>`select slug, name, lat, lon from estates order by name`;
}

/** Province and regency names for the codes shown in facets and cards. */
export async function regionNames(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db<{ code: string; name: string }[]>`
    select code, name from regions where code = any(${codes as string[]}::text[])`;
  return new Map(rows.map((r) => [r.code, r.name]));
}

export interface CardDetails {
  id: string;
  descriptionId: string | null;
  descriptionEn: string | null;
  products: string | null;
}

/** The texts a result card shows beyond what the search engine returns. */
export async function cardDetails(db: Db, ids: readonly string[]): Promise<Map<string, CardDetails>> {
  if (ids.length === 0) return new Map();
  const rows = await db<CardDetails[]>`
    select organization_id as id, description_id, description_en, products
    from suppliers where organization_id = any(${ids as string[]}::uuid[])`;
  return new Map(rows.map((r) => [r.id, r]));
}
