import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { SearchEngine } from '../../search/engine.js';
import type { Sql } from '../db/client.js';
import type { Logger } from '../logger.js';
import { blobUsage, countConnections, countQueuedJobs, searchOutboxLag } from './repo.js';

export interface Metrics {
  registry: Registry;
  requests: Counter<'method' | 'route' | 'status'>;
  duration: Histogram<'method' | 'route'>;
}

export interface MetricsDeps {
  sql: Sql;
  logger: Logger;
  /** The app's engine, when it has one (health facts: documents, degraded, snapshot time). */
  search?: SearchEngine | undefined;
}

/**
 * One registry per app (tests build several apps in one process, so never the global one). The
 * database figures are read at scrape time, each query failing on its own: a scrape during an
 * outage still answers, with the process figures and without the ones it could not read.
 */
export function createMetrics(deps: MetricsDeps): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'pasok_', eventLoopMonitoringPrecision: 20 });
  const requests = new Counter({
    name: 'pasok_http_requests_total',
    help: 'HTTP requests by method, route pattern (never the raw path) and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'pasok_http_request_duration_seconds',
    help: 'HTTP request latency by method and route pattern.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const safely = async (what: string, read: () => Promise<void>) => {
    try {
      await read();
    } catch (err) {
      deps.logger.debug({ err, what }, 'metric not collected');
    }
  };
  new Gauge({
    name: 'pasok_db_connections',
    help: "This application's PostgreSQL connections by state (all instances).",
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      await safely('db connections', async () => {
        for (const r of await countConnections(deps.sql)) this.set({ state: r.state }, r.n);
      });
    },
  });
  new Gauge({
    name: 'pasok_db_pool_size',
    help: 'Connections this process may open in its main pool.',
    registers: [registry],
    collect() {
      this.set(Number((deps.sql as unknown as { options?: { max?: number } }).options?.max ?? 0));
    },
  });
  new Gauge({
    name: 'pasok_job_queue_depth',
    help: 'pg-boss jobs waiting or running, by queue and state.',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      await safely('job queues', async () => {
        for (const r of await countQueuedJobs(deps.sql)) this.set({ queue: r.name, state: r.state }, r.n);
      });
    },
  });
  registerSearchMetrics(registry, deps, safely);
  new Gauge({
    name: 'pasok_blob_bytes',
    help: 'Bytes of stored files and mail (blobs in PostgreSQL).',
    registers: [registry],
    async collect() {
      await safely('blobs', async () => this.set((await blobUsage(deps.sql)).bytes));
    },
  });
  return { registry, requests, duration };
}

type Safely = (what: string, read: () => Promise<void>) => Promise<void>;

/** Age in seconds of a time the engine reports (ISO string or epoch ms), or null. */
function ageOf(v: unknown, now: number): number | null {
  const t = typeof v === 'string' ? Date.parse(v) : typeof v === 'number' ? v : Number.NaN;
  return Number.isFinite(t) ? Math.max(0, (now - t) / 1000) : null;
}

function registerSearchMetrics(registry: Registry, deps: MetricsDeps, safely: Safely): void {
  const detail = () => deps.search?.status().detail ?? {};
  new Gauge({
    name: 'pasok_search_index_documents',
    help: 'Documents in the in-memory search index of this instance (absent while it loads).',
    registers: [registry],
    collect() {
      this.reset();
      const n = detail().documents;
      if (typeof n === 'number') this.set(n);
    },
  });
  new Gauge({
    name: 'pasok_search_snapshot_age_seconds',
    help: 'Age of the last database snapshot the search index applied (absent if the engine does not report it).',
    registers: [registry],
    collect() {
      this.reset();
      const d = detail();
      const age = ageOf(d.snapshot_at ?? d.refreshed_at, Date.now());
      if (age !== null) this.set(age);
    },
  });
  new Gauge({
    name: 'pasok_search_degraded',
    help: '1 when Meilisearch is configured but PostgreSQL answers instead.',
    registers: [registry],
    collect() {
      this.set(deps.search?.status().degraded ? 1 : 0);
    },
  });
  const pending = new Gauge({
    name: 'pasok_search_outbox_pending',
    help: 'Supplier changes not yet sent to Meilisearch.',
    registers: [registry],
  });
  new Gauge({
    name: 'pasok_search_outbox_oldest_seconds',
    help: 'Age of the oldest change not yet sent to Meilisearch (0 when none): index freshness.',
    registers: [registry],
    async collect() {
      await safely('search outbox', async () => {
        const lag = await searchOutboxLag(deps.sql);
        pending.set(lag.pending);
        this.set(lag.oldestSeconds);
      });
    },
  });
}
