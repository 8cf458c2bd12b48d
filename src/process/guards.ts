import { isDatabaseUnavailable, isPostgresNullSocketWrite } from '../db/faults.js';
import type { Logger } from '../logger.js';

/**
 * The last line of defence, installed once by the server. A database outage must never
 * take the process down, so a stray rejection is logged and survived; the one exception
 * postgres.js throws from its event loop after a connection dies is recognised and
 * survived too. Any other uncaught exception is a real bug: it is logged as fatal and
 * `onFatal` gets to stop the embedded PostgreSQL before the process exits with 1, so a
 * service manager restarts a clean process and no orphan is left behind.
 */
export function installProcessGuards(logger: Logger, onFatal: () => Promise<void>): void {
  process.on('unhandledRejection', (reason) => {
    if (isDatabaseUnavailable(reason)) {
      logger.warn({ code: (reason as { code?: string }).code }, 'unhandled rejection: database unavailable');
    } else {
      logger.error({ err: reason }, 'unhandled promise rejection');
    }
  });
  let dying = false;
  process.on('uncaughtException', (err, origin) => {
    if (isPostgresNullSocketWrite(err)) {
      logger.warn({ err }, 'postgres.js wrote to a closed connection (porsager/postgres#1208); continuing');
      return;
    }
    logger.fatal({ err, origin }, 'uncaught exception: the process stops');
    if (dying) return;
    dying = true;
    const exit = () => process.exit(1);
    setTimeout(exit, 5_000).unref();
    onFatal().then(exit, exit);
  });
}
