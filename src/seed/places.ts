import type { Rng } from './random.js';

// Regency codes are Kemendagri codes as published in idn-area-data (data/regencies.csv); coordinates
// are approximate town centres for demo data (see shared/DOMAIN.md) and may be edited freely.

export type TimeZone = 'Asia/Jakarta' | 'Asia/Makassar';

export interface Town {
  slug: string;
  name: string;
  /** How an address names the place: the town, plus its regency where the town alone is ambiguous. */
  addressArea: string;
  regencyCode: string;
  provinceCode: string;
  lat: number;
  lon: number;
  timeZone: TimeZone;
}

export interface Estate {
  slug: string;
  name: string;
  regencyCode: string;
  lat: number;
  lon: number;
  descriptionId: string;
  descriptionEn: string;
}

export const PROVINCES = {
  '32': 'Jawa Barat',
  '35': 'Jawa Timur',
  '52': 'Nusa Tenggara Barat',
} as const;

type TownRow = readonly [
  slug: string,
  name: string,
  regencyCode: string,
  lat: number,
  lon: number,
  regency?: string,
];

const TOWN_ROWS: readonly TownRow[] = [
  // Nusa Tenggara Barat
  ['mataram', 'Mataram', '52.71', -8.58, 116.12],
  ['gerung', 'Gerung', '52.01', -8.67, 116.12, 'Lombok Barat'],
  ['selong', 'Selong', '52.03', -8.65, 116.53, 'Lombok Timur'],
  ['praya', 'Praya', '52.02', -8.71, 116.27, 'Lombok Tengah'],
  ['sumbawa-besar', 'Sumbawa Besar', '52.04', -8.49, 117.42],
  ['taliwang', 'Taliwang', '52.07', -8.74, 116.87, 'Sumbawa Barat'],
  ['dompu', 'Dompu', '52.05', -8.54, 118.46],
  ['bima', 'Bima', '52.72', -8.46, 118.73],
  // Jawa Barat
  ['subang', 'Subang', '32.13', -6.57, 107.76],
  ['majalengka', 'Majalengka', '32.10', -6.84, 108.23],
  ['sumedang', 'Sumedang', '32.11', -6.86, 107.92],
  ['purwakarta', 'Purwakarta', '32.14', -6.56, 107.44],
  ['karawang', 'Karawang', '32.15', -6.31, 107.3],
  ['cikarang', 'Cikarang', '32.16', -6.3, 107.15, 'Bekasi'],
  ['bandung', 'Bandung', '32.73', -6.91, 107.61],
  // Jawa Timur
  ['sidoarjo', 'Sidoarjo', '35.15', -7.45, 112.72],
  ['pasuruan', 'Pasuruan', '35.75', -7.65, 112.91],
  ['bangil', 'Bangil', '35.14', -7.6, 112.8, 'Pasuruan'],
  ['probolinggo', 'Probolinggo', '35.74', -7.75, 113.22],
  ['kraksaan', 'Kraksaan', '35.13', -7.76, 113.4, 'Probolinggo'],
  ['surabaya', 'Surabaya', '35.78', -7.26, 112.75],
  ['gresik', 'Gresik', '35.25', -7.16, 112.65],
  ['mojokerto', 'Mojokerto', '35.76', -7.47, 112.43],
];

export const TOWNS: readonly Town[] = TOWN_ROWS.map(([slug, name, regencyCode, lat, lon, regency]) => {
  const provinceCode = regencyCode.slice(0, 2);
  return {
    slug,
    name,
    addressArea: regency ? `${name}, ${regency}` : name,
    regencyCode,
    provinceCode,
    lat,
    lon,
    timeZone: provinceCode === '52' ? 'Asia/Makassar' : 'Asia/Jakarta',
  };
});

/** Looks a town up by slug; seeds refer to towns by slug so that editing a name does not break them. */
export function townBySlug(slug: string): Town {
  const town = TOWNS.find((t) => t.slug === slug);
  if (!town) throw new Error(`unknown town ${slug}`);
  return town;
}

