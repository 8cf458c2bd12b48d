import type { Db } from '../db/client.js';
import {
  listRecentTrackRecordMeetings,
  listTrackRecordCounts,
  listTrackRecordScoreInputs,
  sumTrackRecordValue,
  type TrackRecordMeeting,
} from './track-record-repo.js';

export type { TrackRecordMeeting } from './track-record-repo.js';

/** A supplier's record across its meetings, from the official outcomes. */
export interface TrackRecord {
  /** Scheduled meetings that have begun (upcoming ones are not a record yet). */
  meetings: number;
  /** Of those, held: check-in or official attendance says so, or an outcome was recorded. */
  held: number;
  /** Meetings the supplier side missed (it alone, or both sides). */
  noShows: number;
  /** noShows / meetings with known attendance (held or any no-show); null before any is known. */
  noShowRate: number | null;
  deals: number;
  mous: number;
}

const EMPTY: TrackRecord = { meetings: 0, held: 0, noShows: 0, noShowRate: null, deals: 0, mous: 0 };

/**
 * Track records for many suppliers in one query: the seam the matching score uses to reward
 * suppliers who turn up and close, and the profile's public summary. Every requested id is in
 * the map (zeros for suppliers without meetings). `now` decides which meetings have begun.
 */
export async function loadTrackRecords(
  db: Db,
  supplierIds: readonly string[],
  now: Date = new Date(),
): Promise<Map<string, TrackRecord>> {
  const out = new Map<string, TrackRecord>(supplierIds.map((id) => [id, { ...EMPTY }]));
  if (supplierIds.length === 0) return out;
  const rows = await listTrackRecordCounts(db, supplierIds, now);
  for (const r of rows) {
    const { known } = r;
    out.set(r.supplierId, {
      meetings: r.meetings,
      held: r.held,
      noShows: r.noShows,
      noShowRate: known > 0 ? r.noShows / known : null,
      deals: r.deals,
      mous: r.mous,
    });
  }
  return out;
}

export interface TrackRecordDetail extends TrackRecord {
  /** Sum of official deal and MoU values, exact rupiah as a digit string. */
  valueIdr: string;
  followUps: number;
  recent: TrackRecordMeeting[];
}

/** The facilitator-only detail: value, open follow-ups and the latest meetings with their buyers. */
export async function loadTrackRecordDetail(
  db: Db,
  supplierId: string,
  now: Date,
): Promise<TrackRecordDetail> {
  const base = (await loadTrackRecords(db, [supplierId], now)).get(supplierId) ?? { ...EMPTY };
  const [sums, recent] = await Promise.all([
    sumTrackRecordValue(db, supplierId, now),
    listRecentTrackRecordMeetings(db, supplierId, now, 10),
  ]);
  return { ...base, valueIdr: sums?.valueIdr ?? '0', followUps: sums?.followUps ?? 0, recent };
}

/** What a profile shows: the public summary, plus the detail when the viewer is a facilitator. */
export async function loadProfileTrackRecord(
  db: Db,
  supplierId: string,
  opts: { detail: boolean; now: Date },
): Promise<{ record: TrackRecord; detail: TrackRecordDetail | null }> {
  if (opts.detail) {
    const detail = await loadTrackRecordDetail(db, supplierId, opts.now);
    return { record: detail, detail };
  }
  const record = (await loadTrackRecords(db, [supplierId], opts.now)).get(supplierId) ?? { ...EMPTY };
  return { record, detail: null };
}

/**
 * The matching signal (0..1) for every supplier that has held or missed a meeting before `now`:
 * 0.7 × (1 − no-show rate) + 0.3 × min(1, (deals + MoUs) / meetings held). Suppliers without a
 * record are absent, so matching leaves the component out for them.
 */
export async function loadTrackRecordScores(db: Db, now: Date): Promise<Map<string, number>> {
  const rows = await listTrackRecordScoreInputs(db, now);
  return new Map(
    rows.map((r) => [
      r.supplierId,
      0.7 * (1 - r.noShows / r.known) + 0.3 * Math.min(1, r.held > 0 ? r.wins / r.held : 0),
    ]),
  );
}
