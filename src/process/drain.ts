import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export interface Drain {
  /**
   * Stops accepting connections and resolves once every in-flight request has been
   * answered and every connection is closed; after `forceMs` whatever is left is cut.
   * Resolves to false when it had to cut.
   */
  close(forceMs: number): Promise<boolean>;
}

/**
 * Graceful shutdown for a keep-alive HTTP server. `server.close()` alone leaves clients
 * that keep reusing their connections attached until the force timeout, which then aborts
 * their in-flight requests. While draining, every response carries `Connection: close`
 * (so each client's connection ends with the answer it is waiting for) and connections
 * are closed the moment they fall idle.
 */
export function trackConnections(server: Server): Drain {
  const inflight = new Set<ServerResponse>();
  let draining = false;

  server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
    inflight.add(res);
    if (draining) res.setHeader('Connection', 'close');
    res.once('close', () => {
      inflight.delete(res);
      if (draining) setImmediate(() => server.closeIdleConnections());
    });
  });

  return {
    close(forceMs) {
      draining = true;
      for (const res of inflight) if (!res.headersSent) res.setHeader('Connection', 'close');
      return new Promise((resolve) => {
        const force = setTimeout(() => {
          server.closeAllConnections();
          resolve(false);
        }, forceMs);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve(true);
        });
        server.closeIdleConnections();
      });
    },
  };
}

export interface Work {
  /** `fetch`, counted while each call's handler runs. */
  wrap<A extends unknown[]>(
    fetch: (...args: A) => Response | Promise<Response>,
  ): (...args: A) => Promise<Response>;
  /** Resolves true once no handler runs, or false after `ms`. */
  idle(ms: number): Promise<boolean>;
}

/**
 * Handlers still running. A client that hangs up mid-request closes its connection, so the
 * connection drain is done while the handler may still be reading the database; shutting the
 * database pools then would fail it (a 503 logged for nobody). Shutdown waits for these too.
 */
export function trackWork(): Work {
  let active = 0;
  const waiters = new Set<() => void>();
  return {
    wrap(fetch) {
      return async (...args) => {
        active++;
        try {
          return await fetch(...args);
        } finally {
          if (--active === 0) for (const w of waiters) w();
        }
      };
    },
    idle(ms) {
      if (active === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const done = (ok: boolean) => {
          clearTimeout(timer);
          waiters.delete(onIdle);
          resolve(ok);
        };
        const onIdle = () => done(true);
        const timer = setTimeout(() => done(false), ms);
        timer.unref();
        waiters.add(onIdle);
      });
    },
  };
}
