/**
 * Scheduler benchmark: quality against the HiGHS optimum, solve time, and how the day starts
 * on seeded events. "Early" is the first quarter of an instance's slots (at least one): the
 * table-slots there that stay empty, and how many of those a waiting or later meeting could
 * take without moving anyone else (0 means the day starts on time).
 * Run with `npx tsx tests/bench/schedule.ts` (about two minutes on two cores).
 */
import type { Instance } from '../../src/scheduling/solver/index.js';
import { measureEarlyStart, solve, validateSolution } from '../../src/scheduling/solver/index.js';
import { solveExactly } from '../helpers/exact-scheduler.js';
import { type InstanceShape, randomInstance } from '../unit/scheduling/random-instance.js';

interface Case {
  readonly name: string;
  readonly shape: InstanceShape;
  /** Several seeds are summed into one row, so small instances say something in aggregate. */
  readonly seeds: readonly number[];
}

const EXACT_TIME_LIMIT_S = 60;
const TIMING_RUNS = 5;
const many = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

const cases: Case[] = [
  { name: 'small', shape: shape(12, 30, 8, 3, 0.2), seeds: many(50) },
  { name: 'small, 1 table, heavy unavail.', shape: shape(10, 30, 6, 1, 0.35), seeds: many(50) },
  { name: 'medium', shape: shape(100, 300, 12, 10, 0.2), seeds: many(5) },
  { name: 'medium, tight tables', shape: shape(100, 300, 12, 5, 0.2), seeds: many(5) },
  { name: 'medium, heavy unavail.', shape: shape(100, 300, 12, 20, 0.5), seeds: many(5) },
  { name: 'large', shape: shape(700, 2500, 24, 30, 0.15), seeds: many(2) },
  { name: 'large, tight tables', shape: shape(700, 2500, 24, 20, 0.15), seeds: many(2) },
  { name: 'large, heavy unavail.', shape: shape(700, 2500, 24, 40, 0.5), seeds: many(2) },
  { name: 'large, many tables, heavy unavail.', shape: shape(700, 2500, 24, 120, 0.4), seeds: many(2) },
  { name: 'large, 5% locked', shape: { ...shape(700, 2500, 24, 30, 0.2), lockRate: 0.05 }, seeds: many(2) },
];

function shape(
  participants: number,
  requests: number,
  slots: number,
  tables: number,
  unavailability: number,
) {
  return { participants, requests, slots, tables, unavailability, lockRate: 0.01 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeSolve(instance: Instance): { objective: number; ms: number; empty: number; fillable: number } {
  const times: number[] = [];
  let objective = 0;
  let early = { emptyEarlyCells: 0, fillableEarlyCells: 0 };
  for (let run = 0; run < TIMING_RUNS; run++) {
    const start = performance.now();
    const solution = solve(instance);
    times.push(performance.now() - start);
    const violations = validateSolution(instance, solution);
    if (violations.length > 0) throw new Error(`invalid solution: ${violations.slice(0, 3).join('; ')}`);
    objective = solution.objective;
    early = measureEarlyStart(instance, solution);
  }
  return { objective, ms: median(times), empty: early.emptyEarlyCells, fillable: early.fillableEarlyCells };
}

async function runCase(c: Case): Promise<string[]> {
  let objective = 0;
  let optimum: number | null = 0;
  const times: number[] = [];
  let empty = 0;
  let fillable = 0;
  for (const seed of c.seeds) {
    const instance = randomInstance(seed, c.shape);
    const run = timeSolve(instance);
    objective += run.objective;
    empty += run.empty;
    fillable += run.fillable;
    times.push(run.ms);
    const exact = await solveExactly(instance, EXACT_TIME_LIMIT_S);
    optimum = exact.optimal && optimum !== null ? optimum + exact.objective : null;
  }
  const { participants, requests, slots, tables } = c.shape;
  const label = c.seeds.length > 1 ? `${c.name} (sum of ${c.seeds.length})` : c.name;
  return [
    label,
    String(participants),
    String(requests),
    String(slots),
    String(tables),
    String(objective),
    optimum === null ? 'n/a' : String(optimum),
    optimum === null || optimum === 0 ? 'n/a' : (objective / optimum).toFixed(4),
    median(times).toFixed(1),
    `${Math.ceil(slots / 4)}×${tables}`,
    String(empty),
    String(fillable),
  ];
}

const header = [
  'instance',
  'participants',
  'requests',
  'slots',
  'tables',
  'objective',
  'optimum',
  'ratio',
  'solver ms',
  'early cells',
  'empty early',
  'fillable early',
];
const rows: string[][] = [];
for (const c of cases) {
  rows.push(await runCase(c));
  process.stderr.write(`done: ${c.name}\n`);
}
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
const line = (cells: string[]) =>
  `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of rows) console.log(line(row));
console.log(
  `\nsolver ms: median of ${TIMING_RUNS} runs (per instance for summed rows); optimum: HiGHS, ${EXACT_TIME_LIMIT_S} s limit`,
);
console.log(
  'early cells: first quarter of the slots × tables, per instance; empty/fillable early: summed over seeds; ' +
    'fillable = empty early table-slots a waiting or later meeting could take without moving anyone else',
);
