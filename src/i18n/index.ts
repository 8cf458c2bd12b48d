import { en } from './en.js';
import { id, type MessageKey, type Messages } from './id.js';

export type Locale = 'id' | 'en';
export const LOCALES: readonly Locale[] = ['id', 'en'];
export type { MessageKey };

const catalogs: Record<Locale, Messages> = { id, en };

/** Translator bound to one locale. Unknown keys are returned as-is so dynamic keys degrade visibly, not silently. */
export type T = (key: MessageKey | (string & {}), params?: Record<string, string | number>) => string;

export function isLocale(v: unknown): v is Locale {
  return v === 'id' || v === 'en';
}

/** Builds the translator used by views, validation messages and mail. */
export function translator(locale: Locale): T {
  const catalog = catalogs[locale];
  return (key, params) => {
    const template = (catalog as Record<string, string>)[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (m, name: string) =>
      params[name] === undefined ? m : String(params[name]),
    );
  };
}
