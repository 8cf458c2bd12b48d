import type { Db } from '../db/client.js';

export interface SavedSearchRow {
  id: string;
  userId: string;
  name: string;
  query: string;
  createdAt: Date;
  digestedUntil: Date;
}

/** Saves a search; its digest starts from `now`, so only later verifications are reported. */
export async function insertSavedSearch(
  db: Db,
  s: { userId: string; name: string; query: string; now: Date },
): Promise<string> {
  const [row] = await db<{ id: string }[]>`
    insert into saved_searches (user_id, name, query, created_at, digested_until)
    values (${s.userId}, ${s.name}, ${s.query}, ${s.now}, ${s.now}) returning id`;
  return row!.id;
}

/** One user's saved searches, by name. */
export function listSavedSearches(db: Db, userId: string): Promise<SavedSearchRow[]> {
  return db<SavedSearchRow[]>`select * from saved_searches where user_id = ${userId} order by name`;
}

/** Deletes a saved search of that user only; false when there was none. */
export async function deleteSavedSearch(db: Db, userId: string, id: string): Promise<boolean> {
  const rows = await db`delete from saved_searches where id = ${id} and user_id = ${userId} returning 1`;
  return rows.length > 0;
}

/** Saved searches whose digest is behind `now`, oldest first. */
export function listDueSearches(db: Db, now: Date): Promise<SavedSearchRow[]> {
  return db<SavedSearchRow[]>`
    select * from saved_searches where digested_until < ${now} order by digested_until, id limit 10000`;
}

/** Moves a digest forward; false when another run already did (the row is skipped then). */
export async function advanceDigest(db: Db, id: string, from: Date, to: Date): Promise<boolean> {
  const rows = await db`
    update saved_searches set digested_until = ${to} where id = ${id} and digested_until = ${from} returning 1`;
  return rows.length > 0;
}

export interface NewlyVerified {
  id: string;
  legalName: string;
  regencyCode: string | null;
}

/** Suppliers verified in (since, until] and still verified. */
export function listNewlyVerified(db: Db, since: Date, until: Date): Promise<NewlyVerified[]> {
  return db<NewlyVerified[]>`
    select organization_id as id, legal_name, regency_code from suppliers
    where status = 'verified' and verified_at > ${since} and verified_at <= ${until}
    order by verified_at, organization_id limit 5000`;
}

/**
 * Enqueues the next run of a self-rescheduling daily job, in one transaction with the schedule
 * row, only when no run is pending (next_run_at unset or already due): restarts never fork the chain.
 */
export async function claimNextRun(db: Db, name: string, next: Date, dueBy: Date): Promise<boolean> {
  const rows = await db`
    update job_schedule set next_run_at = ${next}
    where name = ${name} and (next_run_at is null or next_run_at <= ${dueBy}) returning 1`;
  return rows.length > 0;
}
