import { findTerm, type TermKind } from '../taxonomy/dictionary.js';
import { ESTATES, type PROVINCES, pointNear, TOWN_STREETS, type Town, townBySlug } from './places.js';
import { createRng, type Rng } from './random.js';

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

interface MachineSpec {
  type: string;
  max: number;
  notes: readonly string[];
}

type ProvinceCode = keyof typeof PROVINCES;

interface Archetype {
  key: string;
  /** Relative frequency per province: where this kind of shop is common. */
  regions: Readonly<Record<ProvinceCode, number>>;
  /** Towns where the trade clusters (weight ×3). */
  hotspots: readonly string[];
  nameWords: readonly string[];
  tradingPrefixes: readonly string[];
  /** Chance of PT and of CV; the rest are UD. */
  legal: readonly [pt: number, cv: number];
  employees: readonly [min: number, max: number];
  kbli: readonly string[];
  /** The first `coreProcesses` are always offered; the rest are drawn. */
  processes: readonly string[];
  coreProcesses: number;
  materials: readonly string[];
  categories: readonly string[];
  sectors: readonly string[];
  products: readonly string[];
  freeProducts: readonly string[];
  machines: readonly MachineSpec[];
  capacity: readonly [unit: string, min: number, max: number] | null;
  maxPart: readonly string[];
  certs: Readonly<Record<string, number>>;
  openersId: readonly string[];
  openersEn: readonly string[];
}

const NOTES_LATHE = [
  'panjang bed 1,5 m',
  'panjang bed 2 m',
  'panjang bed 3 m, swing 600 mm',
  'bekas Taiwan, masih presisi',
  'merk lokal',
];
const NOTES_CNC = [
  'Mazak QT-200',
  'Haas ST-10',
  'Doosan Lynx 220',
  'Okuma bekas Jepang',
  'kontrol Fanuc',
  'kontrol Siemens',
];
const NOTES_VMC = ['meja 1.000 x 500 mm', 'Haas VF-2', 'Brother Speedio', 'kontrol Fanuc 0i'];
const NOTES_WELD = ['inverter 200 A', 'trafo 400 A', 'Lincoln, Miller', 'Rhino, Krisbow', 'termasuk genset'];
const NOTES_FURNACE = [
  'kapasitas 500 kg',
  'kapasitas 1 ton',
  'kapasitas 2 ton',
  'bahan bakar solar',
  'listrik 250 kW',
];
const NOTES_PRESS = ['60 ton', '110 ton', '200 ton', 'Amada', 'Aida bekas Jepang'];
const NOTES_GENERIC = ['kondisi baik', 'baru 2023', 'bekas, sudah overhaul'];

