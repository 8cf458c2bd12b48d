import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import type { T } from '../i18n/index.js';

/** Common Indonesian passwords and words that zxcvbn's English dictionaries do not know. */
export const INDONESIAN_WORDS = [
  'rahasia',
  'sayang',
  'sayangku',
  'indonesia',
  'bismillah',
  'pasok',
  'pasokan',
  'pemasok',
  'cinta',
  'cintaku',
  'katasandi',
  'sandi',
  'kata',
  'masuk',
  'rahasiaku',
  'merdeka',
  'garuda',
  'pancasila',
  'nusantara',
  'jakarta',
  'surabaya',
  'bandung',
  'mataram',
  'lombok',
  'sumbawa',
  'subang',
  'sidoarjo',
  'alhamdulillah',
  'insyaallah',
  'allahuakbar',
  'barokah',
  'berkah',
  'sukses',
  'semangat',
  'bahagia',
  'selamat',
  'makmur',
  'jaya',
  'maju',
  'bersama',
  'keluarga',
  'bunda',
  'mama',
  'papa',
  'bapak',
  'ibu',
  'anak',
  'kucing',
  'anjing',
  'kamu',
  'aku',
  'dia',
  'kita',
  'temu',
  'usaha',
  'bisnis',
  'industri',
  'kemenperin',
  'disperin',
  'disperindag',
  'kawasan',
  'ikm',
  'umkm',
  'rupiah',
  'persib',
  'persija',
  'arema',
  'bonek',
  'rindu',
  'manis',
  'ganteng',
  'cantik',
  'pagi',
  'malam',
  'siang',
  'sore',
  'baru',
  'lama',
  'satu',
  'dua',
  'tiga',
  'empat',
  'lima',
  'enam',
  'tujuh',
  'delapan',
  'sembilan',
  'sepuluh',
];

/**
 * zxcvbn sees only this prefix: its cost grows steeply with length (a 256-character
 * repeat took seconds of event-loop time), and a longer password is judged on its start.
 */
export const MAX_CHECKED_LENGTH = 64;
export const MIN_SCORE = 3;

let factory: ZxcvbnFactory | null = null;

/** Loads the dictionaries once, on first use (they take a moment and some memory). */
async function getFactory(): Promise<ZxcvbnFactory> {
  if (factory) return factory;
  const [common, en] = await Promise.all([
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]);
  // Warnings come back as their keys, which our catalogs translate.
  const keysOnly = (o: Record<string, unknown>) => Object.fromEntries(Object.keys(o).map((k) => [k, k]));
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, 'indonesian-pasok': INDONESIAN_WORDS },
    graphs: common.adjacencyGraphs,
    // Bounds the l33t variant search, the costly part on symbol-heavy input.
    l33tMaxSubstitutions: 8,
    maxLength: MAX_CHECKED_LENGTH,
    translations: {
      ...en.translations,
      warnings: keysOnly(en.translations.warnings) as typeof en.translations.warnings,
      suggestions: keysOnly(en.translations.suggestions) as typeof en.translations.suggestions,
    },
  });
  return factory;
}

export interface WeakPassword {
  score: number;
  /** zxcvbn's warning key (e.g. `common`, `userInputs`), or null when it has none. */
  warning: string | null;
}

/**
 * Null when the password is strong enough (zxcvbn score ≥ 3), else why not. `userInputs`
 * (email, name, organisation) count as guessable words: a password built on them is weak.
 */
export async function checkPasswordStrength(
  password: string,
  userInputs: string[],
): Promise<WeakPassword | null> {
  const z = await getFactory();
  // Each input whole, word by word, and run together ("Siti Rahma" → "sitirahma"); e-mails by local part too.
  const inputs = userInputs
    .map((s) => s.slice(0, 200).toLowerCase())
    .flatMap((s) => [
      s,
      s.split('@')[0] ?? '',
      s.replace(/[^\p{L}\p{N}]+/gu, ''),
      ...s.split(/[^\p{L}\p{N}]+/u),
    ])
    .filter((s) => s.length >= 3);
  const result = z.check(password.slice(0, MAX_CHECKED_LENGTH), inputs);
  if (result.score >= MIN_SCORE) return null;
  return { score: result.score, warning: result.feedback.warning || null };
}

/** The field message for a weak password: what is wrong (when zxcvbn knows) and what to do. */
export function weakPasswordMessage(t: T, weak: WeakPassword): string {
  const why = weak.warning ? t(`auth.password.warn.${weak.warning}`) : '';
  return why.startsWith('auth.') || !why ? t('auth.password.weak') : `${why} ${t('auth.password.weak')}`;
}
