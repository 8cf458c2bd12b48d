import { describe, expect, it } from 'vitest';
import { type DocumentSource, documentToHit, toDocument } from '../../../search/documents.js';
import type { Taxonomy } from '../../../src/taxonomy/service.js';

const tax: Taxonomy = {
  terms: [],
  has: (kind, slug) => ['process:turning', 'material:brass'].includes(`${kind}:${slug}`),
  label: (_kind, slug, locale) => `${slug}-${locale}`,
  ofKind: () => [],
};

const source: DocumentSource = {
  supplierId: 'a1',
  searchable: true,
  deleted: false,
  status: 'verified',
  verified: true,
  name: 'CV Uji',
  tradingName: null,
  nameNorm: 'uji',
  provinceCode: '32',
  regencyCode: '32.13',
  processes: ['turning'],
  materials: ['brass'],
  productCategories: [],
  sectors: [],
  employees: 5,
  lat: -6.5,
  lon: 107.7,
  updatedMs: '1700000000000',
  certTypes: ['iso-9001', 'iso-9001', 'tkdn'],
  certUntil: ['2025-01-01', '2027-01-01', '2026-12-01'],
  tkdnPercent: [40],
  tkdnUntil: ['2026-12-01'],
  products: 'poros',
  descriptionId: 'Bubut',
  descriptionEn: null,
  machineTypes: [],
};

describe('Meilisearch documents', () => {
  it('carries labels in both languages and the latest expiry per certificate type', () => {
    const d = toDocument(source, tax, '2026-11-22');
    expect(d.capabilities).toEqual(['turning-id', 'turning-en', 'brass-id', 'brass-en']);
    expect(d.cert_until).toEqual({ iso_9001: 20270101, tkdn: 20261201 });
    expect(d._geo).toEqual({ lat: -6.5, lng: 107.7 });
    expect(d.tkdn_0_pct).toBe(40);
    expect(d.tkdn_1_pct).toBeNull();
  });

  it('judges validity when read, not when indexed', () => {
    const d = toDocument(source, tax, '2026-11-22');
    expect(documentToHit(d, '2026-11-22', null)).toMatchObject({
      certifications: ['iso-9001', 'tkdn'],
      tkdnMax: 40,
    });
    expect(documentToHit(d, '2026-12-02', null)).toMatchObject({
      certifications: ['iso-9001'],
      tkdnMax: null,
    });
    expect(documentToHit(d, '2026-11-22', { lat: -6.5, lon: 107.7 }).distanceKm).toBe(0);
  });
});
