import { Hono } from 'hono';
import type { AppEnv } from '../context.js';

const started = Date.now();

/** Liveness and readiness in one: 200 when the database answers within a second, 503 otherwise. */
export const healthRoutes = new Hono<AppEnv>();

healthRoutes.get('/healthz', async (c) => {
  const { sql } = c.get('deps');
  let db: 'up' | 'down' = 'down';
  try {
    await Promise.race([
      sql`select 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000).unref()),
    ]);
    db = 'up';
  } catch {
    db = 'down';
  }
  c.header('Cache-Control', 'no-store');
  const body = {
    status: db === 'up' ? 'ok' : 'error',
    db,
    uptime_s: Math.round((Date.now() - started) / 1000),
  };
  return c.json(body, db === 'up' ? 200 : 503);
});
