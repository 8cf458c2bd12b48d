/**
 * Matching at scale, in process and without a database: `npm run bench:match-scale -- --suppliers N`
 * generates N synthetic supplier facts in JS (the real process and material taxonomy with its
 * descendants, 1–4 processes per supplier with a popularity skew, 80 % on Java), loads them into a
 * FactStore (the CandidateIndex minus PostgreSQL) and prints, per need, p50/p95 of the former
 * full scan and of topSlots (postings + coverage tiers), whether both answer the same, and the
 * RSS the facts cost. Figures only, never assertions: the machine is shared, so the load average
 * is printed alongside. Run with `--expose-gc` for a steadier RSS figure (the npm script does).
 */
import os from 'node:os';
import { FactStore } from '../../src/matching/fact-store.js';
import { type Ranked, topSlots } from '../../src/matching/rank.js';
import { compileNeed } from '../../src/matching/scorer.js';
import { buildTermTree } from '../../src/matching/term-tree.js';
import type { NeedCriteria, SupplierFacts, SupplierStatus } from '../../src/matching/types.js';
import { TAXONOMY } from '../../src/taxonomy/dictionary.js';
import { fullScan } from '../unit/matching/full-scan.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SUPPLIERS = arg('suppliers', 100_000);
const ROUNDS = arg('rounds', 15);
const LIMIT = arg('limit', 50);
const TODAY = '2026-11-22';

/** Deterministic PRNG (mulberry32), so every run sees the same directory. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROCESSES = TAXONOMY.filter((t) => t.kind === 'process').map((t) => t.slug);
const MATERIALS = TAXONOMY.filter((t) => t.kind === 'material').map((t) => t.slug);
const tree = buildTermTree(
  TAXONOMY.filter((t) => t.kind === 'process' || t.kind === 'material').map((t) => ({
    kind: t.kind,
    slug: t.slug,
    parentSlug: t.parent ?? null,
  })),
);

/** Popular terms dominate (Zipf-like, exponent ~0.9), as in the seeded directories. */
function skewed(r: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(n * r() ** 2.2));
}

function draw(r: () => number, slugs: readonly string[], k: number): string[] {
  const out = new Set<string>();
  while (out.size < k) out.add(slugs[skewed(r, slugs.length)]!);
  return [...out];
}

/** Java (80 %), else Sumatra, Kalimantan, Sulawesi or Nusa Tenggara; 3 % without a location. */
function place(r: () => number): [number, number] | null {
  if (r() < 0.03) return null;
  if (r() < 0.8) return [-6.1 - r() * 2.0, 105.6 + r() * 9.0];
  const boxes: [number, number, number, number][] = [
    [3.5, -5.5, 95.5, 105.5],
    [1.5, -3.5, 109.5, 117],
    [1.0, -5.5, 119, 125],
    [-8.3, -10, 115.8, 124],
  ];
  const [n, s, w, e] = boxes[Math.floor(r() * boxes.length)]!;
  return [s + r() * (n - s), w + r() * (e - w)];
}

function synthetic(n: number): SupplierFacts[] {
  const r = rng(20261205);
  const out: SupplierFacts[] = [];
  for (let i = 0; i < n; i++) {
    const at = place(r);
    const u = r();
    const status: SupplierStatus = u < 0.85 ? 'verified' : u < 0.95 ? 'submitted' : 'draft';
    const certs: [string, string | null, number | null][] = [];
    if (r() < 0.2) certs.push(['iso-9001', r() < 0.8 ? '2027-06-30' : '2026-01-31', null]);
    if (r() < 0.1) certs.push(['tkdn', '2027-12-31', Math.round(20 + r() * 60)]);
    out.push({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      status,
      lat: at ? at[0] : null,
      lon: at ? at[1] : null,
      processes: draw(r, PROCESSES, 1 + Math.floor(r() * 4)),
      materials: draw(r, MATERIALS, Math.floor(r() * 3)),
      certTypes: certs.map((c) => c[0]),
      certUntil: certs.map((c) => c[1]),
      certTkdn: certs.map((c) => c[2]),
      capacityAmount: r() < 0.5 ? Math.round(100 + r() * 20_000) : null,
      capacityUnit: 'pcs/bulan',
    });
  }
  return out;
}

