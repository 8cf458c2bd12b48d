/**
 * Which island a regency lies on, so a distance across a strait is not mistaken for a drive:
 * Lombok Timur is 35 km from the AMMAN smelter in Sumbawa Barat, but across the Alas strait.
 *
 * Data: curated by hand from the Kemendagri regency codes (as in idn-area-data) and the regencies'
 * geography as published on their Wikipedia pages (December 2026). Archipelagic provinces (NTB,
 * NTT, Maluku, Kepulauan Riau) are listed regency by regency; in the big-island provinces every
 * regency maps to its province's island except the offshore ones listed below. A regency that
 * spans islands (Maluku Tengah: Seram and Ambon) or is an island group maps to null: unknown, so
 * no crossing is claimed. Papua's regencies are left unknown until the post-2022 codes are curated.
 */
const MAINLAND: Record<string, string> = {
  ...Object.fromEntries(['11', '12', '13', '14', '15', '16', '17', '18'].map((p) => [p, 'sumatra'])),
  ...Object.fromEntries(['31', '32', '33', '34', '35', '36'].map((p) => [p, 'java'])),
  ...Object.fromEntries(['61', '62', '63', '64', '65'].map((p) => [p, 'kalimantan'])),
  ...Object.fromEntries(['71', '72', '73', '74', '75', '76'].map((p) => [p, 'sulawesi'])),
  '51': 'bali',
};

/** Regency code → island (null: spans islands or an island group; unknown). */
const REGENCIES: Record<string, string | null> = {
  // Nusa Tenggara Barat
  '52.01': 'lombok',
  '52.02': 'lombok',
  '52.03': 'lombok',
  '52.08': 'lombok',
  '52.71': 'lombok',
  '52.04': 'sumbawa',
  '52.05': 'sumbawa',
  '52.06': 'sumbawa',
  '52.07': 'sumbawa',
  '52.72': 'sumbawa',
  // Nusa Tenggara Timur
  '53.01': 'timor',
  '53.02': 'timor',
  '53.03': 'timor',
  '53.04': 'timor',
  '53.21': 'timor',
  '53.71': 'timor',
  '53.06': 'flores',
  '53.07': 'flores',
  '53.08': 'flores',
  '53.09': 'flores',
  '53.10': 'flores',
  '53.15': 'flores',
  '53.16': 'flores',
  '53.19': 'flores',
  '53.11': 'sumba',
  '53.12': 'sumba',
  '53.17': 'sumba',
  '53.18': 'sumba',
  '53.05': 'alor',
  '53.13': 'lembata',
  '53.14': 'rote',
  '53.20': 'sabu',
  // Maluku
  '81.04': 'buru',
  '81.09': 'buru',
  '81.06': 'seram',
  '81.07': 'seram',
  '81.71': 'ambon',
  '81.02': 'kei',
  '81.72': 'kei',
  '81.05': 'aru',
  '81.01': 'tanimbar',
  '81.03': null,
  '81.08': null,
  // Kepulauan Riau
  '21.71': 'batam',
  '21.02': 'bintan',
  '21.72': 'bintan',
  '21.01': 'karimun',
  '21.03': 'natuna',
  '21.04': 'lingga',
  '21.05': 'anambas',
  // Offshore regencies of the big-island provinces
  '11.09': 'simeulue',
  '11.72': 'weh',
  '12.04': 'nias',
  '12.14': 'nias',
  '12.24': 'nias',
  '12.25': 'nias',
  '12.78': 'nias',
  '13.01': null,
  '14.10': null,
  '31.01': null,
  '35.26': 'madura',
  '35.27': 'madura',
  '35.28': 'madura',
  '35.29': 'madura',
  '71.03': null,
  '71.04': null,
  '71.09': null,
  '72.07': null,
  '72.12': null,
  '73.01': 'selayar',
  '74.07': null,
};

/** The island of a regency, or null when unknown or spanning several. */
export function islandOf(regencyCode: string | null): string | null {
  if (!regencyCode) return null;
  if (regencyCode in REGENCIES) return REGENCIES[regencyCode] ?? null;
  return MAINLAND[regencyCode.slice(0, 2)] ?? null;
}

/** True only when both islands are known and differ: a ferry crossing is needed. */
export function crossesSea(a: string | null, b: string | null): boolean {
  const x = islandOf(a);
  const y = islandOf(b);
  return x !== null && y !== null && x !== y;
}
