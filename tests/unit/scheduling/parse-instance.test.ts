import { describe, expect, it } from 'vitest';
import { InvalidInstanceError, parseInstance } from '../../../src/scheduling/solver/index.js';

function example() {
  return {
    slots: ['s01', 's02'],
    tables: ['T01', 'T02'],
    participants: [
      { id: 'b0001', unavailable: ['s02'] },
      { id: 'v0001', unavailable: [] },
      { id: 'v0002', unavailable: [] },
    ],
    requests: [
      { id: 'r00001', a: 'b0001', b: 'v0001', priority: 3, locked: { slot: 's01', table: 'T01' } },
      { id: 'r00002', a: 'b0001', b: 'v0002', priority: 1 },
    ],
  };
}

function issuesOf(json: unknown): readonly string[] {
  try {
    parseInstance(json);
  } catch (error) {
    if (error instanceof InvalidInstanceError) return error.issues;
    throw error;
  }
  throw new Error('expected parseInstance to reject the instance');
}

describe('parseInstance', () => {
  it('accepts the documented file format', () => {
    const instance = parseInstance(example());
    expect(instance.requests[0]?.locked).toEqual({ slot: 's01', table: 'T01' });
    expect(instance.participants[0]?.unavailable).toEqual(['s02']);
  });

  it('treats a missing unavailable list as always available', () => {
    const json = example();
    const instance = parseInstance({
      ...json,
      participants: [{ id: 'b0001' }, ...json.participants.slice(1)],
    });
    expect(instance.participants[0]?.unavailable).toEqual([]);
  });

  it('throws a typed error whose message names the problem', () => {
    const json = example();
    json.requests[1]!.b = 'v9999';
    expect(() => parseInstance(json)).toThrow(InvalidInstanceError);
    expect(() => parseInstance(json)).toThrow('request r00002 refers to unknown participant "v9999"');
  });

  it('rejects unknown slots in unavailability and unknown slots or tables in locks', () => {
    const json = example();
    json.participants[1]!.unavailable = ['s09'];
    json.requests[0]!.locked = { slot: 's07', table: 'T08' };
    expect(issuesOf(json)).toEqual([
      'participant v0001 is unavailable in unknown slot "s09"',
      'request r00001 is locked to unknown slot "s07"',
      'request r00001 is locked to unknown table "T08"',
    ]);
  });

  it('rejects duplicate ids of every kind', () => {
    const json = example();
    json.slots.push('s01');
    json.tables.push('T02');
    json.participants.push({ id: 'v0001', unavailable: [] });
    json.requests.push({ id: 'r00002', a: 'b0001', b: 'v0002', priority: 2 });
    expect(issuesOf(json)).toEqual([
      'duplicate slot id "s01"',
      'duplicate table id "T02"',
      'duplicate participant id "v0001"',
      'duplicate request id "r00002"',
    ]);
  });

  it('rejects a request whose two sides are the same participant', () => {
    const json = example();
    json.requests[1]!.b = 'b0001';
    expect(issuesOf(json)).toEqual(['request r00002 asks participant b0001 to meet themselves']);
  });

  it.each([0, 4, 2.5])('rejects priority %s and names the request', (priority) => {
    const json = example();
    json.requests[1]!.priority = priority;
    const [issue] = issuesOf(json);
    expect(issue).toMatch(/^requests\[1\]\.priority \(request r00002\): /);
  });

  it('rejects two locked meetings at the same table in the same slot', () => {
    const json = example();
    json.participants[0]!.unavailable = [];
    json.requests[1]!.locked = { slot: 's01', table: 'T01' };
    expect(issuesOf(json)).toContain('locked requests r00001 and r00002 both hold table T01 in slot s01');
  });

  it('rejects two locked meetings that put one participant in the same slot', () => {
    const json = example();
    json.requests[1]!.locked = { slot: 's01', table: 'T02' };
    expect(issuesOf(json)).toEqual([
      'locked requests r00001 and r00002 both put participant b0001 in slot s01',
    ]);
  });

  it('rejects a lock in a slot the participant marked unavailable', () => {
    const json = example();
    json.requests[0]!.locked = { slot: 's02', table: 'T01' };
    expect(issuesOf(json)).toEqual([
      'request r00001 is locked to slot s02, but participant b0001 is unavailable then',
    ]);
  });

  it('rejects unknown fields, so a misspelt lock is never silently dropped', () => {
    const json = { ...example(), requests: [{ id: 'r1', a: 'b0001', b: 'v0001', priority: 2, lock: {} }] };
    expect(issuesOf(json)[0]).toMatch(/^requests\[0\] \(request r1\): .*lock/);
  });

  it('reports every problem at once rather than the first one only', () => {
    const json = example();
    json.requests[0]!.a = 'nobody';
    json.requests[1]!.b = 'nobody-else';
    expect(issuesOf(json)).toHaveLength(2);
  });

  it('rejects input that is not an instance at all', () => {
    expect(issuesOf(null)[0]).toMatch(/^\(root\): /);
    expect(issuesOf({ slots: 's01' })[0]).toMatch(/^slots: /);
  });
});
