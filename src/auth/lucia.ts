import { PostgresJsAdapter } from '@lucia-auth/adapter-postgresql';
import { Lucia, TimeSpan } from 'lucia';
import type postgres from 'postgres';
import type { Config } from '../config.js';

/** Lucia over its official PostgreSQL adapter. Sessions live in `user_sessions`, users in `users`. */
export function createLucia(authSql: postgres.Sql, config: Config) {
  const adapter = new PostgresJsAdapter(authSql, { user: 'users', session: 'user_sessions' });
  return new Lucia(adapter, {
    sessionExpiresIn: new TimeSpan(config.sessionDays, 'd'),
    sessionCookie: {
      name: config.sessionCookieName,
      expires: true,
      attributes: { secure: config.secureCookies, sameSite: 'lax', path: '/' },
    },
    getUserAttributes: (a) => ({
      email: a.email,
      name: a.name,
      platformRole: a.platform_role,
      locale: a.locale,
    }),
    getSessionAttributes: (a) => ({ createdAt: a.created_at, userAgent: a.user_agent }),
  });
}

export type AuthLucia = ReturnType<typeof createLucia>;

declare module 'lucia' {
  interface Register {
    Lucia: AuthLucia;
    UserId: string;
    DatabaseUserAttributes: {
      email: string;
      name: string;
      platform_role: 'admin' | 'facilitator' | null;
      locale: 'id' | 'en';
    };
    DatabaseSessionAttributes: { created_at?: Date; user_agent?: string | null };
  }
}
