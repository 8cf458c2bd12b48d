import { normalizeName } from '../suppliers/normalize.js';
import {
  type Cell,
  checkLatLon,
  cleanEmail,
  cleanNib,
  cleanPhone,
  parseCoordinates,
  parseDecimal,
  parseEmployees,
  parseKbli,
  parseYear,
} from './cells.js';
import type { ImportField, Mapping } from './fields.js';
import type { SheetRow } from './parse.js';
import type { RegionIndex } from './regions.js';
import type { TermMatcher } from './terms.js';

/** Everything a row is checked against, loaded once per preview or import. */
export interface RowContext {
  regions: RegionIndex;
  processes: TermMatcher;
  materials: TermMatcher;
  certifications: TermMatcher;
  kbliExists(code: string): boolean;
  thisYear: number;
}

export interface RowIssue {
  row: number;
  field: ImportField | 'row';
  /** Message key suffix: `imports.e.<code>`. */
  code: string;
  value?: string;
  severity: 'error' | 'warning';
}

/** The supplier data a row provides: only fields that are mapped and non-empty. */
export interface RowValues {
  legalName?: string;
  nameNorm?: string;
  tradingName?: string;
  nib?: string;
  kbli?: string[];
  yearFounded?: number;
  employees?: number;
  descriptionId?: string;
  provinceCode?: string;
  regencyCode?: string;
  address?: string;
  lat?: number;
  lon?: number;
  processes?: string[];
  materials?: string[];
  products?: string;
  certifications?: string[];
  contactName?: string;
  contactPhone?: string;
  contactEmail?: string;
}

export interface CheckedRow {
  row: number;
  values: RowValues;
  issues: RowIssue[];
  ok: boolean;
}

const MAX_LENGTH: Partial<Record<ImportField, number>> = {
  trading_name: 200,
  address: 300,
  products: 2000,
  description: 5000,
  contact_name: 120,
};

/**
 * Checks one spreadsheet row against the mapping. Errors reject the row (bad NIB, unknown or
 * ambiguous regency, missing name, coordinates outside Indonesia, bad employee count);
 * warnings keep it and drop only the doubtful value (a phone that is no phone, unknown words).
 */
