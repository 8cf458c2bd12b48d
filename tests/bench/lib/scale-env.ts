import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import type { Sql } from '../../../src/db/client.js';
import { freePort } from '../../../src/db/embedded.js';

/** Seconds since `t0` (performance.now()), one decimal. */
export const secs = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);

export const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : Number.NaN;
};

/**
 * Seeds `n` synthetic suppliers in SQL (generate_series, chunks of 50,000): processes, materials,
 * categories and sectors drawn from the taxonomy, regencies from the reference data with their
 * province, points mostly on Java (where most metal IKM are), 70 % verified, 20 % submitted.
 * The search triggers run per statement, as they do for an import.
 */
export async function seedSuppliers(sql: Sql, n: number, onProgress?: (done: number) => void): Promise<void> {
  const chunk = 50_000;
  for (let from = 1; from <= n; from += chunk) {
    const to = Math.min(n, from + chunk - 1);
    await sql`
      with tax as (
        select
          (select array_agg(slug) from taxonomy_terms where kind = 'process' and active) p,
          (select array_agg(label_id) from taxonomy_terms where kind = 'process' and active) pl,
          (select array_agg(slug) from taxonomy_terms where kind = 'material' and active) m,
          (select array_agg(label_id) from taxonomy_terms where kind = 'material' and active) ml,
          (select array_agg(slug) from taxonomy_terms where kind = 'product_category' and active) c,
          (select array_agg(slug) from taxonomy_terms where kind = 'sector' and active) s
      ),
      reg as (select array_agg(code order by code) c, array_agg(province_code order by code) pv
              from regions where kind = 'regency'),
      orgs as (
        insert into organizations (name, kind)
        select 'CV Bench Logam ' || g, 'supplier' from generate_series(${from}::int, ${to}::int) g
        returning id, name
      )
      insert into suppliers (organization_id, legal_name, name_norm, employees, description_id,
        province_code, regency_code, lat, lon, processes, materials, product_categories, sectors,
        status, capacity_amount, capacity_unit)
      select o.id, o.name, lower(o.name), (5 + random() * 300)::int,
        'Bengkel ' || tax.pl[x.pi] || ' ' || tax.ml[x.mi] || ' untuk komponen industri, pesanan rutin dan prototipe.',
        reg.pv[x.ri], reg.c[x.ri],
        case when x.java then -6.2 - random() * 1.8 else -8 + random() * 9 end,
        case when x.java then 106 + random() * 8 else 96 + random() * 40 end,
        array(select distinct tax.p[1 + floor(random() * cardinality(tax.p))::int]
              from generate_series(1, 1 + floor(random() * 3)::int) k where o.id is not null) || tax.p[x.pi],
        array[tax.m[x.mi]],
        array[tax.c[1 + floor(random() * cardinality(tax.c))::int]],
        array[tax.s[1 + floor(random() * cardinality(tax.s))::int]],
        case when x.st < 0.7 then 'verified' when x.st < 0.9 then 'submitted' else 'draft' end,
        (10 + random() * 5000)::int, 'pcs'
      from orgs o, tax, reg,
        lateral (select o.id as _o, random() < 0.8 as java, random() as st,
          1 + floor(random() * cardinality(tax.p))::int as pi,
          1 + floor(random() * cardinality(tax.m))::int as mi,
          1 + floor(random() * cardinality(reg.c))::int as ri) x`;
    onProgress?.(to);
  }
  await sql`analyze`;
}

export interface Spawned {
  url: string;
  pid: number;
  /** Resident set of the process tree's node processes (primary + workers), MiB. */
  rssMiB(): number;
  health(): Promise<Record<string, unknown> | null>;
  stop(): Promise<void>;
}

/** Compiles the app to dist/ once (`npm run build`), so the servers measured run what production runs. */
export function buildApp(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
}

/**
 * Starts the compiled server (`dist/src/server.js`, see buildApp) against an existing database, as
 * `npm start` would; resolves when /healthz answers.
 */
export async function spawnServer(
  env: Record<string, string>,
  timeoutMs = 300_000,
): Promise<Spawned & { servingMs: number }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pasok-bench-app-'));
  const t0 = performance.now();
  const child: ChildProcess = spawn(process.execPath, ['dist/src/server.js'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      APP_ORIGIN: url,
      LOG_LEVEL: 'warn',
      SEED: 'none',
      DATA_DIR: dir,
      NODE_ENV: 'production',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const health = async () => {
    try {
      const r = await fetch(`${url}/healthz`);
      return r.ok ? ((await r.json()) as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  };
  while (!(await health())) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (performance.now() - t0 > timeoutMs) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  const servingMs = performance.now() - t0;
  return {
    url,
    pid: child.pid!,
    servingMs,
    health,
    rssMiB: () => treeRss(child.pid!),
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function treeRss(root: number): number {
  let kb = 0;
  const visit = (pid: number) => {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      if (/^Name:\s+node/m.test(status)) kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const kids = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
      for (const k of kids ? kids.split(/\s+/) : []) visit(Number(k));
    } catch {}
  };
  visit(root);
  return Math.round(kb / 1024);
}

/**
 * `connections` keep-alive clients looping over `paths` for `seconds`: requests per second and
 * latency percentiles, measured by autocannon. Its client costs a fraction of a fetch loop's CPU,
 * which matters on two cores: the load generator shares the machine with the workers it measures.
 */
export async function loadTest(
  url: string,
  paths: string[] | (() => string),
  token: string,
  connections: number,
  seconds: number,
) {
  const r = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 30,
    headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip, br' },
    // A function hands every request, across all connections, the next path of its own.
    requests:
      typeof paths === 'function'
        ? [{ method: 'GET' as const, setupRequest: (req: object) => ({ ...req, path: paths() }) }]
        : paths.map((path) => ({ method: 'GET' as const, path })),
  });
  return {
    requests: r.requests.total,
    rps: r.requests.total / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx,
  };
}

/** CPU seconds so far of every process named `postgres`, and of the process tree under `root`. */
export function cpuSeconds(root: number): { server: number; postgres: number } {
  const hz = 100;
  const ticks = (pid: number | string) => {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return {
      comm: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
      t: Number(f[11]) + Number(f[12]),
    };
  };
  let server = 0;
  const visit = (pid: number) => {
    try {
      server += ticks(pid).t;
      const kids = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
      for (const k of kids ? kids.split(/\s+/) : []) visit(Number(k));
    } catch {}
  };
  visit(root);
  let postgres = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)))
    try {
      const x = ticks(pid);
      if (x.comm === 'postgres') postgres += x.t;
    } catch {}
  return { server: server / hz, postgres: postgres / hz };
}

/** Load averages, to print next to every figure: this machine is shared. */
export const loadAvg = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
