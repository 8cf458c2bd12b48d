import { getProvinces, getRegencies } from 'idn-area-data';
import type { Sql } from '../db/client.js';
import { ESTATES } from '../seed/places.js';
import { TAXONOMY } from '../taxonomy/dictionary.js';
import { insertMissingEstates, insertMissingTerms, lockReferenceSync, upsertRegions } from './repo.js';

/** Title-cases official upper-case names: "KABUPATEN SUBANG" → "Kabupaten Subang", "DKI JAKARTA" stays. */
export function displayRegionName(name: string): string {
  const keepUpper = new Set(['DKI', 'DI']);
  return name
    .toLowerCase()
    .split(/\s+/)
    .map((w) => (keepUpper.has(w.toUpperCase()) ? w.toUpperCase() : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
}

/**
 * Loads reference data that ships with the code: provinces and regencies (idn-area-data,
 * Kemendagri codes), the taxonomy dictionary and the known estates. Idempotent; terms and
 * estates that admins have edited are left alone (insert-only), regions follow the package.
 */
export async function syncReferenceData(
  sql: Sql,
): Promise<{ regions: number; terms: number; estates: number }> {
  const provinces = await getProvinces();
  const regencies = await getRegencies();
  const regionRows = [
    ...provinces.map((p) => ({
      code: p.code,
      kind: 'province',
      name: displayRegionName(p.name),
      provinceCode: null,
    })),
    ...regencies.map((r) => ({
      code: r.code,
      kind: 'regency',
      name: displayRegionName(r.name),
      provinceCode: r.province_code,
    })),
  ];
  return sql.begin(async (tx) => {
    await lockReferenceSync(tx);
    await upsertRegions(tx, regionRows);
    const termRows = TAXONOMY.map((t) => ({
      kind: t.kind,
      slug: t.slug,
      labelId: t.labelId,
      labelEn: t.labelEn,
      synonymsId: t.synonymsId,
      synonymsEn: t.synonymsEn,
      parentSlug: t.parent ?? null,
    }));
    const terms = await insertMissingTerms(tx, termRows);
    const estateRows = ESTATES.map((e) => ({
      slug: e.slug,
      name: e.name,
      regencyCode: e.regencyCode,
      lat: e.lat,
      lon: e.lon,
      descriptionId: e.descriptionId,
      descriptionEn: e.descriptionEn,
    }));
    const estates = await insertMissingEstates(tx, estateRows);
    return { regions: regionRows.length, terms, estates };
  });
}
