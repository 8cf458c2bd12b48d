import { createHash, randomBytes } from 'node:crypto';

/** How long a survey link can be answered: a month is enough for a busy owner to get to it. */
export const SURVEY_LINK_DAYS = 30;

/** A fresh link token: 32 random bytes, base64url (43 characters). Only its hash is stored. */
export function newSurveyToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSurveyToken(token) };
}

/** The sha256 the database keeps; a leaked table cannot be turned back into working links. */
export function hashSurveyToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Cheap shape check before any database work: exactly what newSurveyToken makes. */
export function isSurveyToken(token: string | undefined): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);
}
