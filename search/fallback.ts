import type { Logger } from '../src/logger.js';
import type { SearchEngine, SearchResult, SearchStatus, SupplierQuery } from './engine.js';
import { isUnreachable, UnsupportedMeiliError } from './meilisearch.js';

export interface FallbackOptions {
  logger?: Logger;
  /** While Meilisearch is down, try it again at most this often. */
  retryMs?: number;
  /** A Meilisearch answer slower than this counts as a failure. */
  timeoutMs?: number;
}

/**
 * Meilisearch first, PostgreSQL when it cannot answer. An unreachable Meilisearch marks the
 * search degraded (reported by /healthz and shown in the UI) until a later try succeeds;
 * the outbox keeps every change meanwhile.
 */
export class FallbackEngine implements SearchEngine {
  private downSince: number | null = null;
  private lastTry = 0;
  private lastError: string | null = null;

  constructor(
    private readonly primary: SearchEngine,
    private readonly fallback: SearchEngine,
    private readonly opts: FallbackOptions = {},
  ) {}

  get name(): 'postgres' | 'meilisearch' {
    return this.downSince === null ? this.primary.name : this.fallback.name;
  }

  status(): SearchStatus {
    const down = this.downSince !== null;
    return {
      engine: down ? this.fallback.name : this.primary.name,
      degraded: down,
      detail: {
        ...(down ? { down_since: new Date(this.downSince!).toISOString(), error: this.lastError } : {}),
        ...(this.fallback.status().detail ?? {}),
      },
    };
  }

  async search(q: SupplierQuery): Promise<SearchResult> {
    const now = Date.now();
    if (this.downSince !== null && now - this.lastTry < (this.opts.retryMs ?? 10_000))
      return this.fallback.search(q);
    this.lastTry = now;
    try {
      const result = await withTimeout(this.primary.search(q), this.opts.timeoutMs ?? 2_000);
      if (this.downSince !== null) this.opts.logger?.info('Meilisearch is back; search no longer degraded');
      this.downSince = null;
      return result;
    } catch (err) {
      if (isUnreachable(err) || err instanceof TimeoutError || err instanceof UnsupportedMeiliError) {
        if (this.downSince === null)
          this.opts.logger?.warn({ err: String(err) }, 'Meilisearch unusable; searching PostgreSQL');
        this.downSince ??= now;
        this.lastError = err instanceof Error ? err.message : String(err);
      } else {
        this.opts.logger?.error({ err }, 'Meilisearch search failed; answered by PostgreSQL');
      }
      return this.fallback.search(q);
    }
  }

  /** Checks reachability without a search (at start), so /healthz is right before the first query. */
  async probe(check: () => Promise<unknown>): Promise<void> {
    try {
      await withTimeout(check(), this.opts.timeoutMs ?? 2_000);
      this.downSince = null;
    } catch (err) {
      this.downSince ??= Date.now();
      this.lastTry = Date.now();
      this.lastError = err instanceof Error ? err.message : String(err);
    }
  }
}

class TimeoutError extends Error {}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
