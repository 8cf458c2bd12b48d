import { Cache } from '../cache.js';
import type { Db } from '../db/client.js';
import { readBlob } from '../files/storage.js';
import { loadTaxonomy } from '../taxonomy/service.js';
import type { Mapping } from './fields.js';
import { loopGuard } from './limits.js';
import { parseSpreadsheet, type Sheet } from './parse.js';
import { buildRegionIndex } from './regions.js';
import * as repo from './repo.js';
import { type CheckedRow, checkRow, type RowContext } from './rows.js';
import { buildTermMatcher } from './terms.js';

const cellsOf = (s: Sheet) => Math.max(1, s.rows.length * Math.max(1, s.headers.length));

/**
 * Parsed sheets of recent uploads: the mapping page, the preview and the commit read the same
 * file. Bounded by cells rather than entries, so one huge upload cannot pin hundreds of MB
 * (a sheet over the bound is not kept at all). Stored files never change, so no age limit.
 */
const sheets = new Cache<string, Sheet>({ maxSize: 1_500_000, sizeOf: cellsOf });

/** Reads and parses a stored import file (cached by file id; stored files never change). */
export async function readSheet(db: Db, fileId: string): Promise<Sheet> {
  const hit = sheets.get(fileId);
  if (hit) return hit;
  const file = await repo.findFile(db, fileId);
  if (!file) throw new Error(`import file ${fileId} is missing`);
  const sheet = await parseSpreadsheet(await readBlob(db, file.storageKey));
  sheets.set(fileId, sheet);
  return sheet;
}

/**
 * Empties this process's sheet cache. The stored files stay in PostgreSQL, so any instance can
 * parse them again; tests use it to act as an instance that never saw the upload.
 */
export function forgetCachedSheets(): void {
  sheets.clear();
}

/** Caches a sheet just parsed from an upload, so the pages that follow need not parse it again. */
export function rememberSheet(fileId: string, sheet: Sheet): void {
  sheets.set(fileId, sheet);
}

/** Regions and taxonomy as in-memory matchers: loaded once per preview or import, not per row. */
export async function loadRowContext(db: Db, now: Date): Promise<RowContext> {
  const [regions, tax] = await Promise.all([repo.listRegions(db), loadTaxonomy(db)]);
  return {
    regions: buildRegionIndex(regions),
    processes: buildTermMatcher(tax.ofKind('process')),
    materials: buildTermMatcher(tax.ofKind('material')),
    certifications: buildTermMatcher(tax.ofKind('certification')),
    kbliExists: (code) => tax.has('kbli', code),
    thisYear: now.getUTCFullYear(),
  };
}

/**
 * Checks every row of a sheet. Rows are independent, so this is a map, but one that gives the
 * event loop a turn every few milliseconds: 20,000 rows never hold up other requests.
 */
export async function checkRows(sheet: Sheet, mapping: Mapping, ctx: RowContext): Promise<CheckedRow[]> {
  const m = sheet.headers.map((_, i) => mapping[i] ?? null);
  const guard = loopGuard();
  const out: CheckedRow[] = [];
  for (const r of sheet.rows) {
    out.push(checkRow(r, m, ctx));
    await guard();
  }
  return out;
}
