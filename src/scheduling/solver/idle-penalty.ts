import { NONE, type Schedule } from './schedule.js';

/**
 * Idle cost of one participant's agenda: for every run of L free (available, unbooked) slots
 * between two of their meetings, L². Squaring makes one long wait worse than two short breaks,
 * which is what participants complain about; slots they marked unavailable are not idle time.
 * `leave` and `join` price a move without making it (NONE for no change).
 */
export function idlePenalty(schedule: Schedule, p: number, leave = NONE, join = NONE): number {
  const { slotCount, available } = schedule.model;
  const base = p * slotCount;
  let penalty = 0;
  let idle = 0;
  let seenMeeting = false;
  for (let s = 0; s < slotCount; s++) {
    const busy = s === join || (s !== leave && schedule.occupant[base + s] !== NONE);
    if (busy) {
      if (seenMeeting) penalty += idle * idle;
      seenMeeting = true;
      idle = 0;
    } else if (available[base + s]) {
      idle++;
    }
  }
  return penalty;
}

/** Total idle cost over all participants, the secondary objective compaction lowers. */
export function totalIdlePenalty(schedule: Schedule): number {
  let total = 0;
  for (let p = 0; p < schedule.model.participantCount; p++) total += idlePenalty(schedule, p);
  return total;
}
