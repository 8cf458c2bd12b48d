import { findTerm, type TermKind } from '../taxonomy/dictionary.js';
import { ARCHETYPES, type Archetype, type MachineSpec, type ProvinceCode } from './archetypes.js';
import { ESTATES, pointNear, TOWN_STREETS, type Town, townBySlug } from './places.js';
import { createRng, type Rng } from './random.js';
import {
  CULTURE_OF_TOWN,
  FAMILY_NAMES,
  GIVEN_NAMES,
  ISSUERS,
  NAME_HEADS,
  NAME_TAILS,
  NIB_PREFIXES,
  PHONE_PREFIXES,
  REGIONAL_HEADS,
  ROLES,
  TOWN_COUNTS,
} from './word-lists.js';

/** The fixed "today" of all demo data, so expiry and age checks give the same answers on every run. */
export const DEMO_TODAY = '2026-11-22';

export type SupplierStatus = 'draft' | 'submitted' | 'verified' | 'rejected' | 'suspended';

export interface SupplierSeed {
  legalName: string;
  tradingName: string | null;
  /** Exactly 13 digits, unique across all seeds. */
  nib: string;
  kbli: string[];
  yearFounded: number;
  employees: number;
  descriptionId: string;
  descriptionEn: string | null;
  regencyCode: string;
  provinceCode: string;
  address: string;
  lat: number;
  lon: number;
  processes: string[];
  materials: string[];
  productCategories: string[];
  sectors: string[];
  products: string;
  machines: { type: string; count: number; notes: string | null }[];
  capacity: { amount: number; unit: string } | null;
  maxPart: string | null;
  certifications: {
    type: string;
    number: string;
    issuer: string;
    validUntil: string;
    tkdnPercent: number | null;
  }[];
  contacts: { name: string; role: string; phone: string; email: string | null }[];
  status: SupplierStatus;
}

const STATUS: readonly SupplierStatus[] = ['verified', 'submitted', 'draft', 'rejected', 'suspended'];
const STATUS_WEIGHTS = [0.55, 0.25, 0.1, 0.05, 0.05];

interface Context {
  rng: Rng;
  town: Town;
  usedNames: Set<string>;
  usedNibs: Set<string>;
}

/**
 * Builds the demo directory: a few hundred plausible IKM in the estates' catchment towns. Always the same
 * list (fixed seed), so demos, screenshots and tests can refer to what they show.
 */
export function demoSuppliers(): SupplierSeed[] {
  const rng = createRng(20261122);
  const usedNames = new Set<string>();
  const usedNibs = new Set<string>();
  const out: SupplierSeed[] = [];
  for (const [slug, count] of Object.entries(TOWN_COUNTS)) {
    const town = townBySlug(slug);
    const weights = ARCHETYPES.map(
      (a) => (a.regions[town.provinceCode as ProvinceCode] ?? 0) * (a.hotspots.includes(slug) ? 3 : 1),
    );
    for (let i = 0; i < count; i++) {
      const archetype = rng.pickWeighted(ARCHETYPES, weights);
      out.push(buildSupplier({ rng, town, usedNames, usedNibs }, archetype));
    }
  }
  return out;
}

