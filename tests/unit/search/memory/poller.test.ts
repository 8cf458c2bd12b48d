import { describe, expect, it } from 'vitest';
import { applyInSlices, SnapshotPoller } from '../../../../search/memory/poller.js';

/** A read whose completion the test controls, recording the `since` of every call. */
function controlledRead() {
  const calls: string[] = [];
  const pending: (() => void)[] = [];
  let n = 0;
  const read = (since: string) =>
    new Promise<string>((resolve) => {
      calls.push(since);
      pending.push(() => resolve(String(++n * 10)));
    });
  const finishNext = async () => {
    pending.shift()?.();
    await new Promise((r) => setImmediate(r));
  };
  return { read, calls, finishNext };
}

describe('SnapshotPoller', () => {
  it('reads once for any number of callers arriving during a read', async () => {
    const c = controlledRead();
    const p = new SnapshotPoller('5', c.read);
    const callers = [p.refresh(), p.refresh(), p.refresh(), p.refresh()];
    expect(c.calls).toEqual(['5']);
    await c.finishNext();
    await c.finishNext();
    await Promise.all(callers);
    expect(c.calls).toEqual(['5', '10']);
  });

  it('gives a caller who arrives during a read one more read, from the new xmin, shared with later arrivals', async () => {
    const c = controlledRead();
    const p = new SnapshotPoller('5', c.read);
    const first = p.refresh();
    let secondDone = false;
    const second = p.refresh().then(() => {
      secondDone = true;
    });
    const third = p.refresh();
    await c.finishNext();
    await first;
    expect(secondDone).toBe(false);
    expect(c.calls).toEqual(['5', '10']);
    await c.finishNext();
    await Promise.all([second, third]);
    expect(p.since).toBe('20');
    expect(p.polls).toBe(2);
  });

  it('passes a failed read on to its callers and keeps the old xmin for the next try', async () => {
    let fail = true;
    const calls: string[] = [];
    const p = new SnapshotPoller('7', async (since) => {
      calls.push(since);
      if (fail) throw new Error('db down');
      return '9';
    });
    await expect(p.refresh()).rejects.toThrow('db down');
    fail = false;
    await p.refresh();
    expect(calls).toEqual(['7', '7']);
    expect(p.since).toBe('9');
  });
});

describe('applyInSlices', () => {
  it('applies every row in order and lets other work run between slices', async () => {
    const rows = Array.from({ length: 2_000 }, (_, i) => i);
    const seen: number[] = [];
    const other = new Promise<number>((r) => setImmediate(() => r(seen.length)));
    await applyInSlices(rows, (x) => seen.push(x));
    expect(seen).toEqual(rows);
    // The other task ran after the first slice, long before the last row.
    expect(await other).toBeLessThan(rows.length);
  });
});
