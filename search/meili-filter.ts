import { certField, dayInt, MAX_TKDN_CERTS } from './documents.js';
import type { FacetName, RelaxParam, SupplierQuery } from './engine.js';

/**
 * A Meilisearch filter string value: double-quoted, with backslashes and double quotes
 * escaped, so no value can close the string and inject filter syntax.
 */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** `attr IN ["a", "b"]`: for array attributes, true when any element is listed (OR within a facet). */
export function inList(attribute: string, values: readonly string[]): string {
  return `${attribute} IN [${values.map(quote).join(', ')}]`;
}

const number = (n: number) => {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  return String(n);
};

/** Certificate types reach the filter as attribute names, so only slugs are accepted. */
function certAttribute(type: string): string {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(type)) throw new Error(`not a certificate slug: ${type}`);
  return `cert_until.${certField(type)}`;
}

/** Any of the types held with a valid-until day of today or later. */
export function certificationFilter(types: readonly string[], today: string): string {
  const day = dayInt(today);
  return `(${types.map((t) => `${certAttribute(t)} >= ${day}`).join(' OR ')})`;
}

/** Some TKDN certificate, valid today, of at least `min` percent. */
export function tkdnFilter(min: number, today: string): string {
  const day = dayInt(today);
  const parts = Array.from(
    { length: MAX_TKDN_CERTS },
    (_, i) => `(tkdn_${i}_pct >= ${number(min)} AND tkdn_${i}_until >= ${day})`,
  );
  return `(${parts.join(' OR ')})`;
}

type Omitted = FacetName | Exclude<RelaxParam, FacetName> | null;

/** Every filter of a query, ANDed; `omit` leaves one out (for its disjunctive facet count). */
export function buildFilter(q: SupplierQuery, omit: Omitted = null): string {
  const f = q.filters;
  const parts: string[] = [inList('status', q.statuses)];
  const lists: [FacetName, string][] = [
    ['processes', 'processes'],
    ['materials', 'materials'],
    ['product_categories', 'product_categories'],
    ['sectors', 'sectors'],
    ['province', 'province_code'],
    ['regency', 'regency_code'],
  ];
  for (const [facet, attribute] of lists) {
    const values = f[facet] as string[];
    if (omit !== facet && values.length) parts.push(inList(attribute, values));
  }
  if (omit !== 'verified' && f.verified.length === 1)
    parts.push(`verified = ${f.verified[0] ? 'true' : 'false'}`);
  if (omit !== 'certifications' && f.certifications.length)
    parts.push(certificationFilter(f.certifications, q.today));
  if (omit !== 'tkdn_min' && q.tkdnMin !== null) parts.push(tkdnFilter(q.tkdnMin, q.today));
  if (omit !== 'employees' && q.employeesMin !== null) parts.push(`employees >= ${number(q.employeesMin)}`);
  if (omit !== 'employees' && q.employeesMax !== null) parts.push(`employees <= ${number(q.employeesMax)}`);
  if (omit !== 'radius_km' && q.point && q.radiusKm !== null)
    parts.push(
      `_geoRadius(${number(q.point.lat)}, ${number(q.point.lon)}, ${number(Math.round(q.radiusKm * 1000))})`,
    );
  return parts.join(' AND ');
}

/** Meilisearch sort for a query. */
export function buildSort(q: SupplierQuery): string[] | undefined {
  switch (q.sort) {
    case 'name':
      return ['name_sort:asc', 'id:asc'];
    case 'recent':
      return ['updated_at:desc', 'id:asc'];
    case 'tkdn':
      return ['tkdn_max:desc', 'name_sort:asc', 'id:asc'];
    case 'distance':
      return q.point
        ? [`_geoPoint(${number(q.point.lat)}, ${number(q.point.lon)}):asc`, 'name_sort:asc']
        : undefined;
    default:
      return q.q.trim() ? undefined : ['verified_rank:desc', 'updated_at:desc', 'id:asc'];
  }
}
