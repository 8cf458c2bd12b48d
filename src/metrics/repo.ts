import type { Db } from '../db/client.js';

/** This application's server connections by state (`active`, `idle`, ...), the scrape's own included. */
export function countConnections(db: Db): Promise<{ state: string; n: number }[]> {
  return db<{ state: string; n: number }[]>`
    select coalesce(state, 'unknown') as state, count(*)::int as n from pg_stat_activity
    where datname = current_database() and application_name = 'pasok'
    group by 1`;
}

/** Jobs waiting or running, per pg-boss queue and state. */
export function countQueuedJobs(db: Db): Promise<{ name: string; state: string; n: number }[]> {
  return db<{ name: string; state: string; n: number }[]>`
    select name, state::text as state, count(*)::int as n from pgboss.job
    where state in ('created', 'retry', 'active')
    group by 1, 2`;
}

/** Search changes not yet applied to Meilisearch, and how old the oldest is. */
export async function searchOutboxLag(db: Db): Promise<{ pending: number; oldestSeconds: number }> {
  const [row] = await db<{ pending: number; oldestSeconds: number }[]>`
    select count(*)::int as pending,
      coalesce(extract(epoch from now() - min(created_at)), 0)::float8 as oldest_seconds
    from search_outbox`;
  return row!;
}

/** Stored blobs: how many and how many bytes (files and mail live in PostgreSQL). */
export async function blobUsage(db: Db): Promise<{ count: number; bytes: number }> {
  const [row] = await db<{ count: number; bytes: number }[]>`
    select count(*)::int as count, coalesce(sum(size_bytes), 0)::float8 as bytes from blobs where complete`;
  return row!;
}