export const ESTATES: readonly Estate[] = [
  {
    slug: 'smartpolitan-subang',
    name: 'Smartpolitan Subang',
    regencyCode: '32.13',
    lat: -6.46,
    lon: 107.63,
    descriptionId:
      'Kawasan industri terpadu berstatus Proyek Strategis Nasional di Kabupaten Subang. Enam pabrik besar sedang dibangun di bidang otomotif, tekstil dan garmen, penunjang teknologi, serta logistik, dan membutuhkan pemasok logam dan mesin dari Subang, Majalengka dan Sumedang.',
    descriptionEn:
      'Integrated industrial estate in Subang regency with National Strategic Project status. Six large factories are under construction in automotive, textile and garment, technology support and logistics, and they need metal and machinery suppliers from Subang, Majalengka and Sumedang.',
  },
  {
    slug: 'amman-smelter-sumbawa-barat',
    name: 'Kawasan Industri Smelter AMMAN, Sumbawa Barat',
    regencyCode: '52.07',
    lat: -8.87,
    lon: 116.76,
    descriptionId:
      'Kawasan di sekitar smelter tembaga PT AMMAN di Benete, Maluk, yang dikembangkan bersama Disperin NTB dan Kemenperin agar industri turunan smelter tumbuh dan IKM lokal ikut memasok kebutuhan perawatan, suku cadang dan fabrikasi.',
    descriptionEn:
      "Area around PT AMMAN's copper smelter at Benete, Maluk, developed with Disperin NTB and the Ministry of Industry so that downstream industries grow and local IKM supply maintenance, spare parts and fabrication.",
  },
  {
    slug: 'kih-safe-and-lock-sidoarjo',
    name: 'Kawasan Industri Halal Safe and Lock',
    regencyCode: '35.15',
    lat: -7.5,
    lon: 112.7,
    descriptionId:
      'Kawasan industri halal pertama di Indonesia seluas 148 ha di dalam kawasan terpadu 410 ha di Sidoarjo. Penyewa industri makanan dan minuman halal membutuhkan peralatan stainless, perawatan mesin dan kemasan dari IKM sekitar.',
    descriptionEn:
      "Indonesia's first halal industrial estate, 148 ha within a 410 ha integrated estate in Sidoarjo. Halal food and beverage tenants need stainless equipment, machine maintenance and packaging from nearby IKM.",
  },
  {
    slug: 'kiht-probolinggo',
    name: 'Kawasan Industri Hasil Tembakau (KIHT) Probolinggo',
    regencyCode: '35.13',
    lat: -7.8,
    lon: 113.3,
    descriptionId:
      'Kawasan industri hasil tembakau yang dipercepat oleh Pemerintah Kabupaten Probolinggo dan Kemenperin. Pabrik rokok di dalamnya membutuhkan suku cadang mesin, perawatan dan fabrikasi dari bengkel di Probolinggo dan Pasuruan.',
    descriptionEn:
      'Tobacco-products industrial estate accelerated by Probolinggo regency and the Ministry of Industry. Its cigarette plants need machine spare parts, maintenance and fabrication from workshops in Probolinggo and Pasuruan.',
  },
  {
    slug: 'patimban-subang',
    name: 'Kawasan Pelabuhan Patimban',
    regencyCode: '32.13',
    lat: -6.24,
    lon: 107.9,
    descriptionId:
      'Kawasan pelabuhan Patimban di pantai utara Subang, pintu ekspor kendaraan dan logistik bagi kawasan industri di Jawa Barat bagian timur.',
    descriptionEn:
      'Patimban port area on the north coast of Subang, the vehicle export and logistics gateway for the industrial estates of eastern West Java.',
  },
];

/**
 * Main road names per town, so demo addresses read like the ones IKM write on their forms; house numbers
 * and businesses are invented.
 */