// biome-ignore format: one archetype property per line keeps the table reviewable
const ARCHETYPES: readonly Archetype[] = [
  {
    key: 'cnc-machining',
    regions: { '52': 1, '32': 5, '35': 4 },
    hotspots: ['subang', 'karawang', 'cikarang', 'purwakarta', 'bandung', 'sidoarjo', 'surabaya'],
    nameWords: ['Presisi', 'Teknik', 'Mekanik', 'Machining', 'Engineering', 'Mesin'],
    tradingPrefixes: ['Bengkel CNC', 'Bengkel Presisi', 'Workshop'],
    legal: [0.35, 0.5],
    employees: [8, 90],
    kbli: ['25920', '29300', '28140', '28113'],
    processes: ['cnc-turning', 'cnc-milling', 'turning', 'milling', 'drilling', 'threading', 'surface-grinding', 'wire-cut', 'edm', 'reverse-engineering', 'engineering-design', 'assembly'],
    coreProcesses: 2,
    materials: ['medium-carbon-steel', 'alloy-steel', 'stainless-304', 'aluminium', 'brass', 'nylon', 'tool-steel', 'stainless-316'],
    categories: ['machinery-parts', 'automotive-components', 'tools-and-dies'],
    sectors: ['automotive', 'electronics', 'textile-garment', 'agro-industry', 'halal-food'],
    products: ['machined-parts', 'shaft', 'bushing', 'flange', 'gear', 'jig-and-fixture', 'spare-parts', 'pulley'],
    freeProducts: ['pin', 'nozzle', 'adaptor', 'komponen mesin kemas'],
    machines: [
      { type: 'cnc-lathe', max: 6, notes: NOTES_CNC },
      { type: 'machining-centre', max: 4, notes: NOTES_VMC },
      { type: 'lathe', max: 5, notes: NOTES_LATHE },
      { type: 'milling-machine', max: 3, notes: NOTES_GENERIC },
      { type: 'wire-cut-machine', max: 2, notes: NOTES_GENERIC },
      { type: 'surface-grinder', max: 2, notes: NOTES_GENERIC },
      { type: 'cmm', max: 1, notes: ['Mitutoyo'] },
    ],
    capacity: ['pcs/bulan', 1500, 25000],
    maxPart: ['diameter 300 mm, panjang 600 mm', 'diameter 450 mm, panjang 1.000 mm', 'meja 1.000 x 500 mm', 'diameter 250 mm, panjang 500 mm'],
    certs: { 'iso-9001': 0.35, 'iatf-16949': 0.05, tkdn: 0.1, smk3: 0.08, 'iso-14001': 0.06 },
    openersId: [
      'Bengkel CNC di {town} yang berdiri sejak {year}.',
      'Kami usaha pemesinan presisi di {town}, berdiri tahun {year}.',
      'Workshop bubut CNC dan frais CNC di {town} sejak {year}, mengerjakan part sesuai gambar.',
    ],
    openersEn: ['Precision CNC machining shop in {town}, established in {year}.', 'CNC job shop in {town} working to drawings since {year}.'],
  },
  {
    key: 'machine-shop',
    regions: { '52': 6, '32': 4, '35': 4 },
    hotspots: ['mataram', 'sumbawa-besar', 'selong', 'bima', 'dompu', 'majalengka', 'mojokerto'],
    nameWords: ['Teknik', 'Bubut', 'Mesin', 'Mekanik', 'Motor'],
    tradingPrefixes: ['Bengkel Bubut', 'Bengkel Teknik', 'Bengkel Mesin'],
    legal: [0.05, 0.45],
    employees: [5, 25],
    kbli: ['25920', '33121', '33122'],
    processes: ['turning', 'milling', 'drilling', 'threading', 'keyway-cutting', 'welding', 'shaping', 'repair-overhaul', 'boring', 'gear-cutting', 'hard-chrome-plating'],
    coreProcesses: 2,
    materials: ['carbon-steel', 'medium-carbon-steel', 'cast-iron', 'brass', 'bronze', 'round-bar', 'nylon'],
    categories: ['machinery-parts', 'maintenance-services'],
    sectors: ['agro-industry', 'construction', 'logistics', 'mining-smelter', 'maritime'],
    products: ['shaft', 'bushing', 'pulley', 'sprocket', 'gear', 'nuts-and-bolts', 'spare-parts', 'flange', 'coupling'],
    freeProducts: ['as roda gerobak', 'baut custom', 'dudukan pompa air', 'as kopel'],
    machines: [
      { type: 'lathe', max: 4, notes: NOTES_LATHE },
      { type: 'milling-machine', max: 2, notes: NOTES_GENERIC },
      { type: 'drilling-machine', max: 2, notes: NOTES_GENERIC },
      { type: 'shaping-machine', max: 1, notes: NOTES_GENERIC },
      { type: 'welding-machine', max: 3, notes: NOTES_WELD },
    ],
    capacity: ['pcs/bulan', 200, 3000],
    maxPart: ['diameter 400 mm, panjang 1.500 mm', 'diameter 600 mm, panjang 2 m', 'diameter 300 mm, panjang 1 m'],
    certs: { tkdn: 0.04, 'welder-qualification': 0.08 },
    openersId: [
      'Bengkel bubut di {town}, buka sejak {year}.',
      'Usaha bubut dan frais milik keluarga di {town} sejak {year}.',
      'Bengkel teknik di {town} yang melayani perbaikan mesin pabrik dan pertanian sejak {year}.',
    ],
    openersEn: ['Family-run machine shop in {town} since {year}.', 'General engineering workshop in {town}, founded {year}.'],
  },
  {
    key: 'foundry',
    regions: { '52': 0.3, '32': 1.5, '35': 3 },
    hotspots: ['pasuruan', 'bangil', 'sidoarjo', 'mojokerto', 'bandung'],
    nameWords: ['Logam', 'Cor', 'Metal', 'Foundry', 'Baja'],
    tradingPrefixes: ['Pengecoran Logam', 'Pengecoran', 'Foundry'],
    legal: [0.35, 0.45],
    employees: [12, 120],
    kbli: ['24310', '24320', '25920'],
    processes: ['sand-casting', 'casting', 'pattern-making', 'machining', 'heat-treatment', 'investment-casting', 'centrifugal-casting', 'sandblasting', 'turning', 'painting'],
    coreProcesses: 3,
    materials: ['grey-cast-iron', 'ductile-iron', 'cast-steel', 'manganese-steel', 'cast-aluminium', 'bronze', 'brass', 'scrap-metal'],
    categories: ['foundry-products', 'machinery-parts', 'mining-equipment-parts'],
    sectors: ['mining-smelter', 'agro-industry', 'construction', 'automotive', 'cement-building-materials'],
    products: ['castings', 'impeller', 'pulley', 'bushing', 'bearing-housing', 'pump', 'gear', 'wear-liner'],
    freeProducts: ['tutup manhole', 'grate bar', 'rumah pompa', 'pemberat', 'roda lori tebu'],
    machines: [
      { type: 'induction-furnace', max: 3, notes: NOTES_FURNACE },
      { type: 'cupola', max: 2, notes: NOTES_FURNACE },
      { type: 'lathe', max: 4, notes: NOTES_LATHE },
      { type: 'spectrometer', max: 1, notes: ['uji komposisi tiap tuang'] },
      { type: 'overhead-crane', max: 2, notes: ['5 ton', '10 ton'] },
      { type: 'sandblast-equipment', max: 1, notes: NOTES_GENERIC },
    ],
    capacity: ['ton/bulan', 8, 150],
    maxPart: ['500 kg per tuang', '1.500 kg per tuang', '3 ton per tuang', 'diameter 1.200 mm'],
    certs: { 'iso-9001': 0.3, sni: 0.15, tkdn: 0.15, 'green-industry': 0.06, smk3: 0.1 },
    openersId: [
      'Pengecoran logam di {town} sejak {year}.',
      'Kami pabrik cor besi dan baja di {town}, beroperasi sejak {year}.',
      'Usaha peleburan dan pengecoran logam skala menengah di {town}, berdiri {year}.',
    ],
    openersEn: ['Iron and steel foundry in {town}, operating since {year}.', 'Medium-sized foundry in {town}, founded {year}.'],
  },
  {
    key: 'welding-fabrication',
    regions: { '52': 6, '32': 3, '35': 3 },
    hotspots: ['mataram', 'taliwang', 'gerung', 'praya', 'gresik', 'karawang'],
    nameWords: ['Las', 'Baja', 'Konstruksi', 'Steel', 'Teknik', 'Fabrikasi'],
    tradingPrefixes: ['Bengkel Las', 'Las', 'Bengkel Las dan Fabrikasi'],
    legal: [0.2, 0.5],
    employees: [6, 80],
    kbli: ['25113', '25119', '25120', '33111', '33200', '25111'],
    processes: ['welding', 'fabrication', 'smaw', 'mig-mag', 'tig', 'structural-steel-fabrication', 'plasma-cutting', 'oxy-fuel-cutting', 'bending', 'rolling', 'painting', 'sandblasting', 'piping', 'installation'],
    coreProcesses: 2,
    materials: ['mild-steel', 'steel-plate', 'angle-iron', 'wide-flange', 'hollow-section', 'steel-pipe', 'stainless-304', 'checkered-plate', 'u-channel'],
    categories: ['metal-construction', 'material-handling', 'pressure-equipment'],
    sectors: ['construction', 'mining-smelter', 'logistics', 'energy', 'oil-and-gas', 'agro-industry'],
    products: ['steel-structure', 'frame', 'tank', 'handrail', 'hopper', 'chute', 'grating', 'trolley', 'steel-gate', 'conveyor'],
    freeProducts: ['kanopi', 'tangga monyet', 'platform kerja', 'tiang lampu', 'container office'],
    machines: [
      { type: 'welding-machine', max: 10, notes: NOTES_WELD },
      { type: 'mig-welder', max: 4, notes: NOTES_WELD },
      { type: 'tig-welder', max: 2, notes: NOTES_WELD },
      { type: 'plasma-cutter', max: 1, notes: ['CNC meja 1,5 x 3 m', 'manual'] },
      { type: 'cutting-torch', max: 3, notes: NOTES_GENERIC },
      { type: 'plate-rolling-machine', max: 1, notes: ['plat 8 mm x 2.400 mm'] },
      { type: 'press-brake', max: 1, notes: NOTES_PRESS },
      { type: 'overhead-crane', max: 2, notes: ['5 ton', '10 ton'] },
    ],
    capacity: ['ton/bulan', 10, 250],
    maxPart: ['bentang 24 m', 'tangki 50 m3', 'rangka 6 x 12 m', 'panjang 12 m, berat 5 ton'],
    certs: { 'welder-qualification': 0.35, 'iso-9001': 0.2, smk3: 0.15, tkdn: 0.12, asme: 0.03 },
    openersId: [
      'Bengkel las dan fabrikasi di {town} sejak {year}.',
      'Kami kontraktor fabrikasi baja di {town}, berdiri {year}.',
      'Bengkel las listrik dan las argon di {town}, sudah jalan sejak {year}.',
    ],
    openersEn: ['Welding and steel fabrication workshop in {town}, since {year}.', 'Steel fabricator based in {town}, founded {year}.'],
  },
  {
    key: 'sheet-metal-press',
    regions: { '52': 0.4, '32': 3, '35': 2 },
    hotspots: ['cikarang', 'karawang', 'purwakarta', 'sidoarjo', 'subang'],
    nameWords: ['Metal', 'Logam', 'Press', 'Plat', 'Stamping'],
    tradingPrefixes: ['Workshop Plat', 'Stamping'],
    legal: [0.45, 0.45],
    employees: [15, 150],
    kbli: ['25910', '29300', '25999'],
    processes: ['stamping', 'sheet-metal-work', 'bending', 'shearing', 'punching', 'laser-cutting', 'deep-drawing', 'spot-welding', 'powder-coating', 'tool-and-die-making', 'assembly'],
    coreProcesses: 3,
    materials: ['cold-rolled-sheet', 'galvanized-sheet', 'steel-plate', 'stainless-304', 'aluminium'],
    categories: ['automotive-components', 'electrical-panels', 'metal-furniture'],
    sectors: ['automotive', 'electronics', 'construction', 'logistics'],
    products: ['sheet-metal-parts', 'bracket', 'automotive-parts', 'electrical-panel', 'cable-tray', 'press-die'],
    freeProducts: ['cover mesin', 'komponen rangka jok', 'washer plat', 'klem pipa'],
    machines: [
      { type: 'power-press', max: 12, notes: NOTES_PRESS },
      { type: 'press-brake', max: 3, notes: NOTES_PRESS },
      { type: 'shearing-machine', max: 2, notes: ['plat 6 mm x 3.000 mm', 'plat 4 mm x 2.500 mm'] },
      { type: 'laser-cutter', max: 2, notes: ['fiber 3 kW', 'fiber 6 kW'] },
      { type: 'spot-welder', max: 4, notes: NOTES_GENERIC },
      { type: 'punching-machine', max: 2, notes: NOTES_GENERIC },
    ],
    capacity: ['pcs/bulan', 10000, 250000],
    maxPart: ['plat tebal 6 mm, lebar 3.000 mm', 'plat tebal 3 mm, 1.250 x 2.500 mm', 'tonase press 200 ton'],
    certs: { 'iso-9001': 0.5, 'iatf-16949': 0.1, 'iso-14001': 0.12, tkdn: 0.12, smk3: 0.15 },
    openersId: [
      'Produsen komponen plat dan stamping di {town} sejak {year}.',
      'Kami bergerak di press dan pengerjaan plat di {town}, berdiri {year}.',
    ],
    openersEn: ['Sheet metal and stamping supplier in {town} since {year}.', 'Metal pressing company in {town}, founded {year}.'],
  },
  {
    key: 'surface-treatment',
    regions: { '52': 0.3, '32': 1, '35': 1.5 },
    hotspots: ['sidoarjo', 'gresik', 'bandung', 'surabaya', 'cikarang'],
    nameWords: ['Galvanis', 'Coating', 'Krom', 'Plating'],
    tradingPrefixes: ['Galvanis', 'Krom', 'Sepuh'],
    legal: [0.35, 0.5],
    employees: [8, 90],
    kbli: ['25920'],
    processes: ['hot-dip-galvanizing', 'electroplating', 'chrome-plating', 'hard-chrome-plating', 'nickel-plating', 'zinc-plating', 'pickling-passivation', 'sandblasting', 'polishing', 'powder-coating', 'anodizing'],
    coreProcesses: 1,
    materials: ['carbon-steel', 'zinc', 'steel-plate', 'steel-pipe', 'stainless-steel', 'aluminium'],
    categories: ['surface-treatment-services', 'automotive-components'],
    sectors: ['construction', 'energy', 'automotive', 'mining-smelter', 'electronics'],
    products: ['grating', 'nuts-and-bolts', 'cable-tray', 'hydraulic-cylinder', 'steel-structure'],
    freeProducts: ['tiang PJU', 'tower transmisi', 'pagar BRC', 'rod hidrolik'],
    machines: [
      { type: 'galvanizing-kettle', max: 2, notes: ['bak 7 m', 'bak 12,5 m'] },
      { type: 'plating-line', max: 6, notes: ['rectifier 1.000 A', 'rectifier 3.000 A'] },
      { type: 'sandblast-equipment', max: 2, notes: NOTES_GENERIC },
      { type: 'powder-coating-line', max: 1, notes: NOTES_GENERIC },
      { type: 'overhead-crane', max: 3, notes: ['3 ton', '5 ton'] },
    ],
    capacity: ['ton/bulan', 40, 1200],
    maxPart: ['panjang 12 m (bak 12,5 m)', 'panjang 6,5 m', 'rod diameter 300 mm, panjang 4 m'],
    certs: { 'iso-9001': 0.35, sni: 0.1, 'iso-14001': 0.15, 'green-industry': 0.1, smk3: 0.1 },
    openersId: [
      'Jasa galvanis dan pelapisan logam di {town} sejak {year}.',
      'Kami melayani krom, nikel dan galvanis di {town}, berdiri {year}.',
    ],
    openersEn: ['Galvanizing and plating job shop in {town} since {year}.', 'Metal coating services in {town}, founded {year}.'],
  },
  {
    key: 'heat-treatment',
    regions: { '52': 0.2, '32': 1.2, '35': 0.8 },
    hotspots: ['bandung', 'cikarang', 'sidoarjo', 'surabaya'],
    nameWords: ['Hardening', 'Thermo', 'Metalurgi', 'Teknik'],
    tradingPrefixes: ['Hardening', 'Heat Treatment'],
    legal: [0.4, 0.5],
    employees: [6, 60],
    kbli: ['25920'],
    processes: ['heat-treatment', 'hardening', 'tempering', 'annealing', 'normalizing', 'carburizing', 'induction-hardening', 'nitriding', 'stress-relieving', 'sandblasting'],
    coreProcesses: 3,
    materials: ['alloy-steel', 'tool-steel', 'medium-carbon-steel', 'spring-steel', 'stainless-steel'],
    categories: ['tools-and-dies', 'machinery-parts', 'automotive-components'],
    sectors: ['automotive', 'mining-smelter', 'agro-industry', 'electronics'],
    products: ['gear', 'shaft', 'mould-and-die', 'press-die', 'industrial-blade', 'sprocket'],
    freeProducts: ['pisau mesin pencacah', 'pin bucket', 'dies forming'],
    machines: [
      { type: 'heat-treatment-furnace', max: 4, notes: NOTES_FURNACE },
      { type: 'induction-hardening-machine', max: 2, notes: NOTES_GENERIC },
      { type: 'hardness-tester', max: 2, notes: ['Rockwell', 'Rockwell dan Vickers'] },
    ],
    capacity: ['ton/bulan', 5, 60],
    maxPart: ['diameter 800 mm, panjang 1.500 mm', 'berat 2 ton', 'panjang 3 m'],
    certs: { 'iso-9001': 0.35, 'iso-17025': 0.15, smk3: 0.05 },
    openersId: [
      'Jasa perlakuan panas di {town} sejak {year}.',
      'Kami melayani hardening dan tempering baja perkakas di {town}, berdiri {year}.',
    ],
    openersEn: ['Heat treatment services in {town} since {year}.', 'Commercial heat treater in {town}, founded {year}.'],
  },
  {
    key: 'mining-parts',
    regions: { '52': 4, '32': 0.5, '35': 1.5 },
    hotspots: ['taliwang', 'sumbawa-besar', 'surabaya', 'gresik'],
    nameWords: ['Teknik', 'Mekanika', 'Parts', 'Engineering', 'Baja'],
    tradingPrefixes: ['Bengkel Teknik', 'Workshop'],
    legal: [0.35, 0.5],
    employees: [8, 120],
    kbli: ['33122', '28240', '25920', '33121'],
    processes: ['reconditioning', 'hardfacing', 'turning', 'machining', 'welding', 'repair-overhaul', 'heat-treatment', 'gear-cutting', 'balancing', 'hard-chrome-plating', 'boring', 'casting'],
    coreProcesses: 2,
    materials: ['manganese-steel', 'wear-plate', 'alloy-steel', 'polyurethane', 'rubber', 'carbon-steel', 'cast-steel'],
    categories: ['mining-equipment-parts', 'machinery-parts', 'maintenance-services'],
    sectors: ['mining-smelter', 'energy', 'construction'],
    products: ['bucket-teeth', 'wear-liner', 'pin-bushing', 'conveyor-roller', 'crusher-parts', 'hydraulic-cylinder', 'impeller', 'spare-parts'],
    freeProducts: ['impeller pompa slurry', 'lip bucket', 'skirt rubber konveyor'],
    machines: [
      { type: 'lathe', max: 5, notes: NOTES_LATHE },
      { type: 'welding-machine', max: 8, notes: NOTES_WELD },
      { type: 'cnc-lathe', max: 2, notes: NOTES_CNC },
      { type: 'hydraulic-press', max: 1, notes: ['200 ton', '300 ton'] },
      { type: 'overhead-crane', max: 2, notes: ['10 ton', '20 ton'] },
      { type: 'balancing-machine', max: 1, notes: NOTES_GENERIC },
    ],
    capacity: ['pcs/bulan', 200, 3000],
    maxPart: ['diameter 1.000 mm, panjang 4 m', 'silinder hidrolik panjang 5 m', 'berat 8 ton'],
    certs: { 'iso-9001': 0.3, smk3: 0.25, 'iso-45001': 0.12, 'welder-qualification': 0.3, tkdn: 0.1 },
    openersId: [
      'Workshop rekondisi dan suku cadang alat tambang di {town} sejak {year}.',
      'Kami bengkel pendukung tambang dan smelter di {town}, berdiri {year}.',
      'Bengkel teknik di {town} yang fokus ke perawatan alat berat sejak {year}.',
    ],
    openersEn: ['Mining spare parts and component rebuild workshop in {town} since {year}.', 'Mining and smelter support workshop in {town}, founded {year}.'],
  },
  {
    key: 'food-equipment',
    regions: { '52': 1.5, '32': 1.5, '35': 3 },
    hotspots: ['sidoarjo', 'pasuruan', 'surabaya', 'mataram', 'bandung'],
    nameWords: ['Stainless', 'Inox', 'Mesin', 'Teknik Pangan'],
    tradingPrefixes: ['Stainless', 'Bengkel Stainless', 'Mesin'],
    legal: [0.25, 0.55],
    employees: [5, 60],
    kbli: ['28250', '28191', '25992'],
    processes: ['tig', 'fabrication', 'sheet-metal-work', 'bending', 'polishing', 'pickling-passivation', 'laser-cutting', 'assembly', 'turning', 'engineering-design'],
    coreProcesses: 2,
    materials: ['stainless-304', 'stainless-316', 'stainless-201', 'ptfe', 'nylon', 'stainless-pipe'],
    categories: ['food-processing-equipment', 'packaging'],
    sectors: ['halal-food', 'agro-industry', 'tobacco-products'],
    products: ['food-processing-machine', 'mixer', 'tank', 'stainless-kitchen-equipment', 'conveyor', 'dryer', 'industrial-oven'],
    freeProducts: ['mesin pengemas', 'mesin spinner', 'meja sortir', 'mesin pemarut kelapa'],
    machines: [
      { type: 'tig-welder', max: 6, notes: NOTES_WELD },
      { type: 'press-brake', max: 1, notes: NOTES_PRESS },
      { type: 'shearing-machine', max: 1, notes: NOTES_GENERIC },
      { type: 'plate-rolling-machine', max: 1, notes: NOTES_GENERIC },
      { type: 'lathe', max: 2, notes: NOTES_LATHE },
      { type: 'laser-cutter', max: 1, notes: ['fiber 2 kW'] },
    ],
    capacity: ['unit/bulan', 5, 60],
    maxPart: ['tangki 5.000 liter', 'konveyor panjang 8 m', 'plat 1,5 x 3 m'],
    certs: { 'iso-9001': 0.15, halal: 0.15, tkdn: 0.15, sni: 0.05 },
    openersId: [
      'Pembuat mesin dan peralatan pengolahan makanan dari stainless di {town} sejak {year}.',
      'Kami bengkel stenlis di {town}, berdiri {year}, banyak melayani pabrik makanan dan UMKM pangan.',
    ],
    openersEn: ['Stainless food processing equipment maker in {town} since {year}.', 'Stainless steel workshop in {town} serving food plants, founded {year}.'],
  },
  {
    key: 'blacksmith',
    regions: { '52': 4, '32': 2, '35': 1.5 },
    hotspots: ['selong', 'praya', 'gerung', 'dompu', 'bima', 'sumedang', 'majalengka'],
    nameWords: ['Pande Besi', 'Tempa', 'Besi', 'Tani'],
    tradingPrefixes: ['Pande Besi', 'Tempa'],
    legal: [0.02, 0.3],
    employees: [5, 30],
    kbli: ['25931', '25920'],
    processes: ['hand-forging', 'forging', 'hardening', 'grinding', 'hot-forging', 'tempering', 'welding'],
    coreProcesses: 2,
    materials: ['spring-steel', 'carbon-steel', 'scrap-metal', 'wood'],
    categories: ['agricultural-machinery', 'hand-tools'],
    sectors: ['agro-industry', 'construction'],
    products: ['hoe', 'machete', 'sickle', 'agricultural-hand-tools', 'forgings', 'industrial-blade'],
    freeProducts: ['linggis', 'kapak', 'pisau dapur', 'sekop', 'tajak'],
    machines: [
      { type: 'smithy', max: 4, notes: ['arang kayu', 'arang batok'] },
      { type: 'power-hammer', max: 2, notes: NOTES_GENERIC },
      { type: 'grinding-machine', max: 3, notes: NOTES_GENERIC },
    ],
    capacity: ['pcs/bulan', 300, 4000],
    maxPart: ['panjang 80 cm', 'berat 5 kg'],
    certs: { sni: 0.12, tkdn: 0.05 },
    openersId: [
      'Pande besi turun-temurun di {town}, usaha keluarga sejak {year}.',
      'Kami perajin tempa alat pertanian di {town} sejak {year}.',
    ],
    openersEn: ['Family blacksmiths in {town} since {year}.', 'Forge making farm tools in {town}, founded {year}.'],
  },
  {
    key: 'panel-maker',
    regions: { '52': 0.6, '32': 2, '35': 2 },
    hotspots: ['bandung', 'cikarang', 'surabaya', 'sidoarjo', 'mataram'],
    nameWords: ['Elektrik', 'Panel', 'Elektrindo', 'Power'],
    tradingPrefixes: ['Panel', 'Workshop Panel'],
    legal: [0.4, 0.5],
    employees: [6, 70],
    kbli: ['25999', '33200', '33149'],
    processes: ['sheet-metal-work', 'bending', 'punching', 'shearing', 'powder-coating', 'assembly', 'laser-cutting', 'spot-welding', 'installation'],
    coreProcesses: 2,
    materials: ['cold-rolled-sheet', 'galvanized-sheet', 'stainless-304', 'copper', 'aluminium'],
    categories: ['electrical-panels'],
    sectors: ['energy', 'construction', 'electronics', 'halal-food'],
    products: ['electrical-panel', 'cable-tray', 'bracket', 'sheet-metal-parts'],
    freeProducts: ['panel MDP', 'panel kapasitor', 'box meter outdoor', 'busbar tembaga'],
    machines: [
      { type: 'press-brake', max: 2, notes: NOTES_PRESS },
      { type: 'shearing-machine', max: 1, notes: NOTES_GENERIC },
      { type: 'punching-machine', max: 2, notes: NOTES_GENERIC },
      { type: 'powder-coating-line', max: 1, notes: NOTES_GENERIC },
    ],
    capacity: ['unit/bulan', 20, 300],
    maxPart: ['panel 2.200 x 1.200 x 800 mm', 'plat 2 mm x 2.500 mm'],
    certs: { tkdn: 0.4, 'iso-9001': 0.3, sni: 0.1, smk3: 0.08 },
    openersId: [
      'Pembuat box panel listrik di {town} sejak {year}.',
      'Kami workshop panel dan enclosure listrik di {town}, berdiri {year}.',
    ],
    openersEn: ['Electrical panel enclosure maker in {town} since {year}.', 'Panel building workshop in {town}, founded {year}.'],
  },
  {
    key: 'agri-machinery',
    regions: { '52': 2, '32': 1.5, '35': 2 },
    hotspots: ['praya', 'selong', 'subang', 'majalengka', 'kraksaan', 'probolinggo'],
    nameWords: ['Tani', 'Agro', 'Alsintan', 'Mesin Tani'],
    tradingPrefixes: ['Bengkel Alsintan', 'Mesin Tani'],
    legal: [0.15, 0.55],
    employees: [5, 50],
    kbli: ['28210', '28250', '33122'],
    processes: ['fabrication', 'welding', 'turning', 'assembly', 'bending', 'painting', 'cutting', 'repair-overhaul'],
    coreProcesses: 2,
    materials: ['mild-steel', 'steel-plate', 'angle-iron', 'round-bar', 'hollow-section', 'galvanized-sheet'],
    categories: ['agricultural-machinery', 'food-processing-equipment'],
    sectors: ['agro-industry', 'halal-food', 'tobacco-products'],
    products: ['agricultural-machine', 'thresher', 'chopper', 'dryer', 'pump', 'spare-parts'],
    freeProducts: ['mesin pengupas kopi', 'mesin pemipil jagung', 'mesin penggiling tepung', 'oven tembakau'],
    machines: [
      { type: 'welding-machine', max: 5, notes: NOTES_WELD },
      { type: 'lathe', max: 2, notes: NOTES_LATHE },
      { type: 'drilling-machine', max: 2, notes: NOTES_GENERIC },
      { type: 'plate-rolling-machine', max: 1, notes: NOTES_GENERIC },
    ],
    capacity: ['unit/bulan', 8, 120],
    maxPart: ['rangka 2 x 1,5 m', 'mesin bobot 400 kg'],
    certs: { tkdn: 0.35, sni: 0.15, 'iso-9001': 0.1 },
    openersId: [
      'Produsen alat dan mesin pertanian di {town} sejak {year}.',
      'Kami bengkel alsintan di {town}, melayani kelompok tani dan dinas sejak {year}.',
    ],
    openersEn: ['Agricultural machinery maker in {town} since {year}.', 'Farm machinery workshop in {town}, founded {year}.'],
  },
  {
    key: 'mould-maker',
    regions: { '52': 0.1, '32': 2, '35': 1 },
    hotspots: ['cikarang', 'karawang', 'bandung', 'sidoarjo', 'purwakarta'],
    nameWords: ['Mould', 'Tooling', 'Dies', 'Presisi'],
    tradingPrefixes: ['Tooling', 'Mould Shop'],
    legal: [0.45, 0.5],
    employees: [8, 80],
    kbli: ['25920', '25910'],
    processes: ['tool-and-die-making', 'cnc-milling', 'edm', 'wire-cut', 'surface-grinding', 'engineering-design', 'heat-treatment', 'polishing', 'reverse-engineering'],
    coreProcesses: 2,
    materials: ['tool-steel', 'alloy-steel', 'aluminium', 'medium-carbon-steel'],
    categories: ['tools-and-dies', 'automotive-components'],
    sectors: ['automotive', 'electronics', 'halal-food'],
    products: ['injection-mould', 'press-die', 'die-casting-die', 'jig-and-fixture', 'mould-and-die'],
    freeProducts: ['cetakan blow molding', 'dies progresif', 'gauge pemeriksa'],
    machines: [
      { type: 'machining-centre', max: 4, notes: NOTES_VMC },
      { type: 'edm-machine', max: 3, notes: NOTES_GENERIC },
      { type: 'wire-cut-machine', max: 3, notes: NOTES_GENERIC },
      { type: 'surface-grinder', max: 2, notes: NOTES_GENERIC },
      { type: 'cmm', max: 1, notes: ['Mitutoyo'] },
    ],
    capacity: ['set/bulan', 2, 15],
    maxPart: ['cetakan 800 x 600 mm, 2 ton', 'dies 1.500 x 800 mm'],
    certs: { 'iso-9001': 0.45, 'iatf-16949': 0.05, tkdn: 0.08 },
    openersId: [
      'Pembuat cetakan dan dies di {town} sejak {year}.',
      'Kami tool shop di {town}, berdiri {year}, mengerjakan mould dan dies dari desain sampai trial.',
    ],
    openersEn: ['Mould and die maker in {town} since {year}.', 'Tool shop in {town}, founded {year}, from design to tryout.'],
  },
  {
    key: 'plastic-injection',
    regions: { '52': 0.1, '32': 1.5, '35': 1 },
    hotspots: ['cikarang', 'karawang', 'purwakarta', 'sidoarjo', 'surabaya'],
    nameWords: ['Plastik', 'Plasindo', 'Polimer'],
    tradingPrefixes: ['Plastik'],
    legal: [0.5, 0.45],
    employees: [15, 200],
    kbli: ['29300'],
    processes: ['injection-moulding', 'assembly', 'tool-and-die-making', 'rubber-moulding'],
    coreProcesses: 1,
    materials: ['polypropylene', 'polyethylene', 'hdpe', 'nylon', 'plastic', 'rubber'],
    categories: ['automotive-components', 'packaging'],
    sectors: ['automotive', 'electronics', 'halal-food'],
    products: ['automotive-parts', 'injection-mould'],
    freeProducts: ['komponen plastik interior', 'klip dan grommet', 'krat', 'tutup botol'],
    machines: [
      { type: 'injection-moulding-machine', max: 20, notes: ['80 ton', '150 ton', '350 ton'] },
      { type: 'compressor', max: 2, notes: NOTES_GENERIC },
    ],
    capacity: ['pcs/bulan', 50000, 600000],
    maxPart: ['berat tembak 1,2 kg', 'mesin 350 ton'],
    certs: { 'iso-9001': 0.55, 'iatf-16949': 0.12, halal: 0.3, 'iso-14001': 0.15 },
    openersId: ['Produsen komponen injeksi plastik di {town} sejak {year}.', 'Kami pabrik injeksi plastik di {town}, berdiri {year}.'],
    openersEn: ['Plastic injection moulder in {town} since {year}.'],
  },
  {
    key: 'maintenance',
    regions: { '52': 2, '32': 1.5, '35': 2 },
    hotspots: ['taliwang', 'kraksaan', 'probolinggo', 'gresik', 'karawang', 'mataram'],
    nameWords: ['Teknik', 'Servis', 'Mekanikal', 'Engineering'],
    tradingPrefixes: ['Bengkel Teknik', 'Servis'],
    legal: [0.35, 0.5],
    employees: [6, 90],
    kbli: ['33121', '33122', '33200', '33141', '33111'],
    processes: ['repair-overhaul', 'installation', 'reconditioning', 'balancing', 'welding', 'turning', 'piping', 'calibration', 'ndt'],
    coreProcesses: 2,
    materials: ['carbon-steel', 'stainless-steel', 'steel-pipe', 'bronze', 'rubber'],
    categories: ['maintenance-services', 'machinery-parts'],
    sectors: ['energy', 'agro-industry', 'mining-smelter', 'halal-food', 'cement-building-materials'],
    products: ['pump', 'valve', 'spare-parts', 'heat-exchanger', 'coupling', 'conveyor'],
    freeProducts: ['overhaul gearbox', 'gulung ulang dinamo', 'perbaikan kompresor', 'alignment pompa'],
    machines: [
      { type: 'lathe', max: 3, notes: NOTES_LATHE },
      { type: 'welding-machine', max: 4, notes: NOTES_WELD },
      { type: 'balancing-machine', max: 1, notes: NOTES_GENERIC },
      { type: 'hoist', max: 3, notes: ['chain block 5 ton'] },
      { type: 'generator-set', max: 1, notes: NOTES_GENERIC },
    ],
    capacity: null,
    maxPart: ['pompa 500 kW', 'rotor 3 ton'],
    certs: { smk3: 0.3, 'iso-9001': 0.25, 'iso-45001': 0.12, 'welder-qualification': 0.15, 'iso-17025': 0.05 },
    openersId: [
      'Jasa perawatan dan perbaikan mesin industri di {town} sejak {year}.',
      'Kami kontraktor mekanikal dan maintenance pabrik di {town}, berdiri {year}.',
    ],
    openersEn: ['Industrial maintenance and repair contractor in {town} since {year}.'],
  },
  {
    key: 'marine',
    regions: { '52': 1.5, '32': 0.2, '35': 1 },
    hotspots: ['bima', 'sumbawa-besar', 'gresik', 'probolinggo', 'subang', 'surabaya'],
    nameWords: ['Bahari', 'Marine', 'Samudra', 'Kapal'],
    tradingPrefixes: ['Bengkel Kapal', 'Galangan'],
    legal: [0.25, 0.45],
    employees: [6, 80],
    kbli: ['33159', '24320', '25920'],
    processes: ['welding', 'repair-overhaul', 'casting', 'turning', 'fabrication', 'balancing', 'sandblasting', 'painting'],
    coreProcesses: 2,
    materials: ['steel-plate', 'bronze', 'stainless-316', 'aluminium', 'fibreglass', 'brass'],
    categories: ['marine-equipment', 'maintenance-services'],
    sectors: ['maritime', 'logistics'],
    products: ['propeller', 'marine-fittings', 'shaft', 'bushing', 'pump'],
    freeProducts: ['as propeler', 'kemudi kapal', 'bolder', 'rumah stern tube'],
    machines: [
      { type: 'welding-machine', max: 8, notes: NOTES_WELD },
      { type: 'lathe', max: 3, notes: ['panjang bed 6 m', ...NOTES_LATHE] },
      { type: 'balancing-machine', max: 1, notes: NOTES_GENERIC },
      { type: 'melting-furnace', max: 1, notes: NOTES_FURNACE },
    ],
    capacity: ['pcs/bulan', 10, 80],
    maxPart: ['baling-baling diameter 1,5 m', 'poros panjang 6 m'],
    certs: { 'bki-class': 0.3, 'welder-qualification': 0.25, 'iso-9001': 0.1 },
    openersId: [
      'Bengkel kapal dan pembuat baling-baling di {town} sejak {year}.',
      'Kami melayani perbaikan kapal ikan dan kapal kayu di {town}, berdiri {year}.',
    ],
    openersEn: ['Boat repair and propeller workshop in {town} since {year}.'],
  },
  {
    key: 'tobacco-parts',
    regions: { '52': 0.4, '32': 0.1, '35': 2 },
    hotspots: ['probolinggo', 'kraksaan', 'pasuruan', 'selong'],
    nameWords: ['Teknik', 'Presisi', 'Mekanik'],
    tradingPrefixes: ['Bengkel Presisi', 'Bengkel Teknik'],
    legal: [0.2, 0.6],
    employees: [6, 60],
    kbli: ['28250', '25920', '33122'],
    processes: ['cnc-turning', 'turning', 'milling', 'cylindrical-grinding', 'hardening', 'repair-overhaul', 'fabrication'],
    coreProcesses: 2,
    materials: ['medium-carbon-steel', 'stainless-304', 'alloy-steel', 'tool-steel'],
    categories: ['tobacco-machinery', 'machinery-parts'],
    sectors: ['tobacco-products', 'agro-industry'],
    products: ['tobacco-machine-parts', 'industrial-blade', 'gear', 'shaft', 'spare-parts'],
    freeProducts: ['pisau rajang tembakau', 'roller garniture', 'oven pengering tembakau'],
    machines: [
      { type: 'cnc-lathe', max: 3, notes: NOTES_CNC },
      { type: 'lathe', max: 3, notes: NOTES_LATHE },
      { type: 'cylindrical-grinder', max: 1, notes: NOTES_GENERIC },
      { type: 'milling-machine', max: 2, notes: NOTES_GENERIC },
    ],
    capacity: ['pcs/bulan', 500, 6000],
    maxPart: ['diameter 200 mm, panjang 800 mm', 'pisau panjang 600 mm'],
    certs: { 'iso-9001': 0.2, tkdn: 0.1 },
    openersId: [
      'Bengkel suku cadang mesin rokok di {town} sejak {year}.',
      'Kami membuat part mesin linting dan perajang tembakau di {town}, berdiri {year}.',
    ],
    openersEn: ['Cigarette machinery spare parts workshop in {town} since {year}.'],
  },
];

