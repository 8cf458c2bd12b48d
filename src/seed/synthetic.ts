import { type TermKind, type TermSeed, termsOfKind } from '../taxonomy/dictionary.js';
import { DEMO_TODAY, type SupplierSeed, type SupplierStatus } from './demo-suppliers.js';
import { pointNear, TOWN_STREETS, TOWNS } from './places.js';
import { createRng, type Rng } from './random.js';

// Words IKM put around their trade words, most common first; with the dictionary's own words they form
// the vocabulary the descriptions are drawn from with a Zipf law, so frequent words match many rows.
// biome-ignore format: word lists
const FILLER = [
  'dan', 'kami', 'untuk', 'melayani', 'jasa', 'bengkel', 'produksi', 'dengan', 'bahan', 'pesanan', 'sesuai',
  'gambar', 'harga', 'bersaing', 'cepat', 'industri', 'pabrik', 'berkualitas', 'siap', 'order', 'partai',
  'besar', 'kecil', 'presisi', 'pengalaman', 'tahun', 'tenaga', 'ahli', 'mesin', 'modern', 'kualitas',
  'terjamin', 'pengiriman', 'luar', 'kota', 'kawasan', 'pelanggan', 'tetap', 'kontrak', 'rutin', 'contoh',
  'barang', 'sampel', 'garansi', 'bergaransi', 'lengkap', 'terima', 'juga', 'serta', 'berbagai', 'jenis',
  'ukuran', 'custom', 'satuan', 'massal', 'proyek', 'perawatan', 'lokal', 'daerah', 'kabupaten', 'provinsi',
  'binaan', 'dinas', 'perindustrian', 'ikm', 'umkm', 'usaha', 'keluarga', 'sejak', 'berdiri', 'workshop',
  'alat', 'komponen', 'produk', 'hasil', 'rapi', 'kuat', 'awet', 'tahan', 'lama', 'murah', 'amanah',
  'jujur', 'tepat', 'waktu', 'teknisi', 'berpengalaman', 'bersertifikat', 'tersedia', 'stok', 'gudang',
  'pengerjaan', 'finishing', 'halus', 'toleransi', 'ketat', 'mm', 'ton', 'unit', 'bulan', 'minggu', 'hari',
  'kerja', 'shift', 'lembur', 'kapasitas', 'tinggi', 'menengah', 'kebutuhan', 'tambang', 'smelter',
  'otomotif', 'pertanian', 'perkebunan', 'makanan', 'halal', 'rokok', 'kapal', 'nelayan', 'konstruksi',
  'gedung', 'jembatan', 'pabrikan', 'tenant', 'investor', 'pemasok', 'supplier', 'vendor', 'terdaftar',
  'resmi', 'legal', 'npwp', 'nib', 'lombok', 'sumbawa', 'jawa', 'barat', 'timur', 'subang', 'sidoarjo',
  'pasuruan', 'mataram', 'bima', 'dompu', 'gresik', 'surabaya', 'probolinggo', 'karawang', 'bandung',
];

const LEGAL_FORMS = ['CV', 'CV', 'CV', 'UD', 'UD', 'PT'] as const;
// biome-ignore format: word lists
const HEADS = ['Sinar', 'Karya', 'Mitra', 'Cahaya', 'Bintang', 'Surya', 'Tunas', 'Sumber', 'Mega', 'Putra', 'Berkah', 'Harapan', 'Anugerah', 'Rinjani', 'Samawa', 'Pasundan', 'Brantas', 'Bromo', 'Prima', 'Amanah'];
const TRADES = [
  'Teknik',
  'Logam',
  'Las',
  'Baja',
  'Presisi',
  'Mesin',
  'Metal',
  'Cor',
  'Stainless',
  'Mekanik',
  'Fabrikasi',
  'Tani',
];
const TAILS = [
  'Mandiri',
  'Jaya',
  'Abadi',
  'Sejahtera',
  'Perkasa',
  'Utama',
  'Makmur',
  'Sentosa',
  'Lestari',
  'Gemilang',
];
// biome-ignore format: word lists
const PERSONS = ['Agus Santoso', 'Asep Suryana', 'Lalu Ahmad Hamdi', 'Baiq Nurul Hakim', 'Syamsuddin Hasan', 'Bambang Wibowo', 'Dedi Permana', 'Siti Aminah', 'Heru Prasetyo', 'Euis Nugraha', 'Muhammad Yasin', 'Slamet Riyadi'];
const PHONE_PREFIXES = ['0812', '0813', '0821', '0852', '0853', '0817', '0819', '0878', '0857', '0896'];
const UNITS = ['pcs/bulan', 'ton/bulan', 'unit/bulan'] as const;
const MAX_PARTS = ['diameter 300 mm, panjang 1 m', 'plat 3 x 1,5 m', '500 kg', 'panjang 6 m', '2 ton'];
const CERT_TYPES = [
  'iso-9001',
  'sni',
  'halal',
  'tkdn',
  'smk3',
  'welder-qualification',
  'iso-14001',
  'iso-45001',
];
const STATUS: readonly SupplierStatus[] = ['verified', 'submitted', 'draft', 'rejected', 'suspended'];
const STATUS_WEIGHTS = [0.5, 0.3, 0.12, 0.04, 0.04];

