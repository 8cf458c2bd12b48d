import type { Db } from '../db/client.js';

/** Regencies with their province name, ordered for a grouped select. */
export function listRegencyRows(db: Db) {
  return db<{ code: string; name: string; provinceCode: string; provinceName: string }[]>`
    select r.code, r.name, r.province_code, p.name as province_name
    from regions r join regions p on p.code = r.province_code
    where r.kind = 'regency' order by p.name, r.name`;
}

/** Every province by name. */
export function listProvinceRows(db: Db) {
  return db<
    { code: string; name: string }[]
  >`select code, name from regions where kind = 'province' order by name`;
}
