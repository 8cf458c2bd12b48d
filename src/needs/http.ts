import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import { currentActor } from '../http/guards.js';
import { loadViewer } from './access.js';
import type { NeedDeps } from './service.js';

/** What the needs services take from the request's dependencies. */
export const needDeps = (c: Context<AppEnv>): NeedDeps => {
  const d = c.get('deps');
  return { sql: d.sql, jobs: d.jobs, clock: d.clock, origin: d.config.appOrigin };
};

/** The logged-in user (session or bearer token) with their organisations. */
export const viewerOf = (c: Context<AppEnv>) => loadViewer(c.get('deps').sql, currentActor(c));

/** Field errors (message keys) in the reader's language. */
export const translate = (c: Context<AppEnv>, errors: Record<string, string>) =>
  Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, c.get('t')(v)]));