function buildSupplier(ctx: Context, a: Archetype): SupplierSeed {
  const { rng, town } = ctx;
  const r = rng.next();
  const legalForm = r < a.legal[0] ? 'PT' : r < a.legal[0] + a.legal[1] ? 'CV' : 'UD';
  const name = uniqueName(ctx, a, legalForm);
  const core = name.core;
  const yearFounded = Number(DEMO_TODAY.slice(0, 4)) - 3 - Math.floor(rng.next() ** 1.5 * 36);
  const processes = [
    ...a.processes.slice(0, a.coreProcesses),
    ...rng.pickSome(a.processes.slice(a.coreProcesses), rng.int(1, 4)),
  ];
  const materials = [a.materials[0] as string, ...rng.pickSome(a.materials.slice(1), rng.int(1, 3))];
  const productSlugs = rng.pickSome(a.products, rng.int(3, 5));
  const products = [
    ...productSlugs.map((s) => synonymOf('product', s, 0)),
    ...rng.pickSome(a.freeProducts, rng.int(0, 2)),
  ];
  const sectors = rng.pickSome(a.sectors, rng.int(1, 3));
  const capacity = makeCapacity(rng, a);
  const { lat, lon } = pointNear(rng, town);
  const text: Facts = { town, year: yearFounded, processes, materials, products, sectors, capacity };
  return {
    legalName: `${legalForm} ${core}`,
    tradingName: rng.chance(0.6) ? `${rng.pick(a.tradingPrefixes)} ${name.short}` : null,
    nib: uniqueNib(ctx),
    kbli: [a.kbli[0] as string, ...a.kbli.slice(1).filter(() => rng.chance(0.3))].slice(0, 3),
    yearFounded,
    employees: makeEmployees(rng, a, legalForm),
    descriptionId: describeId(rng, a, text),
    descriptionEn: rng.chance(0.3) ? describeEn(rng, a, text, productSlugs) : null,
    regencyCode: town.regencyCode,
    provinceCode: town.provinceCode,
    address: `${rng.pick(TOWN_STREETS[town.slug] ?? ['Jl. Raya'])} No. ${rng.int(1, 250)}, ${town.addressArea}`,
    lat,
    lon,
    processes,
    materials,
    productCategories: [a.categories[0] as string, ...a.categories.slice(1).filter(() => rng.chance(0.35))],
    sectors,
    products: products.join(', '),
    machines: [a.machines[0] as MachineSpec, ...rng.pickSome(a.machines.slice(1), rng.int(1, 3))].map(
      (m) => ({
        type: m.type,
        count: rng.int(1, m.max),
        notes: rng.chance(0.65) ? rng.pick(m.notes) : null,
      }),
    ),
    capacity,
    maxPart: rng.chance(0.8) ? rng.pick(a.maxPart) : null,
    certifications: makeCertifications(rng, a, legalForm),
    contacts: makeContacts(ctx, core, legalForm),
    status: rng.pickWeighted(STATUS, STATUS_WEIGHTS),
  };
}

/** A legal name core ("Sinar Logam Presisi") and a shop-sign version without the trade word ("Sinar"). */
function uniqueName(ctx: Context, a: Archetype, legalForm: string): { core: string; short: string } {
  const { rng } = ctx;
  const heads = [...NAME_HEADS, ...(REGIONAL_HEADS[ctx.town.provinceCode as ProvinceCode] ?? [])];
  for (;;) {
    const head = rng.pick(heads);
    const trade = rng.pick(a.nameWords);
    const tail = rng.pick(NAME_TAILS);
    const pattern = rng.pickWeighted([0, 1, 2, 3], [45, 25, 15, 15]);
    const core = [
      `${head} ${trade} ${tail}`,
      `${head} ${trade}`,
      `${trade} ${head}`,
      `${head} ${tail} ${trade}`,
    ][pattern] as string;
    const key = `${legalForm} ${core}`.toLowerCase();
    if (!ctx.usedNames.has(key)) {
      ctx.usedNames.add(key);
      return { core, short: pattern === 1 || pattern === 2 ? head : `${head} ${tail}` };
    }
  }
}

function uniqueNib(ctx: Context): string {
  for (;;) {
    let nib = ctx.rng.pick(NIB_PREFIXES);
    while (nib.length < 13) nib += String(ctx.rng.int(0, 9));
    if (!ctx.usedNibs.has(nib)) {
      ctx.usedNibs.add(nib);
      return nib;
    }
  }
}

function makeEmployees(rng: Rng, a: Archetype, legalForm: string): number {
  const [min, max] = a.employees;
  if (legalForm === 'PT' && rng.chance(0.06)) return rng.int(150, 300);
  const lo = legalForm === 'PT' ? Math.max(min, 15) : min;
  const hi = legalForm === 'UD' ? Math.min(max, 25) : legalForm === 'CV' ? Math.min(max, 70) : max;
  return lo + Math.floor(rng.next() ** 2 * (Math.max(hi, lo) - lo + 1));
}

function makeCapacity(rng: Rng, a: Archetype): SupplierSeed['capacity'] {
  if (!a.capacity || rng.chance(0.1)) return null;
  const [unit, min, max] = a.capacity;
  const raw = min + rng.next() ** 2 * (max - min);
  const step = raw >= 10000 ? 1000 : raw >= 1000 ? 100 : raw >= 200 ? 50 : 1;
  return { amount: Math.max(min, Math.round(raw / step) * step), unit };
}

