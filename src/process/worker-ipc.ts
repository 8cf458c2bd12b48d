import type { Logger } from '../logger.js';

/**
 * In a cluster worker, the primary can vanish first (killed with its process group, or by the
 * OOM killer). Its IPC channel is then closed, and the next message a worker sends (`server.close()`
 * tells the primary it stopped listening) fails with EPIPE, emitted as an `error` event on
 * `process`. Without a listener that event is an uncaught exception, which killed the worker in the
 * middle of its drain. Here it is logged instead, and losing the primary drains the worker
 * (`onPrimaryGone`), since nobody else will restart or stop it.
 */
export function guardWorkerIpc(logger: Logger, onPrimaryGone: () => void): void {
  process.on('error', (err) => logger.warn({ err }, 'cluster primary unreachable'));
  process.once('disconnect', () => {
    logger.warn('cluster primary gone; draining this worker');
    onPrimaryGone();
  });
}
