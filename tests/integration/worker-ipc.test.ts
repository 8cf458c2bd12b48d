import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const src = (file: string) => JSON.stringify(path.join(ROOT, 'src', file));

/**
 * A real node:cluster primary and worker (not a bare child with an IPC channel: in a cluster worker
 * node:cluster re-emits every `error` of `process` on `cluster.worker`, which throws when nobody
 * listens there). The primary exits once its worker listens; the worker waits until the primary is
 * gone without giving its event loop a turn (so, as in the middle of a drain, it has not seen the
 * channel close), then closes its server, which tells the primary over IPC: EPIPE.
 */
const SCRIPT = `
import cluster from 'node:cluster';
import http from 'node:http';
import { guardWorkerIpc } from ${src('process/worker-ipc.ts')};

// Reaped: all its threads have exited, so its end of the channel is closed.
const reaped = (pid) => {
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return err.code === 'ESRCH';
  }
};

if (cluster.isPrimary) {
  cluster.fork().once('message', () => process.exit(0));
} else {
  process.on('exit', (code) => console.log('EXIT ' + code));
  const logger = { warn: (a, b) => console.log('WARN ' + (b ?? a)) };
  if (process.env.GUARD === '1') guardWorkerIpc(logger, () => console.log('DRAINING'));
  const server = http.createServer().listen(0, '127.0.0.1', () => {
    const primary = process.ppid;
    process.send('listening');
    const deadline = Date.now() + 20_000;
    while (!reaped(primary) && Date.now() < deadline);
    console.log(reaped(primary) ? 'PRIMARY GONE' : 'PRIMARY STILL ALIVE');
    server.close();
  });
}
`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pasok-worker-ipc-'));
const script = path.join(dir, 'cluster.mjs');
fs.writeFileSync(script, SCRIPT);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the primary; resolves once the worker has exited too (it holds the same stdout and stderr). */
function run(guard: boolean): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: ROOT,
      env: { ...process.env, GUARD: guard ? '1' : '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.once('close', () => resolve(out));
  });
}

describe('a cluster worker whose primary is gone', () => {
  it('logs the failed IPC write instead of dying of an uncaught exception', async () => {
    const guarded = await run(true);
    expect(guarded).toContain('PRIMARY GONE');
    expect(guarded).toContain('WARN cluster primary unreachable');
    expect(guarded).not.toMatch(/Error: write EPIPE|Uncaught/);
    // node:cluster exits a worker whose primary vanished (code 0) before any listener of ours runs.
    expect(guarded).toContain('EXIT 0');
    // The same worker without the guard: the failed write is an uncaught exception.
    const bare = await run(false);
    expect(bare).toContain('PRIMARY GONE');
    expect(bare).toMatch(/Error: write EPIPE/);
    expect(bare).toContain('EXIT 1');
  }, 60_000);
});