interface Facts {
  town: Town;
  year: number;
  processes: readonly string[];
  materials: readonly string[];
  products: readonly string[];
  sectors: readonly string[];
  capacity: SupplierSeed['capacity'];
}

function synonymOf(kind: TermKind, slug: string, index?: number): string {
  const term = findTerm(kind, slug);
  if (!term) throw new Error(`demo seed uses unknown ${kind} ${slug}`);
  return term.synonymsId[index ?? 0] ?? term.labelId.toLowerCase();
}

/** English label for running text: "Stick welding (SMAW)" -> "stick welding", acronyms kept ("CNC turning"). */
function englishOf(kind: TermKind, slug: string): string {
  const label = (findTerm(kind, slug)?.labelEn ?? slug).replace(/\s*\(.*?\)/g, '');
  return /^[A-Z][a-z]/.test(label) ? label[0]?.toLowerCase() + label.slice(1) : label;
}

function listId(items: readonly string[]): string {
  return items.length < 2
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} dan ${items[items.length - 1]}`;
}

function listEn(items: readonly string[]): string {
  return items.length < 2
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Indonesian digit grouping (12.500), spelled out so the text does not depend on the ICU build. */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

function fill(template: string, facts: Facts): string {
  return template.replace('{town}', facts.town.name).replace('{year}', String(facts.year));
}

function nearestEstate(town: Town): string {
  let best = ESTATES[0]?.name ?? '';
  let bestD = Number.POSITIVE_INFINITY;
  for (const e of ESTATES) {
    const d = (e.lat - town.lat) ** 2 + (e.lon - town.lon) ** 2;
    if (d < bestD) [best, bestD] = [e.name, d];
  }
  return best;
}

/** Indonesian self-description as IKM write it: informal trade words, grades and shop slang mixed in. */
function describeId(rng: Rng, a: Archetype, f: Facts): string {
  const procs = listId(f.processes.slice(0, 4).map((s) => synonymOf('process', s, rng.int(0, 2))));
  const mats = listId(f.materials.map((s) => synonymOf('material', s, rng.int(0, 3))));
  const sentences = [fill(rng.pick(a.openersId), f)];
  sentences.push(
    rng.pick([
      `Melayani ${procs} untuk bahan ${mats}.`,
      `Kami mengerjakan ${procs} dengan bahan ${mats}.`,
      `Bisa ${procs}, material ${mats} bisa dari kami atau dari pelanggan.`,
      `Jasa ${procs}, bahan ${mats}.`,
    ]),
  );
  if (rng.chance(0.85)) {
    const products = listId(f.products);
    sentences.push(
      rng.pick([
        `Produk yang sering kami buat: ${products}.`,
        `Biasa bikin ${products} sesuai gambar atau contoh.`,
        `Pesanan rutin antara lain ${products}.`,
      ]),
    );
  }
  if (rng.chance(0.5)) {
    const closers = [
      `Pelanggan kami dari sektor ${listId(f.sectors.map((s) => synonymOf('sector', s)))}.`,
      `Siap memasok tenant ${nearestEstate(f.town)}.`,
      'Terima order satuan maupun partai besar.',
      'Pengerjaan cepat, harga bersaing, bisa kirim ke luar kota.',
    ];
    if (f.capacity) closers.push(`Kapasitas sekitar ${thousands(f.capacity.amount)} ${f.capacity.unit}.`);
    sentences.push(rng.pick(closers));
  }
  return sentences.join(' ');
}

function describeEn(rng: Rng, a: Archetype, f: Facts, productSlugs: readonly string[]): string {
  const procs = listEn(f.processes.slice(0, 4).map((s) => englishOf('process', s)));
  const mats = listEn(f.materials.map((s) => englishOf('material', s)));
  const products = listEn(productSlugs.map((s) => englishOf('product', s)));
  return `${fill(rng.pick(a.openersEn), f)} We offer ${procs} in ${mats}. Typical products: ${products}.`;
}

function certNumber(rng: Rng, type: string, year: number): string {
  const n = (digits: number) => String(rng.int(10 ** (digits - 1), 10 ** digits - 1));
  switch (type) {
    case 'halal':
      return `ID${n(8)}${n(9)}`;
    case 'tkdn':
      return `${n(4)}/SJ-IND.8/TKDN/${year}`;
    case 'sni':
      return `SPPT-SNI ${n(3)}/LSPro/${year}`;
    case 'smk3':
      return `KEP.${n(3)}/MEN/SMK3/${year}`;
    case 'iso-17025':
      return `LP-${n(4)}-IDN`;
    case 'welder-qualification':
      return `JL-${n(6)}`;
    case 'bki-class':
      return `BKI/${n(5)}/${year}`;
    default:
      return `${type.toUpperCase().replace('-', ' ')}/${n(6)}`;
  }
}

const DAY_MS = 86_400_000;
const TODAY_MS = Date.parse(DEMO_TODAY);
/** Expired certificates ran out at least three weeks before "today", valid ones last at least a week more. */
const EXPIRED_RANGE = [TODAY_MS - 1270 * DAY_MS, TODAY_MS - 22 * DAY_MS] as const;
const VALID_RANGE = [TODAY_MS + 9 * DAY_MS, TODAY_MS + 1135 * DAY_MS] as const;

function randomDay(rng: Rng, [from, to]: readonly [number, number]): string {
  const day = from + rng.int(0, Math.floor((to - from) / DAY_MS)) * DAY_MS;
  return new Date(day).toISOString().slice(0, 10);
}

function makeCertifications(rng: Rng, a: Archetype, legalForm: string): SupplierSeed['certifications'] {
  const factor = legalForm === 'PT' ? 1.6 : legalForm === 'CV' ? 1 : 0.5;
  const out: SupplierSeed['certifications'] = [];
  for (const [type, p] of Object.entries(a.certs)) {
    if (out.length >= 4 || !rng.chance(Math.min(0.9, p * factor))) continue;
    const validUntil = randomDay(rng, rng.chance(0.25) ? EXPIRED_RANGE : VALID_RANGE);
    out.push({
      type,
      number: certNumber(rng, type, Number(validUntil.slice(0, 4)) - 3),
      issuer: rng.pick(ISSUERS[type] ?? ['Kementerian Perindustrian']),
      validUntil,
      tkdnPercent: type === 'tkdn' ? Math.round(Math.min(80, Math.max(20, rng.gaussianish(45, 40)))) : null,
    });
  }
  return out;
}

function phone(rng: Rng): string {
  let out = rng.pick(PHONE_PREFIXES);
  const length = rng.pickWeighted([11, 12, 13], [2, 6, 2]);
  while (out.length < length) out += String(rng.int(0, 9));
  return out;
}

function asciiLower(text: string): string {
  return text.toLowerCase().replace(/[^a-z]/g, '');
}

function makeContacts(ctx: Context, core: string, legalForm: string): SupplierSeed['contacts'] {
  const { rng, town } = ctx;
  const regional = CULTURE_OF_TOWN[town.slug] ?? (town.provinceCode === '32' ? 'sunda' : 'jawa');
  const count = rng.pickWeighted([1, 2, 3], [50, 35, 15]);
  const roles = [legalForm === 'PT' ? 'Direktur' : 'Pemilik', ...rng.pickSome(ROLES.slice(1), count - 1)];
  const company = asciiLower(core);
  const domain = legalForm === 'PT' && rng.chance(0.5) ? `${company}.co.id` : null;
  return roles.map((role, i) => {
    const culture = rng.chance(0.2) ? 'jawa' : regional;
    const given = rng.pick(GIVEN_NAMES[culture]);
    const family = rng.pick(FAMILY_NAMES[culture]);
    const name = rng.chance(0.15) ? given : `${given} ${family}`;
    let email: string | null = null;
    if (i === 0 && rng.chance(0.6))
      email = domain ? `marketing@${domain}` : `${company}${rng.chance(0.3) ? rng.int(1, 99) : ''}@gmail.com`;
    else if (i > 0 && rng.chance(0.3))
      email = `${asciiLower(given)}.${asciiLower(family)}@${domain ?? 'gmail.com'}`;
    return { name, role, phone: phone(rng), email };
  });
}
