/*
 * Pure data: the word lists the demo generator draws from (towns and counts, company name parts,
 * people's names by culture, roles, phone and NIB prefixes, certificate issuers).
 */
import type { ProvinceCode } from './archetypes.js';

/** Suppliers per town: the three provinces roughly equal, heavier around the estates' catchments. */
// biome-ignore format: word lists
export const TOWN_COUNTS: Readonly<Record<string, number>> = {
  mataram: 30, gerung: 12, selong: 14, praya: 12, 'sumbawa-besar': 14, taliwang: 16, dompu: 6, bima: 8,
  subang: 30, majalengka: 12, sumedang: 10, purwakarta: 14, karawang: 16, cikarang: 16, bandung: 14,
  sidoarjo: 30, pasuruan: 12, bangil: 14, probolinggo: 12, kraksaan: 6, surabaya: 14, gresik: 10, mojokerto: 9,
};

// biome-ignore format: word lists
export const NAME_HEADS = ['Sinar', 'Karya', 'Mitra', 'Cahaya', 'Bintang', 'Surya', 'Tunas', 'Sumber', 'Mega', 'Putra', 'Berkah', 'Barokah', 'Harapan', 'Anugerah', 'Rahmat', 'Dua Putra', 'Tiga Saudara', 'Bina', 'Graha', 'Prima', 'Cipta', 'Daya', 'Adi', 'Wira', 'Lancar', 'Amanah', 'Mulia', 'Fajar', 'Global', 'Multi'];
// biome-ignore format: word lists
export const REGIONAL_HEADS: Readonly<Record<ProvinceCode, readonly string[]>> = {
  '52': ['Rinjani', 'Samawa', 'Mbojo', 'Sasak', 'Gemilang', 'Selaparang', 'Tambora', 'Segara Anak', 'Lombok'],
  '32': ['Parahyangan', 'Pasundan', 'Siliwangi', 'Priangan', 'Galuh', 'Tangkuban', 'Sunda'],
  '35': ['Brantas', 'Bromo', 'Arjuna', 'Majapahit', 'Tengger', 'Penanggungan', 'Delta', 'Wilis'],
};
// biome-ignore format: word lists
export const NAME_TAILS = ['Mandiri', 'Jaya', 'Abadi', 'Sejahtera', 'Perkasa', 'Utama', 'Makmur', 'Sentosa', 'Lestari', 'Gemilang', 'Nusantara', 'Sakti', 'Unggul', 'Sukses'];

export type Culture = 'sasak' | 'samawa' | 'sunda' | 'jawa';
// biome-ignore format: word lists
export const CULTURE_OF_TOWN: Readonly<Record<string, Culture>> = {
  mataram: 'sasak', gerung: 'sasak', selong: 'sasak', praya: 'sasak',
  'sumbawa-besar': 'samawa', taliwang: 'samawa', dompu: 'samawa', bima: 'samawa',
};
// biome-ignore format: word lists
export const GIVEN_NAMES: Readonly<Record<Culture, readonly string[]>> = {
  sasak: ['Lalu Ahmad', 'Lalu Muhammad', 'Lalu Satria', 'Baiq Nurul', 'Baiq Aminah', 'Zainul', 'Muhammad Saleh', 'Sahnan', 'Junaidi', 'Hairul', 'Amrullah', 'Suhaimi', 'Mahsun', 'Rohani', 'Hikmah', 'Nurhasanah'],
  samawa: ['Syamsuddin', 'Abdul Haris', 'Muhammad Yasin', 'Arifin', 'Jufri', 'Ikhsan', 'Ruslan', 'Nurdin', 'Ilyas', 'Sukri', 'Nurhayati', 'Siti Maryam', 'Rosmiati', 'Hadijah'],
  sunda: ['Asep', 'Ujang', 'Dadang', 'Cecep', 'Dedi', 'Yayan', 'Tatang', 'Ade', 'Deden', 'Iwan', 'Engkus', 'Yana', 'Euis', 'Neneng', 'Iis', 'Lilis', 'Yuyun', 'Nining'],
  jawa: ['Bambang', 'Slamet', 'Agus', 'Budi', 'Sugeng', 'Joko', 'Heru', 'Eko', 'Wahyu', 'Teguh', 'Imam', 'Mochammad', 'Achmad', 'Sri', 'Siti', 'Endang', 'Wiwik', 'Yuli', 'Lilik', 'Ratna', 'Hendra'],
};
// biome-ignore format: word lists
export const FAMILY_NAMES: Readonly<Record<Culture, readonly string[]>> = {
  sasak: ['Hakim', 'Fathurrahman', 'Hamdi', 'Azhar', 'Ramli', 'Sahabudin', 'Muhsin', 'Rahman', 'Mustiadi'],
  samawa: ['Hasan', 'Idris', 'Abdullah', 'Ishaka', 'Umar', 'Yakub', 'Mansyur', 'Saleh', 'Hamzah'],
  sunda: ['Suryana', 'Hidayat', 'Permana', 'Kurniawan', 'Setiawan', 'Nugraha', 'Gunawan', 'Sopandi', 'Ruhiyat', 'Sutisna', 'Mulyana', 'Hermawan', 'Saepudin'],
  jawa: ['Santoso', 'Purnomo', 'Susanto', 'Hartono', 'Prasetyo', 'Wibowo', 'Setyawan', 'Supriyadi', 'Wahyudi', 'Sholeh', 'Ghozali', 'Mashuri', 'Kusuma', 'Wijaya', 'Halim'],
};
export const ROLES = [
  'Direktur',
  'Manajer Produksi',
  'Kepala Bengkel',
  'Marketing',
  'Admin Penjualan',
  'Manajer QC',
  'Keuangan',
];
// biome-ignore format: word lists
export const PHONE_PREFIXES = ['0811', '0812', '0813', '0821', '0822', '0823', '0852', '0853', '0817', '0818', '0819', '0859', '0877', '0878', '0838', '0831', '0895', '0896', '0897'];
export const NIB_PREFIXES = ['912', '812', '022', '126', '027'];

// biome-ignore format: word lists
export const ISSUERS: Readonly<Record<string, readonly string[]>> = {
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
