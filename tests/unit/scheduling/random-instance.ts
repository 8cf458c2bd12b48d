import type { Instance } from '../../../src/scheduling/solver/index.js';
import { seededRandom } from '../../../src/scheduling/solver/seeded-random.js';

export interface InstanceShape {
  readonly participants: number;
  readonly requests: number;
  readonly slots: number;
  readonly tables: number;
  /** Share of slots a participant misses on average (late arrival, early leave, or scattered). */
  readonly unavailability: number;
  /** Share of requests the generator tries to lock (conflicting locks are skipped). */
  readonly lockRate: number;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * Event-like random instances: about 30% buyers who are asked for more often than suppliers,
 * unavailability as late arrivals, early departures or scattered gaps, and a few valid locks.
 */
export function randomInstance(seed: number, shape: InstanceShape): Instance {
  const random = seededRandom(seed);
  const pick = (n: number): number => Math.floor(random() * n);
  const slots = Array.from({ length: shape.slots }, (_, i) => `s${pad(i + 1, 2)}`);
  const tables = Array.from({ length: shape.tables }, (_, i) => `T${pad(i + 1, 2)}`);
  const buyerCount = Math.max(1, Math.round(shape.participants * 0.3));
  const supplierCount = Math.max(1, shape.participants - buyerCount);
  const buyers = Array.from({ length: buyerCount }, (_, i) => `b${pad(i + 1, 4)}`);
  const suppliers = Array.from({ length: supplierCount }, (_, i) => `v${pad(i + 1, 4)}`);
  const participants = [...buyers, ...suppliers].map((id) => ({
    id,
    unavailable: randomUnavailability(random, slots, shape.unavailability),
  }));

  const pairs = new Set<string>();
  const requests: Instance['requests'] = [];
  const wanted = Math.min(shape.requests, buyerCount * supplierCount);
  for (let attempt = 0; requests.length < wanted && attempt < wanted * 20; attempt++) {
    const buyer = buyers[Math.floor(buyerCount * random() ** 1.6)]!;
    const supplier = suppliers[pick(supplierCount)]!;
    if (pairs.has(`${buyer}/${supplier}`)) continue;
    pairs.add(`${buyer}/${supplier}`);
    const roll = random();
    const priority = roll < 0.25 ? 3 : roll < 0.6 ? 2 : 1;
    requests.push({ id: `r${pad(requests.length + 1, 5)}`, a: buyer, b: supplier, priority });
  }
  addLocks(random, { slots, tables, participants, requests }, shape.lockRate);
  return { slots, tables, participants, requests };
}

function randomUnavailability(random: () => number, slots: string[], rate: number): string[] {
  const n = slots.length;
  const style = random();
  const span = Math.min(n, Math.round(rate * n * 2 * random()));
  if (style < 0.3) return slots.slice(n - span);
  if (style < 0.6) return slots.slice(0, span);
  return slots.filter(() => random() < rate);
}

function addLocks(random: () => number, instance: Instance, rate: number): void {
  const busy = new Set<string>();
  const away = new Map(instance.participants.map((p) => [p.id, new Set(p.unavailable)]));
  for (const request of instance.requests) {
    if (random() >= rate || instance.slots.length === 0 || instance.tables.length === 0) continue;
    const slot = instance.slots[Math.floor(random() * instance.slots.length)]!;
    const table = instance.tables[Math.floor(random() * instance.tables.length)]!;
    const keys = [`${slot}|${table}`, `${slot}|${request.a}`, `${slot}|${request.b}`];
    if (keys.some((key) => busy.has(key))) continue;
    if (away.get(request.a)?.has(slot) || away.get(request.b)?.has(slot)) continue;
    for (const key of keys) busy.add(key);
    request.locked = { slot, table };
  }
}
