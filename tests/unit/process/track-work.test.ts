import { describe, expect, it } from 'vitest';
import { trackWork } from '../../../src/process/drain.js';

const deferred = () => {
  let resolve!: (r: Response) => void;
  const promise = new Promise<Response>((r) => {
    resolve = r;
  });
  return { promise, resolve };
};

describe('trackWork', () => {
  it('is idle at once with nothing running, and once the last running handler returns', async () => {
    const work = trackWork();
    expect(await work.idle(1000)).toBe(true);
    const a = deferred();
    const b = deferred();
    const pending = [a, b];
    const fetch = work.wrap((i: number) => pending[i]!.promise);
    const first = fetch(0);
    const second = fetch(1);
    let idle: boolean | null = null;
    const waiting = work.idle(60_000).then((ok) => {
      idle = ok;
    });
    a.resolve(new Response('a'));
    await first;
    await Promise.resolve();
    expect(idle).toBeNull(); // the second still runs
    b.resolve(new Response('b'));
    await second;
    await waiting;
    expect(idle).toBe(true);
  });

  it('gives up after its time while a handler still runs, and counts a handler that throws as done', async () => {
    const work = trackWork();
    const never = work.wrap(() => new Promise<Response>(() => {}));
    void never();
    expect(await work.idle(5)).toBe(false);
    const other = trackWork();
    const failing = other.wrap(async () => {
      throw new Error('boom');
    });
    await expect(failing()).rejects.toThrow('boom');
    expect(await other.idle(1000)).toBe(true);
  });
});
