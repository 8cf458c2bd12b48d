import type { Db } from '../db/client.js';
import { LimitExceeded } from '../errors.js';
import { countVersions } from './repo.js';
import type { Side } from './schema.js';

/**
 * Versions one meeting may collect. Real meetings need a handful (a report per side, a follow-up
 * or two, the surveys, a reconciliation); fifty is far beyond that and keeps the history, its page
 * and its export small. Over the cap, writes are refused rather than older versions compacted:
 * versions are the audit trail, and a trail that silently forgets is not one.
 */
export const MAX_VERSIONS_PER_MEETING = 50;

/**
 * The last versions under the cap are kept for facilitators, so that after the parties have used
 * up their share the official record can still be written and reconciled.
 */
export const OFFICIAL_RESERVE = 10;

/** Versions per page of the outcome page's history. */
export const HISTORY_PAGE_SIZE = 10;

/** The version cap for a side: parties stop earlier than the official record. */
export function capFor(side: Side): number {
  return side === 'official' ? MAX_VERSIONS_PER_MEETING : MAX_VERSIONS_PER_MEETING - OFFICIAL_RESERVE;
}

/**
 * Refuses a new version (409, naming the cap) once the meeting's history holds the side's cap.
 * Call it under the meeting's head lock, so concurrent reports cannot both take the last place.
 */
export async function requireHistoryRoom(db: Db, meetingId: string, side: Side): Promise<void> {
  const n = await countVersions(db, meetingId);
  const cap = capFor(side);
  if (n < cap) return;
  throw new LimitExceeded(
    'history_full',
    side === 'official' ? 'outcomes.conflict.history_full_official' : 'outcomes.conflict.history_full',
    { n, max: cap },
    409,
  );
}

export interface Paging {
  page: number;
  perPage: number;
}

/** Page count for a total (at least one, so an empty history still has page 1). */
export function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}
