import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../../src/db/embedded.js';
import { parentPid, pidAlive, runningPostmaster, stopPostmaster } from '../../src/db/postmaster.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Another node process that starts the cluster in `dir`, leaves a marker row and then waits. */
function startOwner(dir: string): { child: ChildProcess; ready: Promise<string> } {
  const script = `
    import postgres from 'postgres';
    import { startEmbeddedPostgres } from ${JSON.stringify(path.join(ROOT, 'src/db/embedded.ts'))};
    const pg = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dir)} });
    const sql = postgres(pg.url, { max: 1, onnotice: () => {} });
    await sql\`create table if not exists marker (note text)\`;
    await sql\`insert into marker values ('written by the first owner')\`;
    await sql.end();
    console.log('READY ' + process.pid);
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk) => {
      out += String(chunk);
      if (out.includes('READY')) resolve(out);
    });
    child.once('exit', (code) => reject(new Error(`owner exited with ${code} before it was ready: ${out}`)));
  });
  return { child, ready };
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((r) => child.once('exit', () => r()));

let cleanup: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn().catch(() => {});
  cleanup = [];
});

function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pasok-orphan-'));
  fs.chmodSync(dir, 0o755);
  cleanup.push(async () => {
    const pm = runningPostmaster(path.join(dir, 'pg'));
    if (pm) await stopPostmaster(pm.pid);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

describe('an embedded PostgreSQL left behind by a crashed process', () => {
  it('is adopted at start, keeps its data, and stops with its new owner', async () => {
    const dir = tempDataDir();
    const { child, ready } = startOwner(dir);
    cleanup.push(async () => void child.kill('SIGKILL'));
    await ready;
    const orphan = runningPostmaster(path.join(dir, 'pg'));
    expect(orphan).not.toBeNull();

    child.kill('SIGKILL');
    await exited(child);
    expect(pidAlive(orphan?.pid ?? 0)).toBe(true);

    const pg = await startEmbeddedPostgres({ dataDir: dir });
    expect(pg.owned).toBe(true);
    expect(pidAlive(orphan?.pid ?? 0)).toBe(false);
    const adopted = runningPostmaster(path.join(dir, 'pg'));
    expect(adopted?.port).toBe(orphan?.port);
    expect(parentPid(adopted?.pid ?? 0)).toBe(process.pid);

    const sql = postgres(pg.url, { max: 1, onnotice: () => {} });
    const rows = await sql`select note from marker`;
    await sql.end();
    expect(rows.map((r) => r.note)).toEqual(['written by the first owner']);

    await pg.stop();
    expect(runningPostmaster(path.join(dir, 'pg'))).toBeNull();
    expect(pidAlive(adopted?.pid ?? 0)).toBe(false);
  }, 120_000);

  it('is joined, not taken over, while the process that started it is alive', async () => {
    const dir = tempDataDir();
    const { child, ready } = startOwner(dir);
    cleanup.push(async () => {
      child.kill('SIGTERM');
      await exited(child);
    });
    await ready;
    const before = runningPostmaster(path.join(dir, 'pg'));

    const joined = await startEmbeddedPostgres({ dataDir: dir });
    expect(joined.owned).toBe(false);
    await joined.stop();
    expect(runningPostmaster(path.join(dir, 'pg'))?.pid).toBe(before?.pid);
  }, 120_000);
});