/** Suppliers per town: the three provinces roughly equal, heavier around the estates' catchments. */
// biome-ignore format: word lists
const TOWN_COUNTS: Readonly<Record<string, number>> = {
  mataram: 30, gerung: 12, selong: 14, praya: 12, 'sumbawa-besar': 14, taliwang: 16, dompu: 6, bima: 8,
  subang: 30, majalengka: 12, sumedang: 10, purwakarta: 14, karawang: 16, cikarang: 16, bandung: 14,
  sidoarjo: 30, pasuruan: 12, bangil: 14, probolinggo: 12, kraksaan: 6, surabaya: 14, gresik: 10, mojokerto: 9,
};

// biome-ignore format: word lists
const NAME_HEADS = ['Sinar', 'Karya', 'Mitra', 'Cahaya', 'Bintang', 'Surya', 'Tunas', 'Sumber', 'Mega', 'Putra', 'Berkah', 'Barokah', 'Harapan', 'Anugerah', 'Rahmat', 'Dua Putra', 'Tiga Saudara', 'Bina', 'Graha', 'Prima', 'Cipta', 'Daya', 'Adi', 'Wira', 'Lancar', 'Amanah', 'Mulia', 'Fajar', 'Global', 'Multi'];
// biome-ignore format: word lists
const REGIONAL_HEADS: Readonly<Record<ProvinceCode, readonly string[]>> = {
  '52': ['Rinjani', 'Samawa', 'Mbojo', 'Sasak', 'Gemilang', 'Selaparang', 'Tambora', 'Segara Anak', 'Lombok'],
  '32': ['Parahyangan', 'Pasundan', 'Siliwangi', 'Priangan', 'Galuh', 'Tangkuban', 'Sunda'],
  '35': ['Brantas', 'Bromo', 'Arjuna', 'Majapahit', 'Tengger', 'Penanggungan', 'Delta', 'Wilis'],
};
// biome-ignore format: word lists
const NAME_TAILS = ['Mandiri', 'Jaya', 'Abadi', 'Sejahtera', 'Perkasa', 'Utama', 'Makmur', 'Sentosa', 'Lestari', 'Gemilang', 'Nusantara', 'Sakti', 'Unggul', 'Sukses'];

