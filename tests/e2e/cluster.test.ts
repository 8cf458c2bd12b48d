import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './helpers/server.js';

/** The workers' "listening" lines: pid and role of every worker started so far. */
function listening(logs: string): { pid: number; role: string }[] {
  return logs
    .split('\n')
    .filter((l) => l.includes('Pasok listening'))
    .map((l) => JSON.parse(l) as { pid: number; role: string });
}

async function until<T>(what: string, read: () => T | null, ms = 90_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = read();
    if (v !== null) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('cluster (WORKERS=2)', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({ seed: 'none', env: { WORKERS: '2', LOG_LEVEL: 'info' } });
    await until('two workers', () => (listening(server.logs()).length >= 2 ? true : null));
  }, 180_000);
  afterAll(() => server?.stop());

  it('serves from two workers on one embedded PostgreSQL, with one lead', async () => {
    const workers = listening(server.logs());
    expect(new Set(workers.map((w) => w.pid)).size).toBe(2);
    expect(workers.map((w) => w.role).sort()).toEqual(['follower', 'lead']);
    expect(
      server
        .logs()
        .split('\n')
        .filter((l) => l.includes('embedded PostgreSQL ready')),
    ).toHaveLength(1);
    for (let i = 0; i < 20; i++) expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('restarts a crashed worker in its role', async () => {
    const follower = listening(server.logs()).find((w) => w.role === 'follower')!;
    process.kill(follower.pid, 'SIGKILL');
    const again = await until('a restarted follower', () => {
      const all = listening(server.logs());
      return all.length >= 3 ? all[all.length - 1]! : null;
    });
    expect(again.role).toBe('follower');
    expect(again.pid).not.toBe(follower.pid);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  }, 120_000);

  it('drains every worker and stops the database on SIGTERM', async () => {
    await server.stop();
    const logs = server.logs();
    expect(logs).toContain('cluster stopped cleanly');
    // Both workers finished their own shutdown before the primary stopped (and nothing was fatal).
    expect(logs.split('\n').filter((l) => l.includes('"msg":"stopped cleanly"'))).toHaveLength(2);
    expect(logs).not.toContain('"level":60');
    expect(logs).not.toContain('embedded PostgreSQL died');
  }, 120_000);
});