// biome-ignore format: one town per line
export const TOWN_STREETS: Readonly<Record<string, readonly string[]>> = {
  mataram: ['Jl. Pejanggik', 'Jl. Majapahit', 'Jl. Sriwijaya', 'Jl. Bung Karno', 'Jl. Airlangga', 'Jl. Adi Sucipto', 'Jl. Dr. Sujono', 'Jl. Saleh Sungkar', 'Jl. Gajah Mada', 'Jl. Panca Usaha'],
  gerung: ['Jl. Soekarno-Hatta', 'Jl. Raya Lembar', 'Jl. Raya Kediri', 'Jl. TGH Lopan', 'Jl. Raya Narmada', 'Jl. Raya Labuapi'],
  selong: ['Jl. TGKH Zainuddin Abdul Madjid', 'Jl. Raya Masbagik', 'Jl. Raya Labuhan Haji', 'Jl. Pahlawan', 'Jl. Raya Aikmel', 'Jl. Raya Pringgabaya'],
  praya: ['Jl. Raya Praya-Mataram', 'Jl. Basuki Rahmat', 'Jl. Raya Kopang', 'Jl. Raya Batujai', 'Jl. Bypass BIL', 'Jl. Raya Puyung'],
  'sumbawa-besar': ['Jl. Garuda', 'Jl. Hasanuddin', 'Jl. Diponegoro', 'Jl. Lintas Sumbawa', 'Jl. Sultan Kaharuddin', 'Jl. Raya Labuhan Badas'],
  taliwang: ['Jl. Bung Karno', 'Jl. Raya Maluk', 'Jl. Raya Benete', 'Jl. Raya Sekongkang', 'Jl. Lintas Jereweh', 'Jl. Raya Seteluk'],
  dompu: ['Jl. Soekarno-Hatta', 'Jl. Lintas Sumbawa', 'Jl. Sonokling', 'Jl. Beringin', 'Jl. Raya Dompu-Bima'],
  bima: ['Jl. Soekarno-Hatta', 'Jl. Gajah Mada', 'Jl. Sultan Salahuddin', 'Jl. Sudirman', 'Jl. Datuk Dibanta', 'Jl. Lintas Bima-Tente'],
  subang: ['Jl. Raya Pagaden', 'Jl. Otto Iskandardinata', 'Jl. Letjen Suprapto', 'Jl. Raya Kalijati', 'Jl. Raya Cibogo', 'Jl. Arief Rahman Hakim', 'Jl. Raya Pamanukan', 'Jl. Raya Purwadadi', 'Jl. Raya Cijambe', 'Jl. Raya Jalancagak'],
  majalengka: ['Jl. KH Abdul Halim', 'Jl. Raya Kadipaten', 'Jl. Raya Cigasong', 'Jl. Raya Jatiwangi', 'Jl. Pemuda', 'Jl. Raya Dawuan'],
  sumedang: ['Jl. Prabu Geusan Ulun', 'Jl. Mayor Abdurahman', 'Jl. Raya Tanjungsari', 'Jl. Raya Jatinangor', 'Jl. Raya Sumedang-Cirebon', 'Jl. Raya Cimalaka'],
  purwakarta: ['Jl. Ipik Gandamanah', 'Jl. Veteran', 'Jl. Raya Sadang', 'Jl. Raya Bungursari', 'Jl. Raya Plered', 'Jl. Raya Campaka'],
  karawang: ['Jl. Tuparev', 'Jl. Raya Klari', 'Jl. Interchange Karawang Barat', 'Jl. Raya Cikampek', 'Jl. Kertabumi', 'Jl. Raya Telukjambe'],
  cikarang: ['Jl. Raya Industri', 'Jl. Raya Cikarang-Cibarusah', 'Jl. Jababeka Raya', 'Jl. Raya Lemahabang', 'Jl. Kasuari', 'Jl. Raya Serang-Cibarusah'],
  bandung: ['Jl. Soekarno-Hatta', 'Jl. Kiaracondong', 'Jl. Moh. Toha', 'Jl. Cigondewah', 'Jl. Leuwi Panjang', 'Jl. Jend. Sudirman', 'Jl. Terusan Buah Batu', 'Jl. Rajawali Barat'],
  sidoarjo: ['Jl. Raya Waru', 'Jl. Raya Buduran', 'Jl. Raya Candi', 'Jl. Raya Porong', 'Jl. Raya Taman', 'Jl. Raya Tulangan', 'Jl. Raya Ngingas', 'Jl. Raya Krian', 'Jl. Berbek Industri', 'Jl. Raya Gedangan'],
  pasuruan: ['Jl. Soekarno-Hatta', 'Jl. Panglima Sudirman', 'Jl. Hayam Wuruk', 'Jl. Veteran', 'Jl. Sultan Agung', 'Jl. Raya Bugul Kidul'],
  bangil: ['Jl. Raya Bangil', 'Jl. Raya Rembang', 'Jl. Raya Beji', 'Jl. Raya Gempol', 'Jl. Raya Pandaan', 'Jl. Raya Kraton'],
  probolinggo: ['Jl. Panglima Sudirman', 'Jl. Soekarno-Hatta', 'Jl. Raya Bromo', 'Jl. Brantas', 'Jl. Ketapang', 'Jl. Mastrip'],
  kraksaan: ['Jl. Panglima Sudirman', 'Jl. Raya Paiton', 'Jl. Raya Pajarakan', 'Jl. Raya Besuk', 'Jl. Raya Gending'],
  surabaya: ['Jl. Rungkut Industri', 'Jl. Margomulyo', 'Jl. Kenjeran', 'Jl. Tambak Osowilangun', 'Jl. Kalianak', 'Jl. Demak', 'Jl. Greges', 'Jl. Kapasan'],
  gresik: ['Jl. Raya Manyar', 'Jl. Dr. Wahidin Sudirohusodo', 'Jl. Raya Kebomas', 'Jl. Raya Cerme', 'Jl. Raya Driyorejo', 'Jl. Veteran'],
  mojokerto: ['Jl. Raya Jabon', 'Jl. Mojopahit', 'Jl. Empunala', 'Jl. Gajah Mada', 'Jl. Raya Surodinawan', 'Jl. Brawijaya'],
};

