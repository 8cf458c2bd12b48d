/**
 * The logged-in user as the rest of Pasok sees it. Our own shape, so that only `src/auth`
 * knows lucia exists: swapping the session library touches this folder and nothing else.
 */
export interface AuthUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly platformRole: 'admin' | 'facilitator' | null;
  readonly locale: 'id' | 'en';
}

/** A browser session as the rest of Pasok sees it (the id is secret: never render it). */
export interface AuthSession {
  readonly id: string;
  readonly userId: string;
  readonly expiresAt: Date;
  /** True when the session was just extended and its cookie must be sent again. */
  readonly fresh: boolean;
}
