/**
 * Hostile-file benchmark (`npm run bench:hostile`): the real app on a real HTTP server in a
 * child process (hostile-server.ts), on an embedded PostgreSQL in a temp dir, with the pg-boss
 * import worker running.
 * Every hostile file (tests/bench/hostile-files.ts, the big variants included) is uploaded
 * through the API; accepted ones are committed and waited for. For each it measures the time
 * to answer, the import's run time, the server's maximum event-loop delay
 * (perf_hooks.monitorEventLoopDelay, in the server) and the server's peak RSS, and prints a table.
 * Targets: the server survives every file, loop delay ≤ 100 ms, RSS ≤ 400 MB, answer ≤ 10 s.
 *
 *   npm run bench:hostile
 */
import { type ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerUser } from '../../src/auth/service.js';
import { connectDb } from '../../src/db/client.js';
import { startEmbeddedPostgres } from '../../src/db/embedded.js';
import { migrate } from '../../src/db/migrate.js';
import { installJobs } from '../../src/jobs/queue.js';
import { syncReferenceData } from '../../src/reference/sync.js';
import { createApiToken } from '../../src/tokens/service.js';
import { hostileFiles } from './hostile-files.js';

const TARGET = { delayMs: 100, rssMb: 400, answerMs: 10_000 };
const mb = (n: number) => n / 1024 / 1024;

interface Result {
  name: string;
  size: number;
  status: number;
  verdict: string;
  answerMs: number;
  runMs: number | null;
  delayMs: number;
  rssMb: number;
  ok: boolean;
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pasok-hostile-'));
  fs.chmodSync(tmp, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'pg') });
  const db = connectDb(pg.url, { max: 10 });
  let child: ChildProcess | null = null;
  try {
    await migrate(db.sql);
    await syncReferenceData(db.sql);
    await installJobs(pg.url);
    child = fork(
      path.join(path.dirname(fileURLToPath(import.meta.url)), 'hostile-server.ts'),
      [pg.url, path.join(tmp, 'data')],
      {
        execArgv: ['--import', 'tsx', '--max-old-space-size=1024'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      },
    );
    const server = child;
    const ask = (m: string) =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const onExit = () => reject(new Error('the server died'));
        server.once('exit', onExit);
        server.once('message', (r) => {
          server.off('exit', onExit);
          resolve(r as Record<string, number>);
        });
        if (m) server.send(m);
      });
    const { port } = await ask('');
    const base = `http://127.0.0.1:${port}`;
    const user = await registerUser(db.sql, {
      email: 'hostile@pasok.test',
      name: 'Hostile Bench',
      password: 'hostile-bench-password-2026',
      platformRole: 'facilitator',
      org: { name: 'Disperin Hostil', kind: 'facilitator' },
    });
    const { token } = await createApiToken(db.sql, user.id, 'bench');
    const auth = { authorization: `Bearer ${token}` };

    console.log('Generating hostile files...');
    const files = hostileFiles({ big: true });
    const results: Result[] = [];
    for (const f of files) {
      await ask('reset');
      const t0 = performance.now();
      const form = new FormData();
      form.append('file', new Blob([f.bytes]), f.filename);
      if (f.expect === 'accepted') form.append('commit', 'true');
      const res = await fetch(`${base}/api/v1/imports`, { method: 'POST', body: form, headers: auth });
      const body = (await res.json()) as {
        id?: string;
        status?: string;
        error?: { fields?: { file?: string } };
      };
      const answerMs = performance.now() - t0;
      let runMs: number | null = null;
      let verdict = body.error?.fields?.file ?? body.status ?? '?';
      if (res.status === 201 && body.id) {
        const t1 = performance.now();
        for (;;) {
          const s = (await (await fetch(`${base}/api/v1/imports/${body.id}`, { headers: auth })).json()) as {
            status: string;
            created: number;
          };
          if (s.status === 'done' || s.status === 'failed' || performance.now() - t1 > 120_000) {
            verdict = `${s.status}, ${s.created} created`;
            break;
          }
          await new Promise((r) => setTimeout(r, 100));
        }
        runMs = performance.now() - t1;
      }
      const report = await ask('report');
      const peak = report.rss!;
      const delayMs = report.delayMs!;
      const expected = f.expect === 'accepted' ? res.status === 201 : res.status === 422;
      results.push({
        name: f.name,
        size: f.bytes.length,
        status: res.status,
        verdict: verdict.length > 48 ? `${verdict.slice(0, 45)}...` : verdict,
        answerMs,
        runMs,
        delayMs,
        rssMb: mb(peak),
        ok: expected && delayMs <= TARGET.delayMs && mb(peak) <= TARGET.rssMb && answerMs <= TARGET.answerMs,
      });
      const r = results.at(-1)!;
      console.log(
        `${r.ok ? 'ok  ' : 'MISS'} ${r.name.padEnd(44)} ${String(r.status).padEnd(4)} answer ${r.answerMs.toFixed(0).padStart(5)} ms  run ${r.runMs === null ? '    -' : r.runMs.toFixed(0).padStart(5)} ms  loop max ${r.delayMs.toFixed(0).padStart(4)} ms  rss ${r.rssMb.toFixed(0).padStart(4)} MB  ${r.verdict}`,
      );
    }
    const health = await fetch(`${base}/healthz`);
    console.log(
      '\n| file | size | status | verdict | answer ms | import ms | max loop delay ms | peak RSS MB |',
    );
    console.log('| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |');
    for (const r of results)
      console.log(
        `| ${r.name} | ${mb(r.size).toFixed(2)} MB | ${r.status} | ${r.verdict} | ${r.answerMs.toFixed(0)} | ${r.runMs?.toFixed(0) ?? '-'} | ${r.delayMs.toFixed(0)} | ${r.rssMb.toFixed(0)} |`,
      );
    const worst = {
      delay: Math.max(...results.map((r) => r.delayMs)),
      rss: Math.max(...results.map((r) => r.rssMb)),
      answer: Math.max(...results.map((r) => r.answerMs)),
    };
    console.log(
      `\nserver alive: /healthz ${health.status}; worst loop delay ${worst.delay.toFixed(0)} ms (≤ ${TARGET.delayMs}), ` +
        `peak server RSS ${worst.rss.toFixed(0)} MB (≤ ${TARGET.rssMb}), ` +
        `slowest answer ${worst.answer.toFixed(0)} ms (≤ ${TARGET.answerMs})`,
    );
    const missed = results.filter((r) => !r.ok);
    console.log(missed.length ? `MISSED: ${missed.map((r) => r.name).join('; ')}` : 'All targets met.');
    process.exitCode = missed.length || health.status !== 200 ? 1 : 0;
  } finally {
    if (child?.connected) {
      child.send('stop');
      await new Promise((r) => child?.once('exit', r));
    }
    await db.close();
    await pg.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
