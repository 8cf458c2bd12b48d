import type { Instance } from './types.js';

/**
 * The instance with every id replaced by a dense index, so the solver's inner loops touch typed
 * arrays only. Requests and participants are indexed in id order (not input order), which makes
 * the whole solve independent of how the uploaded lists happen to be ordered.
 */
export interface Model {
  readonly slotIds: readonly string[];
  readonly tableIds: readonly string[];
  readonly requestIds: readonly string[];
  readonly participantIds: readonly string[];
  readonly slotCount: number;
  readonly requestCount: number;
  readonly participantCount: number;
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly weight: Int32Array;
  /** Slot index of a locked request, -1 when free to move. */
  readonly lockedSlot: Int32Array;
  readonly lockedTable: Int32Array;
  /** Tables left in each slot after the locked meetings took theirs. */
  readonly capacity: Int32Array;
  /** `available[p * slotCount + s]` is 1 when participant p can meet in slot s. */
  readonly available: Uint8Array;
  /** For unlocked requests: slots where both sides are available and not held by a lock. */
  readonly candidateSlots: readonly Int32Array[];
  readonly requestsOf: readonly Int32Array[];
}

const byId = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** Compiles a validated instance; callers must have run it through `parseInstance` first. */
export function buildModel(instance: Instance): Model {
  const slotCount = instance.slots.length;
  const slotIndex = indexOf(instance.slots);
  const tableIndex = indexOf(instance.tables);
  const participants = [...instance.participants].sort((x, y) => byId(x.id, y.id));
  const participantIndex = indexOf(participants.map((p) => p.id));
  const requests = [...instance.requests].sort((x, y) => byId(x.id, y.id));
  const requestCount = requests.length;

  const available = new Uint8Array(participants.length * slotCount).fill(1);
  participants.forEach((participant, p) => {
    for (const slot of participant.unavailable) available[p * slotCount + at(slotIndex, slot)] = 0;
  });

  const a = new Int32Array(requestCount);
  const b = new Int32Array(requestCount);
  const weight = new Int32Array(requestCount);
  const lockedSlot = new Int32Array(requestCount).fill(-1);
  const lockedTable = new Int32Array(requestCount).fill(-1);
  const capacity = new Int32Array(slotCount).fill(instance.tables.length);
  const heldByLock = new Uint8Array(participants.length * slotCount);
  requests.forEach((request, r) => {
    a[r] = at(participantIndex, request.a);
    b[r] = at(participantIndex, request.b);
    weight[r] = request.priority;
    if (!request.locked) return;
    const s = at(slotIndex, request.locked.slot);
    lockedSlot[r] = s;
    lockedTable[r] = at(tableIndex, request.locked.table);
    capacity[s] = (capacity[s] ?? 0) - 1;
    heldByLock[a[r]! * slotCount + s] = 1;
    heldByLock[b[r]! * slotCount + s] = 1;
  });

  const candidateSlots = requests.map((_, r) => {
    if (lockedSlot[r] !== -1) return new Int32Array(0);
    const slots: number[] = [];
    for (let s = 0; s < slotCount; s++) {
      const ia = a[r]! * slotCount + s;
      const ib = b[r]! * slotCount + s;
      if (available[ia] && available[ib] && !heldByLock[ia] && !heldByLock[ib] && capacity[s]! > 0) {
        slots.push(s);
      }
    }
    return Int32Array.from(slots);
  });

  const incident: number[][] = participants.map(() => []);
  for (let r = 0; r < requestCount; r++) {
    incident[a[r]!]!.push(r);
    incident[b[r]!]!.push(r);
  }

  return {
    slotIds: instance.slots,
    tableIds: instance.tables,
    requestIds: requests.map((r) => r.id),
    participantIds: participants.map((p) => p.id),
    slotCount,
    requestCount,
    participantCount: participants.length,
    a,
    b,
    weight,
    lockedSlot,
    lockedTable,
    capacity,
    available,
    candidateSlots,
    requestsOf: incident.map((list) => Int32Array.from(list)),
  };
}

function indexOf(ids: readonly string[]): Map<string, number> {
  return new Map(ids.map((id, i) => [id, i]));
}

function at(index: Map<string, number>, id: string): number {
  const i = index.get(id);
  if (i === undefined) throw new Error(`unknown id "${id}": parse the instance with parseInstance first`);
  return i;
}
