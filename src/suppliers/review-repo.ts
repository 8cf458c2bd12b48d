import type { Db } from '../db/client.js';
import type { SupplierStatus } from './schema.js';

/** One line of the facilitators' review queue. */
export interface QueueRow {
  organizationId: string;
  legalName: string;
  status: SupplierStatus;
  needsReview: boolean;
  regencyCode: string | null;
  regencyName: string | null;
  provinceCode: string | null;
  updatedAt: Date;
  binaanOf: string | null;
}

/**
 * Suppliers in a review state, oldest first. `review` means submitted profiles plus verified
 * ones flagged for re-review; `q` matches the normalised name, wildcards stripped.
 */
export function listQueueRows(
  db: Db,
  f: { status: SupplierStatus | 'review'; province?: string; q?: string; limit: number },
): Promise<QueueRow[]> {
  return db<QueueRow[]>`
    select s.organization_id, s.legal_name, s.status, s.needs_review, s.regency_code, r.name as regency_name,
      s.province_code, s.updated_at, s.binaan_of
    from suppliers s left join regions r on r.code = s.regency_code
    where ${f.status === 'review' ? db`(s.status = 'submitted' or (s.status = 'verified' and s.needs_review))` : db`s.status = ${f.status}`}
      ${f.province ? db`and s.province_code = ${f.province}` : db``}
      ${f.q ? db`and s.name_norm like ${`%${f.q.toLowerCase().replace(/[%_\\]/g, '')}%`}` : db``}
    order by s.updated_at asc limit ${f.limit}`;
}