type Culture = 'sasak' | 'samawa' | 'sunda' | 'jawa';
// biome-ignore format: word lists
const CULTURE_OF_TOWN: Readonly<Record<string, Culture>> = {
  mataram: 'sasak', gerung: 'sasak', selong: 'sasak', praya: 'sasak',
  'sumbawa-besar': 'samawa', taliwang: 'samawa', dompu: 'samawa', bima: 'samawa',
};
// biome-ignore format: word lists
const GIVEN_NAMES: Readonly<Record<Culture, readonly string[]>> = {
  sasak: ['Lalu Ahmad', 'Lalu Muhammad', 'Lalu Satria', 'Baiq Nurul', 'Baiq Aminah', 'Zainul', 'Muhammad Saleh', 'Sahnan', 'Junaidi', 'Hairul', 'Amrullah', 'Suhaimi', 'Mahsun', 'Rohani', 'Hikmah', 'Nurhasanah'],
  samawa: ['Syamsuddin', 'Abdul Haris', 'Muhammad Yasin', 'Arifin', 'Jufri', 'Ikhsan', 'Ruslan', 'Nurdin', 'Ilyas', 'Sukri', 'Nurhayati', 'Siti Maryam', 'Rosmiati', 'Hadijah'],
  sunda: ['Asep', 'Ujang', 'Dadang', 'Cecep', 'Dedi', 'Yayan', 'Tatang', 'Ade', 'Deden', 'Iwan', 'Engkus', 'Yana', 'Euis', 'Neneng', 'Iis', 'Lilis', 'Yuyun', 'Nining'],
  jawa: ['Bambang', 'Slamet', 'Agus', 'Budi', 'Sugeng', 'Joko', 'Heru', 'Eko', 'Wahyu', 'Teguh', 'Imam', 'Mochammad', 'Achmad', 'Sri', 'Siti', 'Endang', 'Wiwik', 'Yuli', 'Lilik', 'Ratna', 'Hendra'],
};
// biome-ignore format: word lists
const FAMILY_NAMES: Readonly<Record<Culture, readonly string[]>> = {
  sasak: ['Hakim', 'Fathurrahman', 'Hamdi', 'Azhar', 'Ramli', 'Sahabudin', 'Muhsin', 'Rahman', 'Mustiadi'],
  samawa: ['Hasan', 'Idris', 'Abdullah', 'Ishaka', 'Umar', 'Yakub', 'Mansyur', 'Saleh', 'Hamzah'],
  sunda: ['Suryana', 'Hidayat', 'Permana', 'Kurniawan', 'Setiawan', 'Nugraha', 'Gunawan', 'Sopandi', 'Ruhiyat', 'Sutisna', 'Mulyana', 'Hermawan', 'Saepudin'],
  jawa: ['Santoso', 'Purnomo', 'Susanto', 'Hartono', 'Prasetyo', 'Wibowo', 'Setyawan', 'Supriyadi', 'Wahyudi', 'Sholeh', 'Ghozali', 'Mashuri', 'Kusuma', 'Wijaya', 'Halim'],
};
const ROLES = [
  'Direktur',
  'Manajer Produksi',
  'Kepala Bengkel',
  'Marketing',
  'Admin Penjualan',
  'Manajer QC',
  'Keuangan',
];
// biome-ignore format: word lists
const PHONE_PREFIXES = ['0811', '0812', '0813', '0821', '0822', '0823', '0852', '0853', '0817', '0818', '0819', '0859', '0877', '0878', '0838', '0831', '0895', '0896', '0897'];
const NIB_PREFIXES = ['912', '812', '022', '126', '027'];

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

