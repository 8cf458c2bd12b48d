import { describe, expect, it } from 'vitest';
import { DEMO_TODAY, demoSuppliers } from '../../../src/seed/demo-suppliers.js';
import { findTerm, type TermKind } from '../../../src/taxonomy/dictionary.js';
import { loadRegencyCodes } from './regencies.js';

const seeds = demoSuppliers();

function expectTerms(kind: TermKind, slugs: readonly string[], where: string): void {
  for (const slug of slugs) expect(findTerm(kind, slug), `${where}: ${kind} ${slug}`).not.toBeNull();
}

describe('demo suppliers', () => {
  it('come out identical on every call', () => {
    expect(demoSuppliers()).toEqual(seeds);
  });

  it('number at least 300, spread over the three provinces', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(300);
    const perProvince = new Map<string, number>();
    for (const s of seeds) perProvince.set(s.provinceCode, (perProvince.get(s.provinceCode) ?? 0) + 1);
    for (const code of ['32', '35', '52'])
      expect(perProvince.get(code) ?? 0).toBeGreaterThan(seeds.length / 4);
  });

  it('carry unique 13-digit NIBs and unique legal names', () => {
    for (const s of seeds) expect(s.nib).toMatch(/^\d{13}$/);
    expect(new Set(seeds.map((s) => s.nib)).size).toBe(seeds.length);
    expect(new Set(seeds.map((s) => s.legalName)).size).toBe(seeds.length);
  });

  it('refer only to slugs that exist in the dictionary', () => {
    for (const s of seeds) {
      expectTerms('kbli', s.kbli, s.legalName);
      expectTerms('process', s.processes, s.legalName);
      expectTerms('material', s.materials, s.legalName);
      expectTerms('product_category', s.productCategories, s.legalName);
      expectTerms('sector', s.sectors, s.legalName);
      expectTerms(
        'equipment',
        s.machines.map((m) => m.type),
        s.legalName,
      );
      expectTerms(
        'certification',
        s.certifications.map((c) => c.type),
        s.legalName,
      );
      expect(s.processes.length).toBeGreaterThan(0);
      expect(s.materials.length).toBeGreaterThan(0);
      expect(s.kbli.length).toBeGreaterThan(0);
    }
  });

  it('use regency codes from idn-area-data and coordinates inside Indonesia', () => {
    const regencies = loadRegencyCodes();
    for (const s of seeds) {
      expect(regencies.get(s.regencyCode), s.legalName).toBe(s.provinceCode);
      expect(s.lat).toBeGreaterThanOrEqual(-11);
      expect(s.lat).toBeLessThanOrEqual(6);
      expect(s.lon).toBeGreaterThanOrEqual(95);
      expect(s.lon).toBeLessThanOrEqual(141);
    }
  });

  it('hold some expired certificates, and TKDN percentages only on TKDN', () => {
    const certs = seeds.flatMap((s) => s.certifications);
    const expired = certs.filter((c) => c.validUntil < DEMO_TODAY);
    expect(expired.length).toBeGreaterThan(certs.length * 0.1);
    expect(expired.length).toBeLessThan(certs.length * 0.45);
    for (const c of certs) {
      expect(c.validUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (c.type === 'tkdn') {
        expect(c.tkdnPercent).toBeGreaterThanOrEqual(20);
        expect(c.tkdnPercent).toBeLessThanOrEqual(80);
      } else {
        expect(c.tkdnPercent).toBeNull();
      }
    }
  });

  it('read like real IKM profiles', () => {
    for (const s of seeds) {
      expect(s.legalName).toMatch(/^(PT|CV|UD) \S/);
      expect(s.descriptionId.split('. ').length).toBeGreaterThanOrEqual(2);
      expect(s.yearFounded).toBeGreaterThanOrEqual(1980);
      expect(s.yearFounded).toBeLessThanOrEqual(2026);
      expect(s.employees).toBeGreaterThanOrEqual(5);
      expect(s.employees).toBeLessThanOrEqual(300);
      expect(s.contacts.length).toBeGreaterThan(0);
      for (const c of s.contacts) expect(c.phone).toMatch(/^08\d{9,11}$/);
    }
    const english = seeds.filter((s) => s.descriptionEn !== null).length;
    expect(english / seeds.length).toBeGreaterThan(0.2);
    expect(english / seeds.length).toBeLessThan(0.45);
    const verifiedOrSubmitted = seeds.filter((s) => s.status === 'verified' || s.status === 'submitted');
    expect(verifiedOrSubmitted.length / seeds.length).toBeGreaterThan(0.65);
  });
});
