import { describe, expect, it } from 'vitest';
import { emptyQuery } from '../../../search/engine.js';
import {
  buildFilter,
  buildSort,
  certificationFilter,
  inList,
  quote,
  tkdnFilter,
} from '../../../search/meili-filter.js';

const q = (over: Parameters<typeof emptyQuery>[0] = {}) => emptyQuery({ today: '2026-11-22', ...over });

describe('quote', () => {
  it('wraps a value in double quotes', () => {
    expect(quote('turning')).toBe('"turning"');
  });

  it('escapes double quotes and backslashes so a value cannot close the string', () => {
    expect(quote('say "hi"')).toBe('"say \\"hi\\""');
    expect(quote('C:\\dir')).toBe('"C:\\\\dir"');
    expect(quote('end\\')).toBe('"end\\\\"');
    expect(quote('\\"')).toBe('"\\\\\\""');
  });

  it('keeps an injection attempt inside one string literal', () => {
    const hostile = 'x" OR status = "draft';
    const out = quote(hostile);
    expect(out).toBe('"x\\" OR status = \\"draft"');
    // Unescaping the literal gives back exactly the input: nothing leaked out of the quotes.
    expect(JSON.parse(out)).toBe(hostile);
  });
});

describe('buildFilter', () => {
  it('limits to the visible statuses when nothing else is asked', () => {
    expect(buildFilter(q({ statuses: ['verified'] }))).toBe('status IN ["verified"]');
  });

  it('ORs within a facet and ANDs across facets', () => {
    const query = q();
    query.filters.processes = ['turning', 'milling'];
    query.filters.province = ['32'];
    expect(buildFilter(query)).toBe(
      'status IN ["verified", "submitted"] AND processes IN ["turning", "milling"] AND province_code IN ["32"]',
    );
  });

  it('leaves out one facet for its disjunctive count', () => {
    const query = q();
    query.filters.processes = ['turning'];
    query.filters.materials = ['brass'];
    expect(buildFilter(query, 'processes')).toBe(
      'status IN ["verified", "submitted"] AND materials IN ["brass"]',
    );
  });

  it('judges certificates and TKDN against today', () => {
    expect(certificationFilter(['iso-9001', 'sni'], '2026-11-22')).toBe(
      '(cert_until.iso_9001 >= 20261122 OR cert_until.sni >= 20261122)',
    );
    expect(tkdnFilter(40, '2026-11-22')).toContain('(tkdn_0_pct >= 40 AND tkdn_0_until >= 20261122)');
    expect(() => certificationFilter(['x" OR 1'], '2026-11-22')).toThrow();
  });

  it('adds geography, employees and verification', () => {
    const query = q({ point: { lat: -6.46, lon: 107.63 }, radiusKm: 60, employeesMin: 5, employeesMax: 50 });
    query.filters.verified = [true];
    expect(buildFilter(query)).toBe(
      'status IN ["verified", "submitted"] AND verified = true AND employees >= 5 AND employees <= 50 AND _geoRadius(-6.46, 107.63, 60000)',
    );
  });
});

describe('buildSort', () => {
  it('sorts by distance from the point, and by name', () => {
    expect(buildSort(q({ sort: 'distance', point: { lat: -6.46, lon: 107.63 } }))).toEqual([
      '_geoPoint(-6.46, 107.63):asc',
      'name_sort:asc',
    ]);
    expect(buildSort(q({ sort: 'name' }))).toEqual(['name_sort:asc', 'id:asc']);
    expect(buildSort(q({ q: 'bubut' }))).toBeUndefined();
  });
});

describe('inList', () => {
  it('quotes every value', () => {
    expect(inList('regency_code', ['32.13', 'a"b'])).toBe('regency_code IN ["32.13", "a\\"b"]');
  });
});
