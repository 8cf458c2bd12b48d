import type { SearchEngine } from '../search/engine.js';
import type { AuthLucia } from './auth/lucia.js';
import type { AuthSession, AuthUser } from './auth/types.js';
import type { Config } from './config.js';
import type { Sql } from './db/client.js';
import type { Locale, T } from './i18n/index.js';
import type { Jobs } from './jobs/queue.js';
import type { Logger } from './logger.js';
import type { Mailer } from './mail/mailer.js';
import type { MembershipRow } from './orgs/repo.js';

/** Everything a route needs from the outside world; tests hand in a real database and a fixed clock. */
export interface Deps {
  sql: Sql;
  config: Config;
  logger: Logger;
  lucia: AuthLucia;
  clock: () => Date;
  /** The job queue (pg-boss); null only in narrow unit setups that never enqueue. */
  jobs: Jobs | null;
  mailer: Mailer;
  /** Supplier search (Meilisearch with PostgreSQL fallback, or PostgreSQL); absent: a PostgreSQL engine per database. */
  search?: SearchEngine;
}

export interface ApiPrincipal {
  userId: string;
  tokenId: string;
}

export type AppEnv = {
  Variables: {
    deps: Deps;
    requestId: string;
    locale: Locale;
    t: T;
    user: AuthUser | null;
    session: AuthSession | null;
    api: ApiPrincipal | null;
    /** Kinds of the organisations the logged-in user belongs to (for navigation). */
    orgKinds: string[];
    /** Unread in-app notifications of the logged-in user (nav badge). */
    unread: number;
    /** Set by requireOrgMember for org-scoped routes. */
    membership: MembershipRow;
    /** True for an htmx request that wants a fragment (not boosted, not a history restore). */
    partial: boolean;
  };
};
