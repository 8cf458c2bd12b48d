import { idlePenalty } from './idle-penalty.js';
import { NONE, type Schedule } from './schedule.js';

/**
 * The slots that count as the start of the event: the first quarter, at least one. The
 * solver sees slots in time order but not days, so for a several-day event this is the
 * start of the first day.
 */
export function earlySlotCount(slotCount: number): number {
  return Math.min(slotCount, Math.max(1, Math.ceil(slotCount / 4)));
}

/**
 * Fills free tables in the early slots so the day starts on time. First it seats waiting
 * requests that fit directly (the objective only rises), then it pulls meetings forward from
 * later slots, cheapest in idle time first and, among equals, from the end of the day. Every
 * step keeps the scheduled set or grows it, so total priority never falls.
 */
export function fillEarlySlots(schedule: Schedule, deadline: number): void {
  const { model } = schedule;
  const early = earlySlotCount(model.slotCount);
  for (let s = 0; s < early; s++) {
    if (Date.now() > deadline) return;
    seatWaiting(schedule, s);
    pullForward(schedule, s);
  }
}

function seatWaiting(schedule: Schedule, s: number): void {
  const { model } = schedule;
  const waiting: number[] = [];
  for (let r = 0; r < model.requestCount; r++)
    if (schedule.slotOf[r] === NONE && model.candidateSlots[r]!.includes(s)) waiting.push(r);
  waiting.sort((x, y) => model.weight[y]! - model.weight[x]! || x - y);
  for (const r of waiting) {
    if (!schedule.hasRoom(s)) break;
    if (schedule.fitsDirectly(r, s)) schedule.move(r, s);
  }
  schedule.commit();
}

function pullForward(schedule: Schedule, s: number): void {
  const { model } = schedule;
  if (!schedule.hasRoom(s)) return;
  const offers: { r: number; cost: number; from: number }[] = [];
  for (let r = 0; r < model.requestCount; r++) {
    const from = schedule.slotOf[r]!;
    if (from === NONE || from <= s || schedule.isLocked(r)) continue;
    if (!schedule.fitsDirectly(r, s) || !model.candidateSlots[r]!.includes(s)) continue;
    offers.push({ r, cost: moveCost(schedule, r, from, s), from });
  }
  offers.sort((x, y) => x.cost - y.cost || y.from - x.from || x.r - y.r);
  for (const { r } of offers) {
    if (!schedule.hasRoom(s)) break;
    if (schedule.fitsDirectly(r, s)) schedule.move(r, s);
  }
  schedule.commit();
}

function moveCost(schedule: Schedule, r: number, from: number, to: number): number {
  let cost = 0;
  for (const p of [schedule.model.a[r]!, schedule.model.b[r]!])
    cost += idlePenalty(schedule, p, from, to) - idlePenalty(schedule, p);
  return cost;
}

/**
 * Early table-slots left empty although a waiting or later meeting could sit there without
 * moving anyone else: the figure the benchmark reports (0 means the day starts on time).
 */
export function fillableEarlyCells(schedule: Schedule): number {
  const { model } = schedule;
  let total = 0;
  for (let s = 0; s < earlySlotCount(model.slotCount); s++) {
    const room = model.capacity[s]! - schedule.load[s]!;
    if (room <= 0) continue;
    const busy = new Set<number>();
    let fits = 0;
    for (let r = 0; r < model.requestCount && fits < room; r++) {
      const from = schedule.slotOf[r]!;
      if ((from !== NONE && from <= s) || schedule.isLocked(r) || !model.candidateSlots[r]!.includes(s))
        continue;
      const [a, b] = [model.a[r]!, model.b[r]!];
      if (
        busy.has(a) ||
        busy.has(b) ||
        schedule.occupantOf(a, s) !== NONE ||
        schedule.occupantOf(b, s) !== NONE
      )
        continue;
      busy.add(a);
      busy.add(b);
      fits++;
    }
    total += fits;
  }
  return total;
}

/** How a finished solution uses the start of the event; the benchmark and tests read it. */
export interface EarlyStartReport {
  earlySlots: number;
  emptyEarlyCells: number;
  fillableEarlyCells: number;
}
