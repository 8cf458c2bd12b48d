import { Hono } from 'hono';
import type { AppEnv } from '../context.js';

/** Import/export pages (mounted at /imports) — being built. */
export const importRoutes = new Hono<AppEnv>();

/** Import API (mounted at /api/v1) — being built. */
export const importApi = new Hono<AppEnv>();
