import { Meilisearch } from 'meilisearch';
import type { Config } from '../src/config.js';
import type { Sql } from '../src/db/client.js';
import type { Logger } from '../src/logger.js';
import type { SearchEngine } from './engine.js';
import { FallbackEngine } from './fallback.js';
import { MeiliEngine } from './meilisearch.js';
import { PostgresEngine } from './postgres.js';
import { OutboxWorker } from './sync.js';

export interface SearchRuntime {
  /** What routes call: Meilisearch with PostgreSQL fallback, or PostgreSQL alone. */
  engine: SearchEngine;
  postgres: PostgresEngine;
  meili: MeiliEngine | null;
  worker: OutboxWorker;
  /** Loads the in-memory index, applies Meilisearch settings, starts the outbox worker. */
  start(opts?: { worker?: boolean }): Promise<void>;
  /** Settles once the in-memory index started by `start` has loaded (or failed); at once without one. */
  indexLoaded(): Promise<void>;
  stop(): Promise<void>;
}

/** Wires the engines from configuration: MEILI_URL set → Meilisearch first, PostgreSQL as fallback. */
export function createSearch(
  sql: Sql,
  config: Pick<Config, 'meiliUrl' | 'meiliKey'>,
  logger?: Logger,
  opts: { waitForIndex?: boolean; memory?: boolean; snapshots?: 'off' | 'read' | 'write' } = {},
): SearchRuntime {
  const postgres = new PostgresEngine(sql, { logger, ...opts });
  const client = meiliClient(config);
  const meili = client ? new MeiliEngine(client, sql, { logger }) : null;
  const fallback = meili ? new FallbackEngine(meili, postgres, { logger }) : null;
  const worker = new OutboxWorker(sql, client, { logger });
  let loaded: Promise<void> = Promise.resolve();
  return {
    engine: fallback ?? postgres,
    postgres,
    meili,
    worker,
    async start(o = {}) {
      // With Meilisearch primary, the in-memory index is built only once the fallback is needed
      // (PostgresEngine starts it on its first search): a million suppliers cost no memory otherwise.
      if (!meili) loaded = postgres.start();
      if (meili && fallback) {
        await fallback.probe(() => meili.ensureSettings());
        const down = fallback.status();
        if (down.degraded)
          logger?.warn(
            { error: down.detail?.error },
            'Meilisearch unusable at start; PostgreSQL answers searches until it is fixed',
          );
        if (down.degraded) loaded = postgres.start();
      }
      if (o.worker !== false) worker.start();
    },
    indexLoaded: () => loaded,
    async stop() {
      await worker.stop();
    },
  };
}

/** The Meilisearch client for MEILI_URL / MEILI_KEY; null when no Meilisearch is configured. */
export function meiliClient(
  config: Pick<Config, 'meiliUrl' | 'meiliKey'>,
  timeoutMs = 5_000,
): Meilisearch | null {
  return config.meiliUrl
    ? new Meilisearch({ host: config.meiliUrl, apiKey: config.meiliKey, timeout: timeoutMs })
    : null;
}
