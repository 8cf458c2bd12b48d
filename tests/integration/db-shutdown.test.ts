import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pidAlive, runningPostmaster, stopPostmaster } from '../../src/db/postmaster.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../e2e/helpers/auth.js';
import { findFreePort } from '../e2e/helpers/server.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Answer {
  status: number;
  connection: string | undefined;
}

let dir: string;
let child: ChildProcess;
let exited: Promise<number | null>;
let origin: string;
const logFile = () => path.join(dir, 'server.log');
const logs = () => (fs.existsSync(logFile()) ? fs.readFileSync(logFile(), 'utf8') : '');

async function until<T>(what: string, probe: () => Promise<T | undefined>, limitMs = 120_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}\n${logs().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** One request on a given keep-alive agent; `hold` lets the caller finish the body later. */
function send(
  agent: http.Agent,
  opts: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: string;
    hold?: Promise<void>;
  },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = opts.body ?? '';
    const req = http.request(
      `${origin}${opts.path}`,
      {
        agent,
        method: opts.method ?? 'GET',
        headers: { ...opts.headers, 'content-length': String(Buffer.byteLength(body)) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
        res.on('error', reject);
      },
    );
    req.on('error', (err) => reject(Object.assign(err, { reusedSocket: req.reusedSocket })));
    if (!opts.hold) return void req.end(body);
    const half = Math.floor(body.length / 2);
    req.write(body.slice(0, half));
    void opts.hold.then(() => req.end(body.slice(half)));
  });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pasok-shutdown-'));
  fs.chmodSync(dir, 0o755);
  const port = await findFreePort();
  origin = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['NODE_ENV', 'DATABASE_URL', 'EMBEDDED_PG_PORT', 'MEILI_URL', 'SMTP_URL'])
    delete env[name];
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dir,
    APP_ORIGIN: origin,
    LOG_LEVEL: 'info',
    SEED: 'demo',
  });
  const fd = fs.openSync(logFile(), 'a');
  child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', fd, fd],
  });
  fs.closeSync(fd);
  exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  await until('the server to be healthy', async () => {
    if (child.exitCode !== null) throw new Error(`server exited early\n${logs()}`);
    const res = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2_000) });
    return res.status === 200 ? true : undefined;
  });
}, 180_000);

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  const pm = dir ? runningPostmaster(path.join(dir, 'pg')) : null;
  if (pm) await stopPostmaster(pm.pid);
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('SIGTERM under keep-alive load', () => {
  it('answers every in-flight request, closes keep-alive connections, exits 0 and stops PostgreSQL', async () => {
    const postmaster = runningPostmaster(path.join(dir, 'pg'));
    expect(postmaster).not.toBeNull();
    const users = Object.values(DEMO_USERS);
    const agents = users.map(() => new http.Agent({ keepAlive: true, maxSockets: 1 }));
    for (const agent of agents) expect((await send(agent, { path: '/healthz' })).status).toBe(200);

    // Slow uploads: the server has the request and is waiting for the rest of its body.
    let release: () => void = () => {};
    const hold = new Promise<void>((r) => {
      release = r;
    });
    const inflight = agents.map((agent, i) =>
      send(agent, {
        method: 'POST',
        path: '/login',
        headers: { origin, 'hx-request': 'true', 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: users[i]?.email ?? '', password: DEMO_PASSWORD }).toString(),
        hold,
      }),
    );

    // A client that keeps its connection busy, one request after the other, until refused.
    // Like a browser, it retries a request whose reused keep-alive connection was closed
    // before any answer (RFC 9112, 9.3.1): that is the server closing an idle connection.
    const busyAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const busy = { answered: 0, failure: null as unknown };
    let signalled = false;
    const busyLoop = (async () => {
      for (;;) {
        try {
          const a = await send(busyAgent, { path: '/healthz' });
          if (a.status !== 200) throw new Error(`busy client got ${a.status}`);
          busy.answered += 1;
        } catch (err) {
          const e = err as NodeJS.ErrnoException & { reusedSocket?: boolean };
          if (signalled && e.code === 'ECONNRESET' && e.reusedSocket) continue;
          // Refused: no listener any more, or (a fresh connection reset) one the kernel had queued
          // just before the listener closed, which the server never accepted. Requests it did
          // accept are the in-flight ones, checked below.
          const refused = e.code === 'ECONNREFUSED' || (e.code === 'ECONNRESET' && !e.reusedSocket);
          if (!(signalled && refused)) busy.failure = err;
          return;
        }
      }
    })();
    await until('the busy client to get going', async () => (busy.answered > 3 ? true : undefined));

    child.kill('SIGTERM');
    signalled = true;
    await until('the drain to start', async () => (logs().includes('shutting down') ? true : undefined));
    release();

    const answers = await Promise.all(inflight);
    for (const a of answers) {
      expect(a.status).toBe(200);
      expect(a.connection).toBe('close');
    }
    await busyLoop;
    expect(busy.failure).toBeNull();

    expect(await exited).toBe(0);
    expect(logs()).not.toContain('drain timed out');
    expect(logs()).toContain('stopped cleanly');
    expect(runningPostmaster(path.join(dir, 'pg'))).toBeNull();
    expect(pidAlive(postmaster?.pid ?? 0)).toBe(false);
    for (const agent of [...agents, busyAgent]) agent.destroy();
  }, 120_000);
});
