import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/exports/csv.js';
import { GridModel, type PendingRequest } from '../../../src/scheduling/grid.js';
import type { MeetingRow } from '../../../src/scheduling/repo.js';

const slot = (id: string, h: number) => ({
  id,
  position: h,
  startsAt: new Date(Date.UTC(2026, 11, 1, h)),
  endsAt: new Date(Date.UTC(2026, 11, 1, h, 20)),
});
const slots = [slot('s1', 1), slot('s2', 2)];
const tables = [
  { id: 't1', position: 1, name: '1' },
  { id: 't2', position: 2, name: '2' },
];

function meeting(id: string, slotId: string, tableId: string, a: string, b: string): MeetingRow {
  return {
    id,
    eventId: 'e',
    requestId: `r-${id}`,
    slotId,
    tableId,
    tableName: tableId,
    status: 'scheduled',
    startsAt: new Date(),
    endsAt: new Date(),
    timezone: 'Asia/Jakarta',
    locked: false,
    sequence: 0,
    attendance: null,
    updatedAt: new Date(),
    priority: 2,
    message: '',
    aId: a,
    aName: a,
    aOrgId: `o-${a}`,
    aOrgName: a,
    bId: b,
    bName: b,
    bOrgId: `o-${b}`,
    bOrgName: b,
  };
}

const m1 = meeting('m1', 's1', 't1', 'buyer1', 'ikm1');
const m2 = meeting('m2', 's2', 't1', 'buyer2', 'ikm1');
const pending: PendingRequest = {
  id: 'r9',
  fromId: 'buyer1',
  toId: 'ikm2',
  priority: 3,
  fromName: 'B1',
  toName: 'I2',
};

describe('schedule grid rules', () => {
  const grid = new GridModel(
    slots,
    tables,
    [m1, m2],
    [{ participantId: 'ikm2', slotId: 's2', reason: 'marked' }],
    [pending],
  );

  it('offers to move a selected meeting only where both people are free and available', () => {
    const sel = { kind: 'meeting' as const, meeting: m1 };
    expect(grid.actionFor(sel, 's1', 't1')).toEqual({ kind: 'selected' });
    expect(grid.actionFor(sel, 's1', 't2')).toEqual({ kind: 'move' });
    // ikm1 meets buyer2 in s2, so m1 cannot go there.
    expect(grid.actionFor(sel, 's2', 't2')).toEqual({ kind: 'blocked', reason: 'busy' });
  });

  it('offers a swap only when both meetings fit in each other’s slot', () => {
    const m3 = meeting('m3', 's2', 't2', 'buyer3', 'ikm3');
    const g = new GridModel(slots, tables, [m1, m3], [], []);
    expect(g.actionFor({ kind: 'meeting', meeting: m1 }, 's2', 't2')).toEqual({ kind: 'swap', with: 'm3' });
    // m2 shares ikm1 with m1: trading slots still leaves ikm1 in one meeting per slot.
    expect(grid.actionFor({ kind: 'meeting', meeting: m1 }, 's2', 't1')).toEqual({
      kind: 'swap',
      with: 'm2',
    });
  });

  it('places an unscheduled request only in empty cells where nobody is busy or unavailable', () => {
    const sel = { kind: 'request' as const, request: pending };
    expect(grid.actionFor(sel, 's1', 't1')).toEqual({ kind: 'none' });
    expect(grid.actionFor(sel, 's1', 't2')).toEqual({ kind: 'blocked', reason: 'busy' });
    expect(grid.actionFor(sel, 's2', 't2')).toEqual({ kind: 'blocked', reason: 'unavailable' });
  });

  it('flags a meeting whose participant has since become unavailable', () => {
    const g = new GridModel(
      slots,
      tables,
      [m1],
      [{ participantId: 'ikm1', slotId: 's1', reason: 'marked' }],
      [],
    );
    expect(g.hasConflict(m1)).toBe(true);
    expect(grid.hasConflict(m1)).toBe(false);
  });
});

describe('CSV export', () => {
  it('quotes separators, doubles quotes, defuses formulas and starts with a BOM', () => {
    const csv = toCsv([
      ['Nama', 'Catatan'],
      ['CV "Maju", Jaya', '=HYPERLINK("x")'],
    ]);
    expect(csv).toBe('\uFEFFNama,Catatan\r\n"CV ""Maju"", Jaya","\'=HYPERLINK(""x"")"\r\n');
  });
});
