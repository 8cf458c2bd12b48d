import type { Db } from '../db/client.js';
import { type AuditEntry, type AuditRow, insertAuditEntry, listAuditEntries } from './repo.js';

export type { AuditEntry, AuditRow } from './repo.js';

/** Appends one entry; called inside the transaction of the change it records, so both commit or neither. */
export async function recordAudit(db: Db, e: AuditEntry): Promise<void> {
  await insertAuditEntry(db, e);
}

/** Newest first; filter by organisation and/or entity. */
export function listAudit(
  db: Db,
  f: { organizationId?: string; entity?: string; entityId?: string; limit?: number },
): Promise<AuditRow[]> {
  return listAuditEntries(db, f);
}

/** Field-by-field diff of two flat records: { field: [before, after] } for fields that changed. */
export function diff(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const k of Object.keys(after)) {
    if (JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
      out[k] = [before[k] ?? null, after[k] ?? null];
  }
  return out;
}
