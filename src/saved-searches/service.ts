import type { Sql } from '../db/client.js';
import { isPgError } from '../db/client.js';
import { isUuid } from '../db/ids.js';
import { queryToInput, SearchParams } from '../directory/schema.js';
import { Invalid, NotFound } from '../errors.js';
import type { Jobs } from '../jobs/queue.js';
import { claimNextRun, deleteSavedSearch, insertSavedSearch } from './repo.js';
import type { SavedSearchForm } from './schema.js';

export const DIGEST_JOB = 'saved-search-digest';
/** The digest goes out every morning at 07:00 WIB (00:00 UTC). */
const DIGEST_HOUR_UTC = 0;

/** Payload of the daily `notifications.digest` job. */
export interface DigestJob {
  kind: 'saved-searches';
  /** Public origin, for the links in the notifications. */
  origin: string;
}

function inputOf(query: string): Record<string, string> {
  const queries: Record<string, string[]> = {};
  for (const [k, v] of new URLSearchParams(query.replace(/^\?/, ''))) queries[k] = [...(queries[k] ?? []), v];
  return queryToInput(queries);
}

/** A /suppliers query string as search parses it; null when it is not a valid search. */
export function parseSavedQuery(query: string): SearchParams | null {
  const parsed = SearchParams.safeParse(inputOf(query));
  return parsed.success ? parsed.data : null;
}

const PAGING = new Set(['page', 'per_page']);

/**
 * The query string as stored: valid for search, without paging, keys in order and repeated
 * values joined with commas (as search reads them), so equal searches look equal.
 */
export function canonicalQuery(query: string): string | null {
  if (!parseSavedQuery(query)) return null;
  const known = new Set(Object.keys(SearchParams.shape));
  const input = inputOf(query);
  const keys = Object.keys(input)
    .filter((k) => known.has(k) && !PAGING.has(k))
    .sort();
  return new URLSearchParams(keys.map((k): [string, string] => [k, input[k]!])).toString();
}

/** The first 07:00 WIB strictly after `now`. */
export function nextDigestAt(now: Date): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), DIGEST_HOUR_UTC));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/**
 * Makes sure tomorrow's digest is queued (idempotent): called when a search is saved, when the
 * saved-search page is opened, and by the digest job itself for the following day.
 */
export async function ensureDigestScheduled(
  sql: Sql,
  jobs: Jobs | null,
  now: Date,
  origin: string,
): Promise<void> {
  if (!jobs) return;
  const next = nextDigestAt(now);
  const dueBy = new Date(now.getTime() + 5 * 60_000);
  await sql.begin(async (tx) => {
    if (await claimNextRun(tx, DIGEST_JOB, next, dueBy))
      await jobs.send<DigestJob>(
        'notifications.digest',
        { kind: 'saved-searches', origin },
        { startAfter: next },
        tx,
      );
  });
}

/** Saves the current /suppliers search under a name; the digest covers suppliers verified from now on. */
export async function saveSearch(
  deps: { sql: Sql; jobs: Jobs | null; clock: () => Date; origin: string },
  userId: string,
  form: SavedSearchForm,
): Promise<string> {
  const query = canonicalQuery(form.query);
  if (query === null) throw new Invalid({ query: 'v.saved.bad_query' });
  const now = deps.clock();
  let id: string;
  try {
    id = await insertSavedSearch(deps.sql, { userId, name: form.name, query, now });
  } catch (err) {
    if (isPgError(err, '23505')) throw new Invalid({ name: 'v.saved.name_taken' });
    throw err;
  }
  await ensureDigestScheduled(deps.sql, deps.jobs, now, deps.origin);
  return id;
}

/** Deletes one of the user's saved searches; someone else's is NotFound. */
export async function removeSearch(sql: Sql, userId: string, id: string): Promise<void> {
  if (!isUuid(id) || !(await deleteSavedSearch(sql, userId, id))) throw new NotFound();
}
