import highsModule from 'highs';
import type { Instance } from '../../src/scheduling/solver/index.js';

export interface ExactResult {
  /** Best objective found; the optimum when `optimal` is true. */
  readonly objective: number;
  readonly optimal: boolean;
  readonly status: string;
}

type HighsLoader = typeof highsModule.default;
type Highs = Awaited<ReturnType<HighsLoader>>;

/**
 * The package's types are CommonJS-flavoured, so TypeScript sees the ESM default export as the
 * module object; at runtime (tsx, vitest) it is the loader itself. Accept either shape.
 */
const highsLoader = ((highsModule as unknown as { default?: HighsLoader }).default ??
  highsModule) as unknown as HighsLoader;
let loading: Promise<Highs> | undefined;

/** The Wasm runtime takes a moment to instantiate, so it is loaded once per process. */
function loadHighs(): Promise<Highs> {
  loading ??= highsLoader();
  return loading;
}

/**
 * Reference optimum for judging the heuristic solver: a 0/1 program over x[r,s] (request r in
 * slot s). Locked meetings are constants: they add their priority, use up a table in their slot
 * and make their participants busy there. Meant for small and medium instances only.
 */
export async function solveExactly(instance: Instance, timeLimitSeconds = 60): Promise<ExactResult> {
  const lp = buildLp(instance);
  if (lp.variables === 0) return { objective: lp.constant, optimal: true, status: 'Optimal' };
  const highs = await loadHighs();
  const result = highs.solve(lp.text, { output_flag: false, mip_rel_gap: 0, time_limit: timeLimitSeconds });
  const hasSolution = result.Status === 'Optimal' || result.Status === 'Time limit reached';
  return {
    objective: hasSolution ? Math.round(result.ObjectiveValue) + lp.constant : Number.NaN,
    optimal: result.Status === 'Optimal',
    status: result.Status,
  };
}

interface Lp {
  readonly text: string;
  readonly variables: number;
  readonly constant: number;
}

function buildLp(instance: Instance): Lp {
  const away = new Set(instance.participants.flatMap((p) => p.unavailable.map((s) => `${p.id}|${s}`)));
  const lockedTables = new Map<string, number>();
  let constant = 0;
  for (const request of instance.requests) {
    if (!request.locked) continue;
    constant += request.priority;
    away.add(`${request.a}|${request.locked.slot}`).add(`${request.b}|${request.locked.slot}`);
    lockedTables.set(request.locked.slot, (lockedTables.get(request.locked.slot) ?? 0) + 1);
  }

  const objective: string[] = [];
  const perRequest = new Map<string, string[]>();
  const perSlot = new Map<string, string[]>();
  const perPersonSlot = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, value: string): void => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  instance.requests.forEach((request, r) => {
    if (request.locked) return;
    instance.slots.forEach((slot, s) => {
      if (away.has(`${request.a}|${slot}`) || away.has(`${request.b}|${slot}`)) return;
      const x = `x${r}_${s}`;
      objective.push(`${request.priority} ${x}`);
      push(perRequest, String(r), x);
      push(perSlot, slot, x);
      push(perPersonSlot, `${request.a}|${slot}`, x);
      push(perPersonSlot, `${request.b}|${slot}`, x);
    });
  });

  const rows: string[] = [];
  let row = 0;
  const limit = (terms: string[], bound: number): void => {
    if (terms.length > 1 || bound < 1) rows.push(` c${row++}: ${wrap(terms)} <= ${bound}`);
  };
  for (const terms of perRequest.values()) limit(terms, 1);
  for (const terms of perPersonSlot.values()) limit(terms, 1);
  for (const [slot, terms] of perSlot) limit(terms, instance.tables.length - (lockedTables.get(slot) ?? 0));

  const text = [
    'Maximize',
    ` obj: ${wrap(objective)}`,
    'Subject To',
    ...rows,
    'Binary',
    ...chunk(objective.map((term) => term.split(' ')[1]!)).map((names) => ` ${names.join(' ')}`),
    'End',
  ].join('\n');
  return { text, variables: objective.length, constant };
}

/** Keeps LP-format lines short; the CPLEX LP reader limits line length. */
function wrap(terms: string[]): string {
  return chunk(terms)
    .map((line) => line.join(' + '))
    .join('\n + ');
}

function chunk(items: string[]): string[][] {
  const chunks: string[][] = [];
  for (let i = 0; i < items.length; i += 8) chunks.push(items.slice(i, i + 8));
  return chunks;
}
