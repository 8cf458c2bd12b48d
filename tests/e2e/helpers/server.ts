import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** A loaded machine (many suites at once) can need longer: E2E_BOOT_TIMEOUT_MS raises it. */
const BOOT_TIMEOUT_MS = Number(process.env.E2E_BOOT_TIMEOUT_MS ?? 60_000);
const STOP_TIMEOUT_MS = 30_000;
const LOG_LINES_KEPT = 200;

/** Variables the app reads that must not leak from the developer's shell into a test server. */
const APP_VARIABLES = [
  'NODE_ENV',
  'PORT',
  'HOST',
  'DATABASE_URL',
  'DATA_DIR',
  'EMBEDDED_PG_PORT',
  'APP_ORIGIN',
  'SESSION_COOKIE_NAME',
  'SESSION_DAYS',
  'SESSION_SECRET',
  'TRUST_PROXY',
  'LOG_LEVEL',
  'SEED',
  'MEILI_URL',
  'MEILI_KEY',
  'SMTP_URL',
  'MAIL_FROM',
];

export interface StartServerOptions {
  /** Demo data (the four demo users, password `pasok-demo-2026`) unless `none`. */
  seed?: 'demo' | 'none';
  /** Extra or overriding variables, e.g. `MEILI_URL` for a search-engine test. */
  env?: Record<string, string>;
}

export interface RunningServer {
  /** The public origin, `http://127.0.0.1:<port>`, also passed to the app as APP_ORIGIN. */
  url: string;
  port: number;
  dataDir: string;
  /** The last lines the server wrote (pino JSON on stdout, anything on stderr), for failure messages. */
  logs(): string;
  /** SIGTERM, wait for the app to drain and stop its embedded Postgres, then delete the data dir. Idempotent. */
  stop(): Promise<void>;
}

/** Asks the kernel for a free loopback port; the app binds it a moment later. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts the real server (`src/server.ts`, as `npm start` does) on a free port with a fresh
 * embedded Postgres in a temp dir, and resolves once `/healthz` answers 200. Each call is
 * independent, so every E2E file gets its own database. Call `stop()` in `afterAll`.
 */
export async function startServer(opts: StartServerOptions = {}): Promise<RunningServer> {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pasok-e2e-'));
  // As root the embedded Postgres runs as `postgres`, which must be able to enter the dir.
  fs.chmodSync(dataDir, 0o755);

  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of APP_VARIABLES) delete env[name];
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    APP_ORIGIN: url,
    LOG_LEVEL: 'warn',
    SEED: opts.seed ?? 'demo',
    ...opts.env,
  });

  // Output goes to a file, not a pipe: if the test process dies, the server can still write
  // while it shuts down (a broken pipe would kill it before it stops its Postgres).
  const logFile = path.join(dataDir, 'server.log');
  const logFd = fs.openSync(logFile, 'a');
  // `node --import tsx` is what `tsx` runs, minus the wrapper process, so SIGTERM reaches the app itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', logFd, logFd],
  });
  fs.closeSync(logFd);
  let finalLogs: string | null = null;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const killOnExit = () => child.exitCode === null && child.kill('SIGTERM');
  process.once('exit', killOnExit);

  let stopping: Promise<void> | null = null;
  const server: RunningServer = {
    url,
    port,
    dataDir,
    logs: () => finalLogs ?? tail(logFile),
    stop() {
      stopping ??= (async () => {
        await terminate(child, exited);
        await stopOrphanedPostgres(dataDir);
        process.off('exit', killOnExit);
        finalLogs = tail(logFile);
        fs.rmSync(dataDir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };

  try {
    await waitForHealth(url, exited);
  } catch (err) {
    await server.stop();
    throw new Error(`${(err as Error).message}\n--- server output ---\n${server.logs()}`);
  }
  return server;
}

function tail(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-LOG_LINES_KEPT).join('\n');
  } catch {
    return '';
  }
}

async function waitForHealth(url: string, exited: Promise<number | null>): Promise<void> {
  const deadline = Date.now() + BOOT_TIMEOUT_MS;
  let died: number | null | undefined;
  void exited.then((code) => {
    died = code;
  });
  while (Date.now() < deadline) {
    if (died !== undefined) throw new Error(`server exited with code ${died} before it was healthy`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server at ${url} was not healthy within ${BOOT_TIMEOUT_MS / 1000} s`);
}

/** SIGTERM and wait; a server that hangs gets SIGKILL (its Postgres is then stopped separately). */
async function terminate(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timedOut = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((r) => setTimeout(() => r(true), STOP_TIMEOUT_MS).unref()),
  ]);
  if (!timedOut) return;
  child.kill('SIGKILL');
  await exited;
}

/** A server that crashed can leave its Postgres running; its pid is in postmaster.pid. */
async function stopOrphanedPostgres(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  const isPostgres = (): boolean => {
    try {
      return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('postgres');
    } catch {
      return false;
    }
  };
  if (!(pid > 0) || !isPostgres()) return;
  // SIGQUIT: immediate shutdown; the data dir is deleted next anyway.
  process.kill(pid, 'SIGQUIT');
  const deadline = Date.now() + 10_000;
  while (isPostgres() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}
