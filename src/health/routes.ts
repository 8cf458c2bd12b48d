import { Hono } from 'hono';
import type { SearchStatus } from '../../search/engine.js';
import { indexStats } from '../../search/memory/stats.js';
import type { AppEnv } from '../context.js';
import type { Sql } from '../db/client.js';
import { pingDatabase } from './repo.js';

const started = Date.now();

/**
 * `/healthz`, liveness: 200 when the database answers within a second, 503 otherwise.
 * `/readyz`, readiness for a load balancer: also 503 while the in-memory search index is still
 * loading, because searches meanwhile fall back to SQL scans that get slow on a large directory.
 */
export const healthRoutes = new Hono<AppEnv>();

healthRoutes.get('/healthz', async (c) => {
  const { sql, search } = c.get('deps');
  const db = await databaseHealth(sql);
  c.header('Cache-Control', 'no-store');
  const body = {
    status: db === 'up' ? 'ok' : 'error',
    db,
    uptime_s: Math.round((Date.now() - started) / 1000),
    search: searchHealth(search?.status()),
    // The matching candidates load after the search index; null until they are in.
    matching: matchingHealth(),
  };
  return c.json(body, db === 'up' ? 200 : 503);
});

healthRoutes.get('/readyz', async (c) => {
  const { sql, search } = c.get('deps');
  const db = await databaseHealth(sql);
  const index = search?.status().detail?.index;
  const loading = index === 'idle' || index === 'loading';
  c.header('Cache-Control', 'no-store');
  const ready = db === 'up' && !loading;
  return c.json(
    {
      status: ready ? 'ready' : db === 'up' ? 'starting' : 'error',
      db,
      search: searchHealth(search?.status()),
    },
    ready ? 200 : 503,
  );
});

/** 'up' when the database answers within a second: a health check must not hang with the outage. */
async function databaseHealth(sql: Sql): Promise<'up' | 'down'> {
  try {
    await Promise.race([
      pingDatabase(sql),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000).unref()),
    ]);
    return 'up';
  } catch {
    return 'down';
  }
}

function matchingHealth() {
  const m = indexStats().matching;
  return m ? { documents: m.documents, build_ms: m.buildMs } : null;
}

/** Search keeps answering when Meilisearch is down (PostgreSQL takes over), so degraded is not a 503. */
function searchHealth(s: SearchStatus | undefined) {
  if (!s) return { engine: 'postgres', status: 'ok' };
  return { engine: s.engine, status: s.degraded ? 'degraded' : 'ok', ...(s.detail ?? {}) };
}
