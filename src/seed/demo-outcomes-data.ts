/**
 * The three past demo events of the outcomes demo, after the situations in the seed articles:
 * the NTB × East Java trade mission (Surabaya), BBSPJILM's metal and machine forum for Subang,
 * Majalengka and Sumedang IKM at Smartpolitan, and a smelter supplier day in Sumbawa Barat.
 */

export interface DemoBuyer {
  org: string;
  /** Representatives; `user` marks the demo buyer login's own seat. */
  reps: { name: string; user?: string }[];
  products: readonly string[];
  /** Typical deal value range in millions of rupiah, and MoU range. */
  dealJuta: readonly [number, number];
  mouJuta: readonly [number, number];
}

export interface DemoEventSpec {
  key: string;
  name: string;
  venue: string;
  timezone: 'Asia/Jakarta' | 'Asia/Makassar';
  daysAgo: number;
  windows: { start: string; end: string }[];
  slotMinutes: number;
  tables: number;
  organizer: string;
  estate: string;
  buyers: DemoBuyer[];
  /** Verified suppliers drawn per province; the demo IKM login's organisation can be forced in. */
  suppliers: { province: string; count: number; sectors: readonly string[] }[];
  includeDemoSupplier: boolean;
  /** Requests per supplier (each to a different buyer representative). */
  requestsPerSupplier: number;
}

const SMELTER_PRODUCTS = [
  'Liner dan suku cadang ball mill (cor baja mangan)',
  'Jasa bubut poros dan bushing pompa slurry',
  'Fabrikasi chute dan hopper baja',
  'Perbaikan dan rekondisi pompa slurry',
  'Pengelasan dan fabrikasi pipa baja karbon',
  'Rangka conveyor dan roller idler',
] as const;

export const DEMO_OUTCOME_EVENTS: DemoEventSpec[] = [
  {
    key: 'ntb-jatim',
    name: 'Misi Dagang dan Temu Usaha IKM NTB × Jawa Timur (demo)',
    venue: 'Grand City Convention and Exhibition, Surabaya',
    timezone: 'Asia/Jakarta',
    daysAgo: 150,
    windows: [
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '15:00' },
    ],
    slotMinutes: 20,
    tables: 8,
    organizer: 'Dinas Perindustrian Provinsi NTB',
    estate: 'kih-safe-and-lock-sidoarjo',
    buyers: [
      {
        org: 'PT Pangan Halal Sidoarjo (demo)',
        reps: [{ name: 'Dewi Kusumawati' }, { name: 'Arif Rahman Hakim' }, { name: 'Siti Maemunah' }],
        products: [
          'Fabrikasi tangki stainless food grade',
          'Conveyor stainless untuk lini pengemasan',
          'Suku cadang mesin pengemas (bubut CNC)',
          'Perawatan mesin pengolahan',
        ],
        dealJuta: [25, 750],
        mouJuta: [400, 3000],
      },
      {
        org: 'PT Smelter Tembaga Sumbawa (demo)',
        reps: [{ name: 'Lalu Muhammad Zaini' }, { name: 'I Made Wirawan' }],
        products: SMELTER_PRODUCTS,
        dealJuta: [75, 2500],
        mouJuta: [1000, 8000],
      },
    ],
    suppliers: [
      {
        province: '52',
        count: 14,
        sectors: ['mining-smelter', 'construction', 'agro-industry', 'halal-food'],
      },
      {
        province: '35',
        count: 12,
        sectors: ['halal-food', 'agro-industry', 'mining-smelter', 'construction'],
      },
    ],
    includeDemoSupplier: false,
    requestsPerSupplier: 2,
  },
  {
    key: 'subang',
    name: 'Forum Temu Bisnis IKM Logam dan Mesin Subang (demo)',
    venue: 'Gedung Serbaguna Smartpolitan, Subang',
    timezone: 'Asia/Jakarta',
    daysAgo: 95,
    windows: [
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '16:00' },
    ],
    slotMinutes: 20,
    tables: 10,
    organizer: 'BBSPJILM Bandung',
    estate: 'smartpolitan-subang',
    buyers: [
      {
        org: 'PT Otoparts Smartpolitan (demo)',
        reps: [
          { name: 'Hendra Wijaya', user: 'pembeli@pasok.test' },
          { name: 'Yuliana Sari' },
          { name: 'Fajar Nugraha' },
        ],
        products: [
          'Bracket dan komponen press baja SPCC',
          'Komponen bubut CNC presisi',
          'Jig dan fixture las',
          'Mur baut khusus',
        ],
        dealJuta: [50, 1500],
        mouJuta: [500, 5000],
      },
      {
        org: 'PT Teknologi Pendukung Otomotif Smartpolitan (demo)',
        reps: [{ name: 'Rina Marlina' }, { name: 'Dadang Suherman' }],
        products: ['Cetakan (mould) dan dies', 'Komponen frais CNC', 'Perlakuan panas komponen'],
        dealJuta: [40, 1200],
        mouJuta: [400, 4000],
      },
      {
        org: 'PT Tekstil Garmen Subang (demo)',
        reps: [{ name: 'Nining Kurniasih' }],
        products: ['Suku cadang mesin jahit dan rajut', 'Perawatan mesin tenun'],
        dealJuta: [15, 300],
        mouJuta: [200, 900],
      },
      {
        org: 'PT Logistik Patimban (demo)',
        reps: [{ name: 'Asep Sunandar' }],
        products: ['Fabrikasi rak dan palet baja', 'Perbaikan chassis dan kontainer'],
        dealJuta: [30, 800],
        mouJuta: [300, 2500],
      },
    ],
    suppliers: [
      {
        province: '32',
        count: 29,
        sectors: ['automotive', 'electronics', 'construction', 'logistics', 'textile-garment'],
      },
    ],
    includeDemoSupplier: true,
    requestsPerSupplier: 2,
  },
  {
    key: 'smelter',
    name: 'Hari Pemasok Smelter Sumbawa Barat (demo)',
    venue: 'Graha Fitrah, Taliwang',
    timezone: 'Asia/Makassar',
    daysAgo: 45,
    windows: [
      { start: '08:30', end: '12:00' },
      { start: '13:30', end: '15:30' },
    ],
    slotMinutes: 30,
    tables: 6,
    organizer: 'Dinas Perindustrian Provinsi NTB',
    estate: 'amman-smelter-sumbawa-barat',
    buyers: [
      {
        org: 'PT Smelter Tembaga Sumbawa (demo)',
        reps: [
          { name: 'Lalu Muhammad Zaini' },
          { name: 'Baiq Nurhayati' },
          { name: 'Gede Ariawan' },
          { name: 'Muhammad Iqbal' },
        ],
        products: SMELTER_PRODUCTS,
        dealJuta: [50, 2000],
        mouJuta: [750, 6000],
      },
    ],
    suppliers: [
      { province: '52', count: 28, sectors: ['mining-smelter', 'construction', 'energy', 'logistics'] },
      { province: '35', count: 4, sectors: ['mining-smelter'] },
    ],
    includeDemoSupplier: false,
    requestsPerSupplier: 1,
  },
];

export const VOLUMES = [
  '200 pcs/bulan',
  '12 unit',
  '3 ton/bulan',
  'kontrak 1 tahun',
  '50 set',
  'sesuai PO bulanan',
] as const;

export const NEXT_STEPS = [
  'Kirim penawaran harga dan gambar kerja',
  'Kunjungan pabrik dan uji sampel',
  'Uji coba pesanan kecil (trial order)',
  'Lengkapi sertifikat SNI / TKDN sebelum PO',
  'Negosiasi termin pembayaran',
] as const;
