import type { SlotRow, TableRow } from '../events/repo.js';
import type { BlockedSlot, MeetingRow } from './repo.js';

/** A free table at a slot where every named party is free too. */
export interface FreeSpot {
  slotId: string;
  tableId: string;
  tableName: string;
  startsAt: Date;
  endsAt: Date;
}

/**
 * Where a meeting between `parties` could still go: slots that have not started, where none of
 * them sits in another meeting or marked themselves away, at the first free table. Only a hint
 * for the buttons: the placement's constraints decide when two facilitators race.
 */
export function findFreeSpots(
  slots: SlotRow[],
  tables: TableRow[],
  meetings: MeetingRow[],
  blocked: BlockedSlot[],
  parties: string[],
  now: Date,
  limit: number,
): FreeSpot[] {
  const taken = new Set(meetings.map((m) => `${m.slotId}|${m.tableId}`));
  const busy = new Set([
    ...meetings.flatMap((m) => [`${m.slotId}|${m.aId}`, `${m.slotId}|${m.bId}`]),
    ...blocked.map((b) => `${b.slotId}|${b.participantId}`),
  ]);
  const spots: FreeSpot[] = [];
  for (const s of slots) {
    if (s.startsAt < now || parties.some((p) => busy.has(`${s.id}|${p}`))) continue;
    const table = tables.find((tb) => !taken.has(`${s.id}|${tb.id}`));
    if (table)
      spots.push({
        slotId: s.id,
        tableId: table.id,
        tableName: table.name,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
      });
    if (spots.length >= limit) break;
  }
  return spots;
}