/** Sides of coastal towns where the sea starts within a few kilometres of the centre. */
const SEA_SIDES: Readonly<Record<string, string>> = {
  mataram: 'W',
  gerung: 'W',
  selong: 'E',
  taliwang: 'W',
  'sumbawa-besar': 'N',
  bima: 'NW',
  pasuruan: 'N',
  bangil: 'N',
  probolinggo: 'N',
  kraksaan: 'N',
  surabaya: 'NE',
  gresik: 'NE',
  sidoarjo: 'E',
};

/**
 * Spreads suppliers within about 12 km of the town centre, denser towards the middle like real towns,
 * mirrored away from the sea on coastal towns so that pins land on land.
 */
export function pointNear(rng: Rng, town: Town): { lat: number; lon: number } {
  const km = rng.next() * 12;
  const angle = rng.next() * 2 * Math.PI;
  const sea = SEA_SIDES[town.slug] ?? '';
  let north = km * Math.sin(angle);
  let east = km * Math.cos(angle);
  if ((sea.includes('N') && north > 0) || (sea.includes('S') && north < 0)) north = -north;
  if ((sea.includes('E') && east > 0) || (sea.includes('W') && east < 0)) east = -east;
  const lat = town.lat + north / 111;
  const lon = town.lon + east / (111 * Math.cos((town.lat * Math.PI) / 180));
  return { lat: Math.round(lat * 1e5) / 1e5, lon: Math.round(lon * 1e5) / 1e5 };
}
