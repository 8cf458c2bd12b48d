export interface RegionRef {
  code: string;
  kind: 'province' | 'regency';
  name: string;
  provinceCode: string | null;
}

export type RegencyMatch =
  | { ok: true; code: string; provinceCode: string; name: string }
  | { ok: false; code: 'regency_unknown' }
  | { ok: false; code: 'regency_ambiguous'; candidates: string[] };

type Kind = 'kabupaten' | 'kota' | null;

// Informal province names used in office spreadsheets, beside the official ones.
// biome-ignore format: one province per line keeps the table reviewable
const PROVINCE_ALIASES: Record<string, string[]> = {
  '11': ['nad', 'nanggroe aceh darussalam'],
  '12': ['sumut'], '13': ['sumbar'], '16': ['sumsel'], '19': ['babel', 'bangka belitung'], '21': ['kepri', 'kep riau'],
  '31': ['dki', 'jakarta'], '32': ['jabar'], '33': ['jateng'], '34': ['diy', 'yogyakarta', 'jogja', 'jogjakarta', 'di yogyakarta'],
  '35': ['jatim'], '51': [], '52': ['ntb'], '53': ['ntt'],
  '61': ['kalbar'], '62': ['kalteng'], '63': ['kalsel'], '64': ['kaltim'], '65': ['kaltara'],
  '71': ['sulut'], '72': ['sulteng'], '73': ['sulsel'], '74': ['sultra'], '76': ['sulbar'], '82': ['malut'],
  '92': ['pabar'], '96': ['pbd'],
};

/** Lower case, no accents or punctuation, single spaces. */
export function normalizePlace(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Splits "Kab. Subang" into the kind the writer stated (if any) and the bare name "subang". */
export function splitRegencyName(text: string): { kind: Kind; bare: string } {
  let s = normalizePlace(text);
  let kind: Kind = null;
  const m = /^(kabupaten|kab|kotamadya|kodya|kota|kot)\b\s*/.exec(s);
  if (m) {
    kind = m[1]!.startsWith('kab') ? 'kabupaten' : 'kota';
    s = s.slice(m[0].length);
  }
  s = s.replace(/^(administrasi|adm)\b\s*/, '');
  return { kind, bare: s };
}

export interface RegionIndex {
  /** Resolves a regency written loosely; the province (code) breaks Kabupaten/Kota ties. */
  regency(text: string, provinceCode?: string | null): RegencyMatch;
  /** Resolves a province written as its name, a common abbreviation or its code. */
  province(text: string): string | null;
  name(code: string): string | null;
}

interface Entry {
  code: string;
  provinceCode: string;
  name: string;
  kind: Kind;
}

/**
 * An in-memory index of the `regions` table (a few hundred rows), so that thousands of
 * rows resolve without a query each: "Kab. Subang", "SUBANG", "kab subang" and "32.13" all
 * name Kabupaten Subang; a bare "Bandung" is ambiguous unless the province settles it.
 */
export function buildRegionIndex(regions: readonly RegionRef[]): RegionIndex {
  const byBare = new Map<string, Entry[]>();
  const byCode = new Map<string, Entry>();
  const provinces = new Map<string, string>();
  const names = new Map<string, string>();
  for (const r of regions) {
    names.set(r.code, r.name);
    if (r.kind === 'province') {
      const n = normalizePlace(r.name);
      provinces.set(n, r.code);
      provinces.set(n.replace(/\s/g, ''), r.code);
      provinces.set(r.code, r.code);
      for (const a of PROVINCE_ALIASES[r.code] ?? []) provinces.set(a, r.code);
      continue;
    }
    const { kind, bare } = splitRegencyName(r.name);
    const e: Entry = { code: r.code, provinceCode: r.provinceCode ?? r.code.slice(0, 2), name: r.name, kind };
    byCode.set(r.code, e);
    for (const key of new Set([bare, bare.replace(/\s/g, '')])) {
      const list = byBare.get(key) ?? [];
      list.push(e);
      byBare.set(key, list);
    }
  }

  const found = (e: Entry): RegencyMatch => ({
    ok: true,
    code: e.code,
    provinceCode: e.provinceCode,
    name: e.name,
  });

  function province(text: string): string | null {
    const n = normalizePlace(text).replace(/^(provinsi|propinsi|prov)\b\s*/, '');
    return provinces.get(n) ?? provinces.get(n.replace(/\s/g, '')) ?? null;
  }

  function regency(text: string, provinceCode: string | null = null): RegencyMatch {
    const code = /^(\d{2})\.?(\d{2})$/.exec(text.trim());
    if (code) {
      const e = byCode.get(`${code[1]}.${code[2]}`);
      return e ? found(e) : { ok: false, code: 'regency_unknown' };
    }
    const { kind, bare } = splitRegencyName(text);
    const full = normalizePlace(text);
    let candidates =
      [bare, bare.replace(/\s/g, ''), full, full.replace(/\s/g, '')]
        .map((k) => byBare.get(k))
        .find((list) => list !== undefined) ?? [];
    if (candidates.length === 0) {
      // "Subang, Jawa Barat": a regency followed by its province.
      const [head, ...rest] = text.split(',');
      if (rest.length && head) {
        const p = province(rest.join(','));
        if (p) return regency(head, p);
      }
      return { ok: false, code: 'regency_unknown' };
    }
    if (kind) {
      const sameKind = candidates.filter((c) => c.kind === kind);
      // "Kota Subang" has no match of its own kind: the name alone is still unambiguous.
      if (sameKind.length) candidates = sameKind;
    }
    if (candidates.length > 1 && provinceCode) {
      const inProvince = candidates.filter((c) => c.provinceCode === provinceCode);
      if (inProvince.length) candidates = inProvince;
    }
    if (candidates.length === 1) return found(candidates[0]!);
    return { ok: false, code: 'regency_ambiguous', candidates: candidates.map((c) => c.name) };
  }

  return { regency, province, name: (code) => names.get(code) ?? null };
}
