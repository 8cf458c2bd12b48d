import type { Db } from '../db/client.js';

export interface ClaimRow {
  supplierId: string;
  legalName: string;
}

/** Stores only the token's hash: a database leak does not leak usable links. */
export async function insertClaim(
  db: Db,
  c: { supplierId: string; tokenHash: string; createdBy: string; expiresAt: Date },
): Promise<void> {
  await db`
    insert into supplier_claims (supplier_id, token_hash, created_by, expires_at)
    values (${c.supplierId}, ${c.tokenHash}, ${c.createdBy}, ${c.expiresAt})`;
}

/** A claim that can still be accepted: unused, unexpired, and its supplier not claimed yet. */
export async function findUsableClaim(db: Db, tokenHash: string, now: Date): Promise<ClaimRow | null> {
  const [row]: [ClaimRow?] = await db`
    select c.supplier_id, s.legal_name from supplier_claims c join suppliers s on s.organization_id = c.supplier_id
    where c.token_hash = ${tokenHash} and c.used_at is null and c.expires_at > ${now} and s.claimed_at is null`;
  return row ?? null;
}

/**
 * Uses the claim and marks its supplier claimed in one statement that also checks both are
 * still open, so a link works exactly once and a supplier is claimed once, whichever link is used.
 */
export async function consumeClaim(
  db: Db,
  tokenHash: string,
  userId: string,
  now: Date,
): Promise<ClaimRow | null> {
  const [row]: [ClaimRow?] = await db`
    with used as (
      update supplier_claims c set used_at = ${now}, used_by = ${userId}
      from suppliers s
      where s.organization_id = c.supplier_id and c.token_hash = ${tokenHash} and c.used_at is null
        and c.expires_at > ${now} and s.claimed_at is null
      returning c.supplier_id
    )
    update suppliers s set claimed_at = ${now}, updated_at = now()
    from used where s.organization_id = used.supplier_id and s.claimed_at is null
    returning s.organization_id as supplier_id, s.legal_name`;
  return row ?? null;
}
