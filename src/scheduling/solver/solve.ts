/*
 * Design. Tables within a slot are interchangeable except for locks, so the solver decides only
 * which slot each request gets, subject to per-slot capacity (tables minus locked meetings),
 * one meeting per participant per slot, and availability; tables are handed out at the end.
 * That shrinks the search space by a factor of the table count and makes every move cheap.
 *
 * 1. Greedy: priority first, most constrained first, least-constraining slot.
 * 2. Local search: ejection chains seat unscheduled requests by moving blockers elsewhere,
 *    then by dropping lighter meetings when that is a strict gain. A "vacate one, seat
 *    several" move undoes greedy's priority-first choices where two lighter meetings beat
 *    one heavier one.
 * 3. Kicks (iterated local search with a fixed seed): force a waiting request in, repair
 *    around it, keep the result unless the objective fell. Escapes the local optima above.
 * 4. Early start: free tables in the first quarter of the slots are filled with waiting requests,
 *    then with meetings pulled forward from later slots, so the day does not start late.
 * 5. Compaction: slot moves and swaps that shorten idle gaps, never changing the scheduled set
 *    and never emptying an early table; then the early start is topped up once more.
 *
 * All work is bounded by iteration counts, so the result depends only on the input. The
 * wall-clock budget is a safety net far above normal run times (a few hundred ms for the
 * largest events); if it ever fires, the result is still valid, just less polished.
 */
import { compact } from './compact.js';
import { fillEarlySlots } from './early-start.js';
import { placeGreedily } from './greedy.js';
import { improve } from './local-search.js';
import { buildModel } from './model.js';
import { perturb } from './perturb.js';
import { Schedule } from './schedule.js';
import { buildSolution } from './tables.js';
import type { Instance, Solution } from './types.js';

export interface SolveOptions {
  /** Safety net only; defaults to 10 s. Normal runs stop on iteration limits long before. */
  readonly timeBudgetMs?: number;
}

/*
 * Limits tuned on generated events against the HiGHS optimum (tests/bench/schedule.ts): deeper
 * or wider searches did not raise quality measurably but cost time on the largest events.
 */
const SEARCH = {
  maxDepth: 3,
  nodeBudget: 400,
  maxRounds: 20,
  vacate: { maxDepth: 2, nodeBudget: 60 },
} as const;
const KICKS = { maxDepth: 2, nodeBudget: 60, maxKicks: 2000, stallKicks: 150 } as const;
const COMPACTION_PASSES = 20;

/**
 * Pure and deterministic so a facilitator can re-run an event's schedule and get the same
 * agenda, and so the service can solve inside a request or a job without side effects.
 * Expects an instance that passed `parseInstance`; request and participant order do not matter.
 */
export function solve(instance: Instance, options: SolveOptions = {}): Solution {
  const deadline = Date.now() + (options.timeBudgetMs ?? 10_000);
  const model = buildModel(instance);
  const schedule = new Schedule(model);
  const all = Array.from({ length: model.requestCount }, (_, r) => r);
  placeGreedily(schedule, all);
  improve(schedule, { ...SEARCH, deadline });
  perturb(schedule, { ...KICKS, deadline });
  fillEarlySlots(schedule, deadline);
  compact(schedule, COMPACTION_PASSES, deadline);
  fillEarlySlots(schedule, deadline);
  return buildSolution(schedule);
}
