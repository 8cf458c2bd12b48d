import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../context.js';
import type { MessageKey } from '../i18n/index.js';

const FLASH_COOKIE = 'flash';

/** A one-shot message key for the next page (post/redirect/get). Only catalog keys, never user text. */
export function setFlash(c: Context<AppEnv>, key: MessageKey): void {
  setCookie(c, FLASH_COOKIE, key, { path: '/', httpOnly: true, sameSite: 'Lax', maxAge: 60 });
}

/** Reads and clears the flash key, if any. */
export function takeFlash(c: Context<AppEnv>): string | null {
  const v = getCookie(c, FLASH_COOKIE);
  if (!v) return null;
  deleteCookie(c, FLASH_COOKIE, { path: '/' });
  return /^[a-z0-9_.]+$/.test(v) ? v : null;
}
