import cluster from 'node:cluster';
import type { Logger } from '../logger.js';

/**
 * In a cluster worker, the primary can vanish first (killed with its process group, or by the
 * OOM killer). Its IPC channel is then closed, and the next message the worker sends before it
 * has noticed (`server.close()` tells the primary it stopped listening; every connection the
 * primary hands over is acknowledged) fails with EPIPE. Node emits that as an `error` event on
 * `process`, where node:cluster's own listener re-emits it on `cluster.worker`; an `error` event
 * on that emitter without a listener throws, and from inside `process.emit`, so a listener on
 * `process` is never reached and the worker dies of an uncaught exception. The listener therefore
 * goes on `cluster.worker`, where the error is logged instead.
 *
 * When the primary disconnects a worker on purpose (`worker.disconnect()`), Node closes its
 * servers and leaves the process running: `onDisconnect` drains it. (When the primary vanishes
 * instead, Node's own `disconnect` listener exits the worker, code 0, before this one runs.)
 */
export function guardWorkerIpc(logger: Logger, onDisconnect: () => void): void {
  const worker = cluster.worker;
  if (!worker) return;
  worker.on('error', (err: Error) => logger.warn({ err }, 'cluster primary unreachable'));
  process.once('disconnect', () => {
    logger.warn('disconnected from the cluster primary; draining this worker');
    onDisconnect();
  });
}
