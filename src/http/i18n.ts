import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../context.js';
import { isLocale, type Locale, translator } from '../i18n/index.js';

export const LANG_COOKIE = 'lang';

/** Locale precedence: the `lang` cookie, then the user's profile, then Indonesian. Runs after the session. */
export function i18n(): MiddlewareHandler<AppEnv> {
  return async function i18nMiddleware(c, next) {
    const fromCookie = getCookie(c, LANG_COOKIE);
    const locale: Locale = isLocale(fromCookie) ? fromCookie : (c.get('user')?.locale ?? 'id');
    c.set('locale', locale);
    c.set('t', translator(locale));
    await next();
    c.res.headers.set('Content-Language', locale);
  };
}

/** Remembers the language for a year; not HttpOnly-sensitive, but kept HttpOnly anyway. */
export function rememberLocale(c: Parameters<MiddlewareHandler<AppEnv>>[0], locale: Locale): void {
  setCookie(c, LANG_COOKIE, locale, {
    path: '/',
    maxAge: 60 * 60 * 24 * 365,
    sameSite: 'Lax',
    httpOnly: true,
    secure: c.get('deps').config.secureCookies,
  });
}
