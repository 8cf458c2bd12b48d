/**
 * The labelled relevance set: queries in eight classes, each with the suppliers that must be
 * found, judged by an oracle over the raw taxonomy files and the suppliers' own term arrays,
 * never by a search engine. A supplier is relevant to a term when it lists the term or any
 * narrower term below it (same kind); to a compound when it is relevant to every part.
 */
import { MATERIALS } from '../../../src/taxonomy/data/materials.js';
import { PROCESSES } from '../../../src/taxonomy/data/processes.js';
import type { TermSeed } from '../../../src/taxonomy/types.js';

export type QueryClass =
  | 'indonesian'
  | 'english'
  | 'informal'
  | 'typo'
  | 'grade'
  | 'compound'
  | 'broad'
  | 'business';

export interface LabelledQuery {
  cls: QueryClass;
  q: string;
  /** Term keys (`process:turning`) the query names; a supplier must cover all of them. */
  terms: string[];
}

/** What the oracle needs of a supplier: its own term arrays. */
export interface OracleSupplier {
  id: string;
  processes: readonly string[];
  materials: readonly string[];
}

const TERMS: TermSeed[] = [...PROCESSES, ...MATERIALS];
const key = (t: TermSeed) => `${t.kind}:${t.slug}`;

/** Term key → itself and every narrower term's slug, from the taxonomy files' parent links. */
export function coveringSlugs(): Map<string, Set<string>> {
  const children = new Map<string, string[]>();
  for (const t of TERMS)
    if (t.parent)
      children.set(`${t.kind}:${t.parent}`, [...(children.get(`${t.kind}:${t.parent}`) ?? []), t.slug]);
  const out = new Map<string, Set<string>>();
  for (const t of TERMS) {
    const set = new Set([t.slug]);
    const stack = [t.slug];
    while (stack.length)
      for (const c of children.get(`${t.kind}:${stack.pop()}`) ?? [])
        if (!set.has(c)) {
          set.add(c);
          stack.push(c);
        }
    out.set(key(t), set);
  }
  return out;
}

/** The ids of the suppliers relevant to a query. */
export function expectedIds(query: LabelledQuery, suppliers: readonly OracleSupplier[]): Set<string> {
  const cover = coveringSlugs();
  const out = new Set<string>();
  for (const s of suppliers) {
    const ok = query.terms.every((k) => {
      const [kind, slug] = k.split(':') as [string, string];
      const own = kind === 'process' ? s.processes : s.materials;
      const slugs = cover.get(k) ?? new Set([slug]);
      return own.some((x) => slugs.has(x));
    });
    if (ok) out.add(s.id);
  }
  return out;
}

/** One adjacent swap in the middle of the longest word: a typical one-edit typo. */
function typo(label: string): string | null {
  const words = label.toLowerCase().split(/\s+/);
  const i = words.reduce((b, w, j) => (w.length > words[b]!.length ? j : b), 0);
  const w = words[i]!;
  if (w.length < 6 || !/^[a-z]+$/.test(w)) return null;
  const m = Math.floor(w.length / 2);
  if (w[m] === w[m + 1]) return null;
  words[i] = w.slice(0, m) + w[m + 1] + w[m] + w.slice(m + 2);
  return words.join(' ');
}

const plain = (s: string) =>
  s
    .replace(/\(.*?\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const BUSINESS = [
  'bengkel {}',
  'jasa {}',
  '{} workshop',
  'CV {}',
  '{} service',
  'UD {} bengkel',
  'toko {}',
  'PT {} industri',
];

/** The whole set, deterministic: built from the taxonomy files in their order. */
export function evalSet(): LabelledQuery[] {
  const out: LabelledQuery[] = [];
  const processes = PROCESSES.filter((t) => t.slug !== 'machining');
  for (const t of processes.filter((_, i) => i % 3 === 0))
    out.push({ cls: 'indonesian', q: plain(t.labelId), terms: [key(t)] });
  for (const t of processes.filter((_, i) => i % 3 === 1))
    out.push({ cls: 'english', q: plain(t.labelEn), terms: [key(t)] });
  for (const t of processes.filter((x, i) => i % 3 === 2 && x.synonymsId.length > 1))
    out.push({ cls: 'informal', q: t.synonymsId.at(-1)!, terms: [key(t)] });
  for (const t of TERMS) {
    const q = typo(plain(t.labelId)) ?? typo(plain(t.labelEn));
    if (q && out.filter((x) => x.cls === 'typo').length < 25) out.push({ cls: 'typo', q, terms: [key(t)] });
  }
  for (const t of MATERIALS)
    for (const s of [...t.synonymsId, ...t.synonymsEn].filter((s) => /\d/.test(s)).slice(0, 2))
      out.push({ cls: 'grade', q: s.toUpperCase(), terms: [key(t)] });
  const mats = MATERIALS.filter((_, i) => i % 4 === 0);
  processes
    .filter((_, i) => i % 4 === 0)
    .forEach((p, i) => {
      const m = mats[i % mats.length]!;
      out.push({
        cls: 'compound',
        q: `${plain(i % 2 ? p.labelEn : p.labelId)} ${plain(i % 2 ? m.labelEn : m.labelId)}`,
        terms: [key(p), key(m)],
      });
    });
  const parents = new Set(TERMS.filter((t) => t.parent).map((t) => `${t.kind}:${t.parent}`));
  for (const t of TERMS.filter((t) => parents.has(key(t)))) {
    out.push({ cls: 'broad', q: plain(t.labelId), terms: [key(t)] });
    out.push({ cls: 'broad', q: plain(t.labelEn), terms: [key(t)] });
  }
  processes
    .filter((_, i) => i % 3 === 0)
    .forEach((t, i) => {
      const label = plain(i % 2 ? t.labelEn : t.labelId);
      out.push({ cls: 'business', q: BUSINESS[i % BUSINESS.length]!.replace('{}', label), terms: [key(t)] });
    });
  return out;
}