export function checkRow(r: SheetRow, mapping: Mapping, ctx: RowContext): CheckedRow {
  const cell: Partial<Record<ImportField, string>> = {};
  mapping.forEach((field, i) => {
    if (!field) return;
    const v = r.cells[i] ?? '';
    if (v !== '') cell[field] = v;
  });
  const v: RowValues = {};
  const issues: RowIssue[] = [];
  const issue = (field: RowIssue['field'], code: string, severity: RowIssue['severity'], value?: string) =>
    issues.push({ row: r.row, field, code, severity, ...(value !== undefined ? { value } : {}) });
  const take = <T>(
    field: ImportField,
    c: Cell<T>,
    severity: RowIssue['severity'] = 'error',
  ): T | undefined => {
    if (c.ok) return c.value;
    issue(field, c.code, severity, cell[field]);
    return undefined;
  };
  const text = (field: ImportField): string | undefined => {
    const s = cell[field];
    const max = MAX_LENGTH[field];
    if (s === undefined || max === undefined || s.length <= max) return s;
    issue(field, 'too_long', 'warning', String(max));
    return s.slice(0, max);
  };

  const name = cell.legal_name;
  if (name === undefined || normalizeName(name) === '') issue('legal_name', 'name_missing', 'error');
  else if (name.length < 2 || name.length > 200) issue('legal_name', 'name_length', 'error', name);
  else {
    v.legalName = name;
    v.nameNorm = normalizeName(name);
  }
  const setText = (field: ImportField, key: 'tradingName' | 'address' | 'products' | 'descriptionId') => {
    const s = text(field);
    if (s !== undefined) v[key] = s;
  };
  setText('trading_name', 'tradingName');
  setText('address', 'address');
  setText('products', 'products');
  setText('description', 'descriptionId');

  if (cell.nib !== undefined) v.nib = take('nib', cleanNib(cell.nib));
  if (cell.employees !== undefined) v.employees = take('employees', parseEmployees(cell.employees));
  if (cell.year_founded !== undefined)
    v.yearFounded = take('year_founded', parseYear(cell.year_founded, ctx.thisYear), 'warning');
  if (cell.kbli !== undefined) {
    const codes = take('kbli', parseKbli(cell.kbli), 'warning');
    const unknown = codes?.filter((c) => !ctx.kbliExists(c)) ?? [];
    if (unknown.length) issue('kbli', 'kbli_unknown', 'warning', unknown.join(', '));
    const known = codes?.filter((c) => ctx.kbliExists(c));
    if (known?.length) v.kbli = known;
  }
  checkPlace(cell, v, ctx, issue);
  checkLocation(cell, v, take, issue);
  for (const [field, key, matcher] of [
    ['processes', 'processes', ctx.processes],
    ['materials', 'materials', ctx.materials],
    ['certifications', 'certifications', ctx.certifications],
  ] as const) {
    const s = cell[field];
    if (s === undefined) continue;
    const m = matcher(s);
    if (m.unknown.length) issue(field, 'terms_unknown', 'warning', m.unknown.join(', '));
    if (m.slugs.length) v[key] = m.slugs;
  }
  const contactName = text('contact_name');
  if (contactName !== undefined) v.contactName = contactName;
  if (cell.contact_phone !== undefined)
    v.contactPhone = take('contact_phone', cleanPhone(cell.contact_phone), 'warning');
  if (cell.contact_email !== undefined)
    v.contactEmail = take('contact_email', cleanEmail(cell.contact_email), 'warning');
  for (const k of Object.keys(v) as (keyof RowValues)[]) if (v[k] === undefined) delete v[k];
  return { row: r.row, values: v, issues, ok: !issues.some((i) => i.severity === 'error') };
}

function checkPlace(
  cell: Partial<Record<ImportField, string>>,
  v: RowValues,
  ctx: RowContext,
  issue: (field: RowIssue['field'], code: string, severity: RowIssue['severity'], value?: string) => void,
) {
  let province: string | null = null;
  if (cell.province !== undefined) {
    province = ctx.regions.province(cell.province);
    if (!province) issue('province', 'province_unknown', 'warning', cell.province);
  }
  if (cell.regency !== undefined) {
    const m = ctx.regions.regency(cell.regency, province);
    if (m.ok) {
      v.regencyCode = m.code;
      v.provinceCode = m.provinceCode;
      if (province && province !== m.provinceCode) issue('province', 'province_mismatch', 'warning', m.name);
    } else if (m.code === 'regency_ambiguous') {
      issue('regency', m.code, 'error', m.candidates.join(', '));
    } else {
      issue('regency', m.code, 'error', cell.regency);
    }
  } else if (province) {
    v.provinceCode = province;
  }
}

function checkLocation(
  cell: Partial<Record<ImportField, string>>,
  v: RowValues,
  take: <T>(field: ImportField, c: Cell<T>) => T | undefined,
  issue: (field: RowIssue['field'], code: string, severity: RowIssue['severity'], value?: string) => void,
) {
  let point: { lat: number; lon: number } | undefined;
  if (cell.coordinates !== undefined) point = take('coordinates', parseCoordinates(cell.coordinates));
  else if (cell.lat !== undefined || cell.lon !== undefined) {
    const lat = cell.lat === undefined ? null : parseDecimal(cell.lat);
    const lon = cell.lon === undefined ? null : parseDecimal(cell.lon);
    const c = checkLatLon(lat, lon);
    if (c.ok) point = c.value;
    else {
      const latBad = lat === null || checkLatLon(lat, 120).ok === false;
      issue(latBad ? 'lat' : 'lon', c.code, 'error', latBad ? (cell.lat ?? '') : (cell.lon ?? ''));
    }
  }
  if (point) {
    v.lat = point.lat;
    v.lon = point.lon;
  }
}
