import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { AppEnv } from '../context.js';
import { Unauthorized } from '../errors.js';
import type { Metrics } from './registry.js';

/**
 * Counts and times every request by its route pattern (`/files/:id`, never the path itself, so
 * no id or token reaches a label). A request no route answered is `unmatched`.
 */
export function observeRequests(metrics: Metrics): MiddlewareHandler<AppEnv> {
  return async function observeRequestsMiddleware(c, next) {
    const end = metrics.duration.startTimer();
    try {
      await next();
    } finally {
      const pattern = routePath(c);
      const route = !pattern || pattern === '*' || pattern === '/*' ? 'unmatched' : pattern;
      end({ method: c.req.method, route });
      metrics.requests.inc({ method: c.req.method, route, status: String(c.res.status) });
    }
  };
}

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** GET /metrics: Prometheus text, only with `Authorization: Bearer <METRICS_TOKEN>` (401 otherwise). */
export function metricsHandler(metrics: Metrics, token: string): MiddlewareHandler<AppEnv> {
  return async function metricsRoute(c) {
    const auth = c.req.header('authorization') ?? '';
    if (!auth.startsWith('Bearer ') || !same(auth.slice(7), token)) {
      const message = c.get('t')(new Unauthorized().message);
      return c.json({ error: { code: 'unauthorized', message, fields: {} } }, 401, {
        'WWW-Authenticate': 'Bearer realm="metrics"',
      });
    }
    const body = await metrics.registry.metrics();
    return c.body(body, 200, { 'Content-Type': metrics.registry.contentType, 'Cache-Control': 'no-store' });
  };
}
