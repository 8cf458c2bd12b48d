import type { Db } from '../db/client.js';

/** The cheapest round trip that proves the database answers: readiness, not a query of ours. */
export async function pingDatabase(db: Db): Promise<void> {
  await db`select 1`;
}
