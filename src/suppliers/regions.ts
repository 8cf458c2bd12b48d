import type { Db } from '../db/client.js';
import { listProvinceRows, listRegencyRows } from './regions-repo.js';

/** Regencies with their province, for the location select (grouped by province in the view). */
export function listRegencyOptions(db: Db) {
  return listRegencyRows(db);
}

/** Provinces for the review queue's filter. */
export function listProvinceOptions(db: Db) {
  return listProvinceRows(db);
}
