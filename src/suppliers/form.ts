export const SECTIONS = ['identity', 'location', 'capabilities', 'certifications', 'contacts'] as const;
export type Section = (typeof SECTIONS)[number];

type Raw = Record<string, unknown>;

const str = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '');
const list = (v: unknown) =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' && v !== '' ? [v] : [];
const orNull = (v: string) => (v.trim() === '' ? null : v);

/** Collects indexed rows (`certifications.0.type`, …), skipping rows left entirely blank. */
function rows(raw: Raw, prefix: string, fields: string[]): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (let i = 0; i < 50; i++) {
    const row = Object.fromEntries(fields.map((f) => [f, str(raw[`${prefix}.${i}.${f}`]).trim()]));
    if (fields.every((f) => !(`${prefix}.${i}.${f}` in raw))) continue;
    if (Object.entries(row).every(([k, v]) => k === 'id' || v === '')) continue;
    out.push(row);
  }
  return out;
}

/**
 * Maps one section of the HTML edit form to the same body the API takes, so forms and
 * API share one validation and one service path. Empty optional inputs become null.
 */
export function sectionToBody(section: Section, raw: Raw): Record<string, unknown> {
  switch (section) {
    case 'identity':
      return {
        legal_name: str(raw.legal_name),
        trading_name: orNull(str(raw.trading_name)),
        nib: str(raw.nib),
        kbli: list(raw.kbli),
        year_founded: orNull(str(raw.year_founded)),
        employees: orNull(str(raw.employees)),
        description_id: str(raw.description_id),
        description_en: str(raw.description_en),
      };
    case 'location':
      return {
        regency_code: str(raw.regency_code),
        ...(str(raw.province_code) ? { province_code: str(raw.province_code) } : {}),
        address: str(raw.address),
        location: { lat: str(raw.lat), lon: str(raw.lon) },
      };
    case 'capabilities': {
      const amount = str(raw.capacity_amount).trim();
      return {
        processes: list(raw.processes),
        materials: list(raw.materials),
        product_categories: list(raw.product_categories),
        sectors: list(raw.sectors),
        products: str(raw.products),
        max_part: str(raw.max_part),
        capacity: amount === '' ? null : { amount, unit: str(raw.capacity_unit) },
        machines: rows(raw, 'machines', ['type', 'count', 'notes']),
      };
    }
    case 'certifications':
      return {
        certifications: rows(raw, 'certifications', [
          'id',
          'type',
          'number',
          'issuer',
          'valid_until',
          'tkdn_percent',
        ]).map((c) => ({
          ...(c.id ? { id: c.id } : {}),
          type: c.type,
          number: c.number,
          issuer: c.issuer,
          valid_until: c.valid_until === '' ? null : c.valid_until,
          tkdn_percent: c.tkdn_percent === '' ? null : c.tkdn_percent,
        })),
      };
    case 'contacts':
      return {
        contacts: rows(raw, 'contacts', ['name', 'role', 'phone', 'email']).map((c) => ({
          name: c.name,
          role: c.role,
          phone: c.phone === '' ? null : c.phone,
          email: c.email === '' ? null : c.email,
        })),
      };
  }
}
