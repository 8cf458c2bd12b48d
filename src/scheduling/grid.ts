import type { SlotRow, TableRow } from '../events/repo.js';
import type { BlockedSlot, MeetingRow, SchedulableRequest } from './repo.js';

/** What a facilitator may do with one cell, given the current selection. */
export type CellAction =
  | { kind: 'none' }
  | { kind: 'selected' }
  | { kind: 'move' }
  | { kind: 'swap'; with: string }
  | { kind: 'place' }
  | { kind: 'blocked'; reason: 'busy' | 'unavailable' };

export type Selection =
  | { kind: 'meeting'; meeting: MeetingRow }
  | { kind: 'request'; request: PendingRequest }
  | null;

export interface PendingRequest extends SchedulableRequest {
  fromName: string;
  toName: string;
}

/**
 * The grid as data: who sits where, who is blocked when, and, for a selected meeting or request,
 * which cells accept it. Pure, so the rules the buttons follow are the ones tests check; the
 * database still has the last word when the button is pressed.
 */
export class GridModel {
  private readonly byCell = new Map<string, MeetingRow>();
  private readonly busy = new Map<string, Map<string, string>>();
  private readonly blocked = new Set<string>();

  constructor(
    readonly slots: SlotRow[],
    readonly tables: TableRow[],
    readonly meetings: MeetingRow[],
    blocked: BlockedSlot[],
    readonly unscheduled: PendingRequest[],
  ) {
    for (const m of meetings) {
      if (!m.slotId || !m.tableId) continue;
      this.byCell.set(`${m.slotId}|${m.tableId}`, m);
      const inSlot = this.busy.get(m.slotId) ?? new Map<string, string>();
      inSlot.set(m.aId, m.id);
      inSlot.set(m.bId, m.id);
      this.busy.set(m.slotId, inSlot);
    }
    for (const b of blocked) this.blocked.add(`${b.participantId}|${b.slotId}`);
  }

  at(slotId: string, tableId: string): MeetingRow | null {
    return this.byCell.get(`${slotId}|${tableId}`) ?? null;
  }

  /** A scheduled meeting whose participant is now unavailable in its slot (shown in red). */
  hasConflict(m: Pick<MeetingRow, 'slotId' | 'aId' | 'bId'>): boolean {
    return !!m.slotId && (this.isBlocked(m.aId, m.slotId) || this.isBlocked(m.bId, m.slotId));
  }

  isBlocked(participantId: string, slotId: string): boolean {
    return this.blocked.has(`${participantId}|${slotId}`);
  }

  /** Why these people cannot meet in the slot (ignoring the given meetings), or null when they can. */
  private obstacle(people: string[], slotId: string, ignore: string[]): 'busy' | 'unavailable' | null {
    if (people.some((p) => this.isBlocked(p, slotId))) return 'unavailable';
    const inSlot = this.busy.get(slotId);
    if (
      people.some((p) => {
        const holder = inSlot?.get(p);
        return holder !== undefined && !ignore.includes(holder);
      })
    )
      return 'busy';
    return null;
  }

  actionFor(selection: Selection, slotId: string, tableId: string): CellAction {
    if (!selection) return { kind: 'none' };
    const occupant = this.at(slotId, tableId);
    if (selection.kind === 'request') {
      if (occupant) return { kind: 'none' };
      const why = this.obstacle([selection.request.fromId, selection.request.toId], slotId, []);
      return why ? { kind: 'blocked', reason: why } : { kind: 'place' };
    }
    const m = selection.meeting;
    if (occupant?.id === m.id) return { kind: 'selected' };
    const mine = [m.aId, m.bId];
    if (!occupant) {
      const why = this.obstacle(mine, slotId, [m.id]);
      return why ? { kind: 'blocked', reason: why } : { kind: 'move' };
    }
    const pair = [m.id, occupant.id];
    const here = this.obstacle(mine, slotId, pair);
    const there = this.obstacle([occupant.aId, occupant.bId], m.slotId!, pair);
    return here || there ? { kind: 'none' } : { kind: 'swap', with: occupant.id };
  }
}
