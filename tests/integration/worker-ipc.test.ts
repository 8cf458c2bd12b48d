import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/**
 * A child with an IPC channel (as a cluster worker has) whose parent disconnects, then sends a
 * message over the closed channel, as `server.close()` does in a worker whose primary is gone.
 */
const CHILD = `
import { guardWorkerIpc } from './src/process/worker-ipc.ts';
const logger = { warn: (a, b) => console.log('WARN ' + (b ?? a)) };
if (process.env.GUARD === '1')
  guardWorkerIpc(logger, () => {
    console.log('DRAINING');
    setTimeout(() => process.exit(0), 200);
  });
process.once('disconnect', () => process.send({ stopped: true }));
process.send({ ready: true });
setTimeout(() => process.exit(0), 2000);
`;

function run(guard: boolean): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD], {
      env: { ...process.env, GUARD: guard ? '1' : '0' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    child.once('message', () => child.disconnect());
    child.once('exit', (code) => resolve({ code, out }));
  });
}

describe('a cluster worker whose primary is gone', () => {
  it('logs the failed message and drains instead of dying of an uncaught exception', async () => {
    const guarded = await run(true);
    expect(guarded.out).toContain('WARN cluster primary gone; draining this worker');
    expect(guarded.out).toContain('WARN cluster primary unreachable');
    expect(guarded.out).toContain('DRAINING');
    expect(guarded.code).toBe(0);
    // The same child without the guard: the error event is fatal.
    const bare = await run(false);
    expect(bare.code).not.toBe(0);
    expect(bare.out).toMatch(/ERR_IPC_CHANNEL_CLOSED|EPIPE|Channel closed/);
  }, 30_000);
});
