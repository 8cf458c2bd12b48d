import type { Db } from '../db/client.js';
import { LimitExceeded } from '../errors.js';
import { ORG_UPLOAD_QUOTA_BYTES } from './limits.js';
import { lockUsage, sumUsage } from './repo.js';

const MB = 1024 * 1024;

/** Whole megabytes for messages (never 0 for a non-empty file, so "0 MB" never explains a refusal). */
export function megabytes(bytes: number): number {
  return bytes > 0 ? Math.max(1, Math.round(bytes / MB)) : 0;
}

/**
 * Takes the organisation's quota lock and checks that `adding` more bytes fit. Call it inside the
 * transaction that inserts the file row, before the insert: the lock holds until commit, so two
 * uploads racing for the last megabytes cannot both pass. Delete what the transaction replaces
 * before calling it. No organisation (a facilitator's official MoU) means no quota.
 */
export async function reserveQuota(
  db: Db,
  organizationId: string | null,
  adding: number,
  opts: { field?: string; quota?: number } = {},
): Promise<void> {
  const quota = opts.quota ?? ORG_UPLOAD_QUOTA_BYTES;
  if (!organizationId) return;
  const used = await lockUsage(db, organizationId);
  if (used + adding <= quota) return;
  throw new LimitExceeded(
    'quota_exceeded',
    'files.error.quota',
    { quota: megabytes(quota), used: megabytes(used), size: megabytes(adding) },
    422,
    { [opts.field ?? 'file']: 'files.error.quota' },
  );
}

export interface QuotaUsage {
  usedBytes: number;
  quotaBytes: number;
}

/** The organisation's usage against its quota, for the upload page. */
export async function quotaUsage(db: Db, organizationId: string): Promise<QuotaUsage> {
  return { usedBytes: await sumUsage(db, organizationId), quotaBytes: ORG_UPLOAD_QUOTA_BYTES };
}
