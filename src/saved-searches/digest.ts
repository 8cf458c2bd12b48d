import type { SearchEngine } from '../../search/engine.js';
import type { Sql } from '../db/client.js';
import type { SearchParams } from '../directory/schema.js';
import { searchSuppliers } from '../directory/service.js';
import type { Jobs } from '../jobs/queue.js';
import type { Logger } from '../logger.js';
import { engineFor } from '../matching/service.js';
import { notify } from '../notifications/service.js';
import {
  advanceDigest,
  listDueSearches,
  listNewlyVerified,
  type NewlyVerified,
  type SavedSearchRow,
} from './repo.js';
import { type DigestJob, ensureDigestScheduled, parseSavedQuery } from './service.js';

export interface DigestDeps {
  sql: Sql;
  jobs: Jobs | null;
  logger: Logger;
  clock: () => Date;
  search?: SearchEngine | undefined;
}

const PAGE = 100;
const MAX_DEPTH = 10_000;
const NAMES_SHOWN = 5;

/**
 * Which of the newly verified suppliers the saved search finds, asked of the search engine as
 * the user would see it (verified profiles only). The query is narrowed to the regencies of the
 * new suppliers (a superset of them, a subset of the search), then read page by page until every
 * new supplier has been seen or the results end.
 */
async function matchingAmong(
  deps: DigestDeps,
  p: SearchParams,
  fresh: NewlyVerified[],
): Promise<NewlyVerified[]> {
  const wanted = new Map(fresh.map((s) => [s.id, s]));
  let params: SearchParams = { ...p, sort: 'recent', per_page: PAGE };
  if (fresh.every((s) => s.regencyCode !== null)) {
    const regencies = [...new Set(fresh.map((s) => s.regencyCode!))];
    const narrowed = p.regency.length ? p.regency.filter((r) => regencies.includes(r)) : regencies;
    if (narrowed.length === 0) return [];
    params = { ...params, regency: narrowed };
  }
  const found: NewlyVerified[] = [];
  const sdeps = { sql: deps.sql, search: engineFor(deps), clock: deps.clock };
  for (let page = 1; page * PAGE <= MAX_DEPTH && found.length < wanted.size; page++) {
    const { result } = await searchSuppliers(sdeps, { ...params, page }, null);
    for (const h of result.hits) {
      const s = wanted.get(h.id);
      if (s) found.push(s);
    }
    if (result.hits.length < PAGE) break;
  }
  return found;
}

/** Some saved searches could not be digested; the job fails so pg-boss retries it with backoff. */
export class DigestIncomplete extends Error {
  constructor(
    readonly failed: number,
    readonly sent: number,
  ) {
    super(`saved-search digest: ${failed} searches failed, ${sent} notified; retrying`);
  }
}

/**
 * One digest run: for every saved search behind `now`, the suppliers verified since its last
 * digest that the search finds. A user with any gets one notification per search (in-app and by
 * email, in their language); the search moves forward to `now` in the same transaction, so its
 * marker advances if and only if its notice is enqueued. A search that fails is logged and left
 * behind (the others go on), and the run then throws DigestIncomplete: the job's retry picks up
 * exactly the searches still behind, over the whole window they missed.
 */
export async function runSavedSearchDigest(deps: DigestDeps, origin: string): Promise<number> {
  const now = deps.clock();
  const fresh = new Map<number, Promise<NewlyVerified[]>>();
  let sent = 0;
  let failed = 0;
  for (const s of await listDueSearches(deps.sql, now)) {
    try {
      if (await digestOne(deps, s, now, fresh, origin)) sent++;
    } catch (err) {
      failed++;
      deps.logger.error({ err, savedSearchId: s.id, userId: s.userId }, 'saved-search digest failed');
    }
  }
  if (failed > 0) throw new DigestIncomplete(failed, sent);
  return sent;
}

/** Digests one saved search; true when a notice was enqueued. */
async function digestOne(
  deps: DigestDeps,
  s: SavedSearchRow,
  now: Date,
  fresh: Map<number, Promise<NewlyVerified[]>>,
  origin: string,
): Promise<boolean> {
  const key = s.digestedUntil.getTime();
  if (!fresh.has(key)) fresh.set(key, listNewlyVerified(deps.sql, s.digestedUntil, now));
  const candidates = await fresh.get(key)!;
  const p = parseSavedQuery(s.query);
  const found = p && candidates.length ? await matchingAmong(deps, p, candidates) : [];
  return deps.sql.begin(async (tx) => {
    if (!(await advanceDigest(tx, s.id, s.digestedUntil, now)) || found.length === 0) return false;
    const names = found.slice(0, NAMES_SHOWN).map((f) => f.legalName);
    await notify(
      tx,
      deps.jobs,
      {
        userId: s.userId,
        kind: 'saved_search.digest',
        titleKey: 'saved.mail.title',
        bodyKey: found.length > NAMES_SHOWN ? 'saved.mail.body_more' : 'saved.mail.body',
        params: {
          name: s.name,
          n: found.length,
          names: names.join(', '),
          more: found.length - names.length,
        },
        link: `/suppliers?${s.query}`,
        email: true,
      },
      origin,
    );
    return true;
  });
}

/**
 * The `notifications.digest` worker: queues tomorrow's run first, then digests. A failed search
 * makes the job throw, and pg-boss retries it with backoff (the queue's retry limit and delay).
 */
export function savedSearchDigestHandler(deps: DigestDeps) {
  return async (job: DigestJob) => {
    if (job.kind !== 'saved-searches') return;
    await ensureDigestScheduled(deps.sql, deps.jobs, deps.clock(), job.origin);
    const sent = await runSavedSearchDigest(deps, job.origin);
    deps.logger.info({ sent }, 'saved-search digest sent');
  };
}
