import { describe, expect, it } from 'vitest';
import { SnapshotSchedule } from '../../../../search/memory/snapshot-schedule.js';

describe('SnapshotSchedule', () => {
  it('stores at once without a snapshot, then only once the last one is older than the limit', async () => {
    let calls = 0;
    const store = async () => {
      calls++;
      return true;
    };
    const s = new SnapshotSchedule(null, 1000);
    const first = s.run(store, 10_000);
    expect(first).not.toBeNull();
    expect(s.run(store, 10_001)).toBeNull(); // one at a time
    await first;
    expect(s.run(store, 10_900)).toBeNull(); // 900 ms old
    await s.run(store, 11_001);
    expect(calls).toBe(2);
    // Started from a snapshot taken at 5,000: due after 6,000.
    const fromOne = new SnapshotSchedule(5_000, 1000);
    expect(fromOne.run(store, 5_999)).toBeNull();
    await fromOne.run(store, 6_001);
    expect(calls).toBe(3);
  });

  it('waits ten minutes after a failed store before the next try', async () => {
    let calls = 0;
    const failing = async () => {
      calls++;
      return false;
    };
    const s = new SnapshotSchedule(null, 1000);
    await s.run(failing);
    expect(s.run(failing)).toBeNull();
    expect(s.run(failing, Date.now() + 9 * 60_000)).toBeNull();
    await s.run(failing, Date.now() + 11 * 60_000);
    expect(calls).toBe(2);
  });

  it('lets a store of the index before a rebuild finish without counting, and starts none beside it', async () => {
    let release: (ok: boolean) => void = () => {};
    const slow = () => new Promise<boolean>((r) => (release = r));
    let calls = 0;
    const quick = async () => {
      calls++;
      return true;
    };
    const s = new SnapshotSchedule(null, 1000);
    const old = s.run(slow, 10_000);
    s.reset(null); // a rebuild from the rows took over
    expect(s.run(quick, 10_001)).toBeNull(); // not beside the running one
    release(true);
    await old;
    // The old index's store did not count: the new one is still due.
    await s.run(quick, 10_002);
    expect(calls).toBe(1);
    expect(s.run(quick, 10_003)).toBeNull();
  });
});
