import type { Db } from '../db/client.js';

/** Regencies with their province, for the location select (grouped by province in the view). */
export function listRegencyOptions(db: Db) {
  return db<{ code: string; name: string; provinceName: string }[]>`
    select r.code, r.name, p.name as province_name
    from regions r join regions p on p.code = r.province_code
    where r.kind = 'regency' order by p.name, r.name`;
}

/** Provinces by name, for the review queue's filter. */
export function listProvinceOptions(db: Db) {
  return db<{ code: string; name: string }[]>`
    select code, name from regions where kind = 'province' order by name`;
}