const base: NeedCriteria = {
  processes: [],
  materials: [],
  requiredCerts: [],
  preferredCerts: [],
  minTkdn: null,
  quantity: null,
  unit: null,
  frequency: null,
  point: null,
  placeName: null,
  maxDistanceKm: 300,
  hasText: false,
};
/** The three needs of bench:scale, an ungated one, and one gated by text alone. */
const NEEDS: [string, NeedCriteria][] = [
  [
    'turning + stainless',
    { ...base, processes: ['turning'], materials: ['stainless-steel'], point: { lat: -6.46, lon: 107.63 } },
  ],
  ['welding + piping', { ...base, processes: ['welding', 'piping'], point: { lat: -7.45, lon: 112.72 } }],
  [
    '4 machining + carbon steel',
    {
      ...base,
      processes: ['turning', 'milling', 'drilling', 'grinding'],
      materials: ['carbon-steel'],
      point: { lat: -6.9, lon: 107.6 },
    },
  ],
  ['ungated, 300 km', { ...base, point: { lat: -6.9, lon: 107.6 } }],
  ['text only (300 hits)', { ...base, hasText: true, point: { lat: -6.9, lon: 107.6 } }],
];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const mib = (b: number) => Math.round(b / 2 ** 20);
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const same = (a: Ranked, b: Ranked) =>
  a.total === b.total && a.excluded === b.excluded && a.top.join() === b.top.join();

function main() {
  const load = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  gc();
  const rss0 = process.memoryUsage().rss;
  let t = performance.now();
  const raw = synthetic(SUPPLIERS);
  const genS = ((performance.now() - t) / 1000).toFixed(1);
  t = performance.now();
  const store = new FactStore();
  for (const f of raw) store.put(f.id, f);
  store.trim();
  raw.length = 0;
  const buildS = ((performance.now() - t) / 1000).toFixed(1);
  gc();
  const rssFacts = process.memoryUsage().rss - rss0;
  const textHits = new Map<string, number>();
  const r = rng(7);
  for (let i = 0; i < 300; i++) textHits.set(store.facts[Math.floor(r() * store.size)]!.id, 0.5 + r() / 2);

  console.log(
    `\nMatch-scale bench, ${SUPPLIERS.toLocaleString('en')} suppliers, ${os.cpus().length} cores, load average ${load} (shared machine: figures under load)`,
  );
  console.log(
    `generate ${genS} s, FactStore load ${buildS} s, RSS of facts + postings +${mib(rssFacts)} MiB`,
  );
  console.log(`limit ${LIMIT}, ${ROUNDS} rounds; times in ms`);
  console.log(
    'need                          full scan p50 / p95    topSlots first / p50 / p95   candidates  same',
  );
  for (const [name, criteria] of NEEDS) {
    const n = compileNeed(criteria, tree, ['verified'], store.intern);
    const text = criteria.hasText ? textHits : new Map<string, number>();
    const track = new Map<string, number>();
    let s = performance.now();
    let fast = topSlots(store, n, text, track, TODAY, LIMIT, 0);
    const first = performance.now() - s;
    const slow = fullScan(store.facts, n, text, track, TODAY, LIMIT, 0);
    const old: number[] = [];
    const now: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      s = performance.now();
      fullScan(store.facts, n, text, track, TODAY, LIMIT, 0);
      old.push(performance.now() - s);
      s = performance.now();
      fast = topSlots(store, n, text, track, TODAY, LIMIT, 0);
      now.push(performance.now() - s);
    }
    let candidates = 0;
    if (!n.gated) candidates = store.documents;
    else if (!criteria.processes.length && !criteria.materials.length) candidates = text.size;
    else {
      const seen = new Set<number>();
      for (const [k] of n.processCover) for (const x of store.postings('process', k)) seen.add(x);
      for (const [k] of n.materialCover) for (const x of store.postings('material', k)) seen.add(x);
      candidates = seen.size;
    }
    const f = (x: number) => x.toFixed(1).padStart(7);
    console.log(
      `${name.padEnd(28)} ${f(pct(old, 50))} / ${f(pct(old, 95))}    ${f(first)} / ${f(pct(now, 50))} / ${f(pct(now, 95))}   ${String(candidates).padStart(9)}  ${same(fast, slow) ? 'yes' : 'NO'}  (total ${fast.total}, excluded ${fast.excluded})`,
    );
  }
}

main();
