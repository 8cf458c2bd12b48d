import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
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
 * repeat took seconds), and a longer password is judged on its start.
 */
export const MAX_CHECKED_LENGTH = 64;
export const MIN_SCORE = 3;

export interface WeakPassword {
  score: number;
  /** zxcvbn's warning key (e.g. `common`, `userInputs`), or null when it has none. */
  warning: string | null;
}

/**
 * The checker runs in a worker thread: one check of a symbol-heavy 64-character password costs
 * 50–150 ms of CPU, which would stall every other request if it ran on the event loop. The worker
 * is plain CommonJS (eval'd), so it needs no TypeScript loader under tsx, vitest or compiled code.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { ZxcvbnFactory } = require(workerData.core);
const common = require(workerData.common);
const en = require(workerData.en);
// Warnings come back as their keys, which our catalogs translate.
const keysOnly = (o) => Object.fromEntries(Object.keys(o).map((k) => [k, k]));
const z = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...en.dictionary, 'indonesian-pasok': workerData.words },
  graphs: common.adjacencyGraphs,
  // Bounds the l33t variant search, the costly part on symbol-heavy input.
  l33tMaxSubstitutions: 8,
  maxLength: workerData.maxLength,
  translations: {
    ...en.translations,
    warnings: keysOnly(en.translations.warnings),
    suggestions: keysOnly(en.translations.suggestions),
  },
});
parentPort.on('message', ({ id, password, inputs }) => {
  try {
    const r = z.check(password, inputs);
    parentPort.postMessage({ id, score: r.score, warning: r.feedback.warning || null });
  } catch (err) {
    parentPort.postMessage({ id, error: String(err && err.message) });
  }
});
`;

type Reply = { id: number; score: number; warning: string | null; error?: string };
let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();

/** The one checker thread, started on first use; it keeps the process alive only while it has work. */
function checker(): Worker {
  if (worker) return worker;
  const require = createRequire(import.meta.url);
  const w = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      core: require.resolve('@zxcvbn-ts/core'),
      common: require.resolve('@zxcvbn-ts/language-common'),
      en: require.resolve('@zxcvbn-ts/language-en'),
      words: INDONESIAN_WORDS,
      maxLength: MAX_CHECKED_LENGTH,
    },
  });
  w.on('message', (reply: Reply) => {
    const p = pending.get(reply.id);
    pending.delete(reply.id);
    // Idle, the thread must not keep the process alive; busy, it must (a CLI waits for its answer).
    if (pending.size === 0) w.unref();
    if (!p) return;
    if (reply.error) p.reject(new Error(`password check failed: ${reply.error}`));
    else p.resolve(reply);
  });
  const fail = (err: Error) => {
    worker = null;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`password checker exited (${code})`)));
  w.unref();
  worker = w;
  return w;
}

/**
 * Null when the password is strong enough (zxcvbn score ≥ 3), else why not. `userInputs`
 * (email, name, organisation) count as guessable words: a password built on them is weak.
 */
export async function checkPasswordStrength(
  password: string,
  userInputs: string[],
): Promise<WeakPassword | null> {
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
  const id = nextId++;
  const w = checker();
  const result = await new Promise<Reply>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.ref();
    w.postMessage({ id, password: password.slice(0, MAX_CHECKED_LENGTH), inputs });
  });
  if (result.score >= MIN_SCORE) return null;
  return { score: result.score, warning: result.warning };
}

/** The field message for a weak password: what is wrong (when zxcvbn knows) and what to do. */
export function weakPasswordMessage(t: T, weak: WeakPassword): string {
  const why = weak.warning ? t(`auth.password.warn.${weak.warning}`) : '';
  return why.startsWith('auth.') || !why ? t('auth.password.weak') : `${why} ${t('auth.password.weak')}`;
}
