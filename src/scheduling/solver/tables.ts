import { NONE, type Schedule } from './schedule.js';
import type { Meeting, Solution } from './types.js';

/**
 * Turns a slot assignment into meetings with tables. Tables in a slot are interchangeable apart
 * from locks, so any assignment within capacity is feasible; we use the freedom to keep people
 * seated: a meeting first tries the table its `a` side used last, then its `b` side's, else the
 * first free table in the given order. At real events the buyer (usually `a`) stays put while
 * suppliers rotate, so fewer people carry their samples across the hall.
 */
export function buildSolution(schedule: Schedule): Solution {
  const { model } = schedule;
  const { slotCount, lockedTable, a, b, weight, requestIds, slotIds, tableIds } = model;
  const lastTable = new Int32Array(model.participantCount).fill(NONE);
  const tableOf = new Int32Array(model.requestCount).fill(NONE);
  const bySlot = meetingsBySlot(schedule);

  for (let s = 0; s < slotCount; s++) {
    const taken = new Uint8Array(tableIds.length);
    const waiting: number[] = [];
    for (const r of bySlot[s]!) {
      if (lockedTable[r] !== NONE) taken[lockedTable[r]!] = 1;
    }
    for (const r of bySlot[s]!) {
      if (lockedTable[r] !== NONE) {
        tableOf[r] = lockedTable[r]!;
        continue;
      }
      const preferred = [lastTable[a[r]!]!, lastTable[b[r]!]!].find((t) => t !== NONE && !taken[t]);
      if (preferred === undefined) {
        waiting.push(r);
        continue;
      }
      tableOf[r] = preferred;
      taken[preferred] = 1;
    }
    let next = 0;
    for (const r of waiting) {
      while (taken[next]) next++;
      tableOf[r] = next;
      taken[next] = 1;
    }
    for (const r of bySlot[s]!) {
      lastTable[a[r]!] = tableOf[r]!;
      lastTable[b[r]!] = tableOf[r]!;
    }
  }

  const meetings: Meeting[] = [];
  const unscheduled: string[] = [];
  let objective = 0;
  for (let s = 0; s < slotCount; s++) {
    const ordered = [...bySlot[s]!].sort((x, y) => tableOf[x]! - tableOf[y]!);
    for (const r of ordered) {
      meetings.push({ request: requestIds[r]!, slot: slotIds[s]!, table: tableIds[tableOf[r]!]! });
      objective += weight[r]!;
    }
  }
  for (let r = 0; r < model.requestCount; r++) {
    if (schedule.slotOf[r] === NONE) unscheduled.push(requestIds[r]!);
  }
  return { meetings, unscheduled, objective };
}

/** Scheduled requests per slot in id order, so table hand-out does not depend on search history. */
function meetingsBySlot(schedule: Schedule): number[][] {
  const bySlot: number[][] = Array.from({ length: schedule.model.slotCount }, () => []);
  for (let r = 0; r < schedule.model.requestCount; r++) {
    const s = schedule.slotOf[r]!;
    if (s !== NONE) bySlot[s]!.push(r);
  }
  return bySlot;
}
