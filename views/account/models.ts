/*
 * View models of the account page: only the fields it reads. The session user, session rows and
 * token rows are wider and assignable to these, so the route passes them as they are.
 */

/** The logged-in user's own profile fields. */
export interface AccountUser {
  readonly name: string;
  readonly email: string;
  readonly locale: 'id' | 'en';
}

/** One of the user's active browser sessions (the id stays server-side: forms post its handle). */
export interface AccountSession {
  readonly id: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly userAgent: string | null;
}

/** One of the user's API tokens (never the secret: only its prefix). */
export interface AccountToken {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
}

/** One of the user's own erasure requests and how it was decided. */
export interface AccountErasureRequest {
  readonly id: string;
  readonly status: 'pending' | 'erased' | 'rejected';
  readonly requestedAt: Date;
  readonly reviewedAt: Date | null;
  readonly reviewNote: string | null;
}