// biome-ignore format: word lists
const ISSUERS: Readonly<Record<string, readonly string[]>> = {
  'iso-9001': ['TÜV NORD Indonesia', 'SUCOFINDO ICS', 'BSI Group Indonesia', 'SGS Indonesia', 'Bureau Veritas Indonesia', 'Mutu Agung Lestari'],
  'iso-14001': ['TÜV NORD Indonesia', 'SUCOFINDO ICS', 'SGS Indonesia', 'Mutu Agung Lestari'],
  'iso-45001': ['TÜV Rheinland Indonesia', 'SUCOFINDO ICS', 'Bureau Veritas Indonesia'],
  'iatf-16949': ['TÜV SÜD Indonesia', 'SGS Indonesia'],
  sni: ['LSPro BBSPJILM', 'LSPro BSPJI Surabaya', 'LSPro B4T Bandung'],
  halal: ['BPJPH'],
  tkdn: ['Kementerian Perindustrian (verifikasi SUCOFINDO)', 'Kementerian Perindustrian (verifikasi Surveyor Indonesia)'],
  smk3: ['Kementerian Ketenagakerjaan'],
  'iso-17025': ['Komite Akreditasi Nasional (KAN)'],
  'green-industry': ['LSIH Kementerian Perindustrian'],
  'welder-qualification': ['LSP Pengelasan (BNSP)', 'Disnakertrans Provinsi'],
  asme: ['ASME'],
  api: ['American Petroleum Institute'],
  'bki-class': ['PT Biro Klasifikasi Indonesia'],
};

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