/** Draws ranks 0..n-1 with probability ∝ 1/(rank+1)^s, by binary search over a precomputed CDF. */
function zipfSampler(n: number, s: number): (rng: Rng) => number {
  const cdf = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += 1 / (i + 1) ** s;
    cdf[i] = total;
  }
  return (rng) => {
    const target = rng.next() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cdf[mid] as number) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

interface Tables {
  processes: readonly TermSeed[];
  materials: readonly TermSeed[];
  productNames: readonly string[];
  slugs: (kind: TermKind) => readonly string[];
  vocabulary: readonly string[];
  zipfProcess: (rng: Rng) => number;
  zipfMaterial: (rng: Rng) => number;
  zipfWord: (rng: Rng) => number;
  expiredDays: readonly string[];
  validDays: readonly string[];
}

let tables: Tables | null = null;
const DAY_MS = 86_400_000;
const today = Date.parse(DEMO_TODAY);

function days(from: number, to: number): string[] {
  const out: string[] = [];
  for (let t = from; t <= to; t += DAY_MS) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** Builds the lookup tables once per process, so the per-supplier loop only indexes arrays. */
function getTables(): Tables {
  if (tables) return tables;
  const processes = termsOfKind('process');
  const materials = termsOfKind('material');
  const dictionaryWords = new Set<string>();
  for (const kind of ['process', 'material', 'product'] as const) {
    for (const term of termsOfKind(kind))
      for (const s of term.synonymsId) for (const w of s.split(' ')) dictionaryWords.add(w);
  }
  const vocabulary = [...new Set([...FILLER, ...dictionaryWords])];
  const slugCache = new Map<TermKind, string[]>();
  tables = {
    processes,
    materials,
    productNames: termsOfKind('product').map((p) => p.synonymsId[0] ?? p.labelId.toLowerCase()),
    slugs: (kind) => {
      let list = slugCache.get(kind);
      if (!list) {
        list = termsOfKind(kind).map((t) => t.slug);
        slugCache.set(kind, list);
      }
      return list;
    },
    vocabulary,
    zipfProcess: zipfSampler(processes.length, 0.9),
    zipfMaterial: zipfSampler(materials.length, 0.9),
    zipfWord: zipfSampler(vocabulary.length, 1.05),
    expiredDays: days(today - 1270 * DAY_MS, today - 22 * DAY_MS),
    validDays: days(today + 9 * DAY_MS, today + 1135 * DAY_MS),
  };
  return tables;
}

function distinctDraws(rng: Rng, count: number, draw: (rng: Rng) => number): number[] {
  const out: number[] = [];
  for (let guard = 0; out.length < count && guard < count * 10; guard++) {
    const i = draw(rng);
    if (!out.includes(i)) out.push(i);
  }
  return out;
}

/**
 * NIB from the index through an affine bijection of 12-digit space (multiplier coprime to 10^12), so the
 * numbers look scattered yet never repeat; the leading 5 keeps them apart from the demo seeds.
 */
function nibFor(index: number, seed: number): string {
  const space = 1_000_000_000_000;
  const offset = (seed * 104_729 + 12_345) % space;
  const value = ((((index % space) * 7_919_041) % space) + offset) % space;
  return `5${String(value).padStart(12, '0')}`;
}

/**
 * Streams n synthetic suppliers for load tests and search benchmarks: cheap to produce in bulk, the same for
 * the same seed, with realistic skew (popular processes and words dominate, as in real directories).
 */
export function* syntheticSuppliers(n: number, seed = 42): Generator<SupplierSeed> {
  const t = getTables();
  const rng = createRng(seed);
  for (let i = 0; i < n; i++) yield makeSupplier(rng, t, i, seed);
}

function makeSupplier(rng: Rng, t: Tables, index: number, seed: number): SupplierSeed {
  const town = TOWNS[Math.floor(rng.next() * TOWNS.length)] as (typeof TOWNS)[number];
  const processes = distinctDraws(rng, rng.int(1, 3), t.zipfProcess).map((i) => t.processes[i] as TermSeed);
  const materials = distinctDraws(rng, rng.int(1, 2), t.zipfMaterial).map((i) => t.materials[i] as TermSeed);
  const { lat, lon } = pointNear(rng, town);
  const legal = rng.pick(LEGAL_FORMS);
  const certCount = rng.pickWeighted([0, 1, 2, 3], [50, 30, 14, 6]);
  return {
    legalName: `${legal} ${rng.pick(HEADS)} ${rng.pick(TRADES)} ${rng.pick(TAILS)}`,
    tradingName: null,
    nib: nibFor(index, seed),
    kbli: rng.pickSome(t.slugs('kbli'), rng.int(1, 2)),
    yearFounded: rng.int(1985, Number(DEMO_TODAY.slice(0, 4)) - 2),
    employees: Math.round(5 + rng.next() ** 3 * 200),
    descriptionId: describe(rng, t, processes, materials),
    descriptionEn: null,
    regencyCode: town.regencyCode,
    provinceCode: town.provinceCode,
    address: `${rng.pick(TOWN_STREETS[town.slug] ?? ['Jl. Raya'])} No. ${rng.int(1, 250)}, ${town.addressArea}`,
    lat,
    lon,
    processes: processes.map((p) => p.slug),
    materials: materials.map((m) => m.slug),
    productCategories: rng.pickSome(t.slugs('product_category'), rng.int(1, 2)),
    sectors: rng.pickSome(t.slugs('sector'), rng.int(1, 2)),
    products: rng.pickSome(t.productNames, rng.int(2, 4)).join(', '),
    machines: rng
      .pickSome(t.slugs('equipment'), rng.int(1, 3))
      .map((type) => ({ type, count: rng.int(1, 6), notes: null })),
    capacity: rng.chance(0.7) ? { amount: rng.int(1, 200) * 50, unit: rng.pick(UNITS) } : null,
    maxPart: rng.chance(0.5) ? rng.pick(MAX_PARTS) : null,
    certifications: rng.pickSome(CERT_TYPES, certCount).map((type) => ({
      type,
      number: `${type.toUpperCase()}-${index}`,
      issuer: 'Lembaga Sertifikasi',
      validUntil: rng.pick(rng.chance(0.25) ? t.expiredDays : t.validDays),
      tkdnPercent: type === 'tkdn' ? rng.int(20, 80) : null,
    })),
    contacts: [
      {
        name: rng.pick(PERSONS),
        role: 'Pemilik',
        phone: `${rng.pick(PHONE_PREFIXES)}${rng.int(10_000_000, 99_999_999)}`,
        email: null,
      },
    ],
    status: rng.pickWeighted(STATUS, STATUS_WEIGHTS),
  };
}

/** 15–30 words: the supplier's own trade words (informal synonyms) amid Zipf-distributed filler. */
function describe(
  rng: Rng,
  t: Tables,
  processes: readonly TermSeed[],
  materials: readonly TermSeed[],
): string {
  const words: string[] = ['Melayani'];
  for (const p of processes) words.push(rng.pick(p.synonymsId));
  words.push('bahan');
  for (const m of materials) words.push(rng.pick(m.synonymsId));
  const target = rng.int(15, 30);
  let count = 0;
  for (const w of words) count += w.split(' ').length;
  for (; count < target; count++) words.push(t.vocabulary[t.zipfWord(rng)] as string);
  return `${words.join(' ')}.`;
}
