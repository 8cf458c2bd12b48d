import { Hono } from 'hono';
import type { AppEnv } from '../context.js';

/** File download routes (mounted at /files) — being built. */
export const fileRoutes = new Hono<AppEnv>();
