import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Deps } from '../context.js';
import { loggablePath } from './redact-path.js';

const REQUEST_ID_RE = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Injects dependencies, assigns a request id (honouring a sane incoming X-Request-Id)
 * and logs one line per request. Only the path is logged (query strings may carry tokens),
 * with secret segments such as invite and claim tokens redacted.
 */
export function requestContext(deps: Deps): MiddlewareHandler<AppEnv> {
  return async function requestContextMiddleware(c, next) {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && REQUEST_ID_RE.test(incoming) ? incoming : randomUUID();
    c.set('deps', deps);
    c.set('requestId', requestId);
    c.set('user', null);
    c.set('session', null);
    c.set('api', null);
    c.set('orgKinds', []);
    c.set('unread', 0);
    // Set before the response exists: calling c.header() after it does would make Hono rebuild
    // the response, and @hono/node-server's lightweight Response then drops headers set since.
    c.header('X-Request-Id', requestId);
    const started = performance.now();
    await next();
    const status = c.res.status;
    // A readiness probe answering 503 while the search index loads is the probe working, not an error.
    const expected = c.req.path === '/readyz' && status === 503;
    deps.logger[status >= 500 && !expected ? 'error' : 'info']({
      reqId: requestId,
      method: c.req.method,
      path: loggablePath(c),
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      user: c.get('user')?.id ?? c.get('api')?.userId,
    });
  };
}
