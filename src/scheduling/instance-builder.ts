import { createHash } from 'node:crypto';
import type { Db } from '../db/client.js';
import { listSlots, listTables } from '../events/repo.js';
import * as repo from './repo.js';
import type { Instance } from './solver/index.js';

export interface EventInstance {
  instance: Instance;
  /** Fingerprint of the input: a preview computed from another input must not be published. */
  hash: string;
}

/**
 * Builds the solver's input from the database, with uuids as ids: accepted requests between
 * approved participants, their blocked slots (marked, or busy elsewhere), the tables in order, and
 * the locked meetings as `locked`. Unlocked meetings are left free: re-running may move them.
 * Everything is sorted, so the same data always yields the same instance and hash.
 */
export async function buildEventInstance(db: Db, eventId: string): Promise<EventInstance> {
  const [slots, tables, participants, requests, blocked, meetings] = await Promise.all([
    listSlots(db, eventId),
    listTables(db, eventId),
    repo.listApprovedParticipantIds(db, eventId),
    repo.listSchedulableRequests(db, eventId),
    repo.listBlockedSlots(db, eventId),
    repo.listEventMeetings(db, eventId),
  ]);
  const unavailable = new Map<string, Set<string>>();
  for (const b of blocked) {
    const set = unavailable.get(b.participantId) ?? new Set<string>();
    set.add(b.slotId);
    unavailable.set(b.participantId, set);
  }
  const locks = new Map(
    meetings.filter((m) => m.locked && m.slotId && m.tableId).map((m) => [m.requestId, m]),
  );
  const known = new Set(participants.map((p) => p.id));
  const slotOrder = slots.map((s) => s.id);
  const instance: Instance = {
    slots: slotOrder,
    tables: tables.map((t) => t.id),
    participants: participants.map((p) => ({
      id: p.id,
      unavailable: slotOrder.filter((s) => unavailable.get(p.id)?.has(s)),
    })),
    requests: requests
      .filter((r) => known.has(r.fromId) && known.has(r.toId))
      .map((r) => {
        const lock = locks.get(r.id);
        return {
          id: r.id,
          a: r.fromId,
          b: r.toId,
          priority: r.priority,
          ...(lock ? { locked: { slot: lock.slotId!, table: lock.tableId! } } : {}),
        };
      }),
  };
  const hash = createHash('sha256').update(JSON.stringify(instance)).digest('hex');
  return { instance, hash };
}
