import { describe, expect, it } from 'vitest';
import { isEmptyPlan, planCreate, planUpdate } from '../../../src/imports/plan.js';
import type { ContactRow, SupplierRow } from '../../../src/suppliers/repo.js';

const base = planCreate({ legalName: 'CV Sinar', nameNorm: 'sinar' });
const supplier = (over: Partial<SupplierRow> = {}): SupplierRow => ({
  ...base,
  organizationId: '00000000-0000-4000-8000-000000000001',
  status: 'draft',
  statusReason: null,
  verifiedAt: null,
  verifiedBy: null,
  needsReview: false,
  binaanOf: '00000000-0000-4000-8000-000000000002',
  claimedAt: null,
  createdAt: new Date(),
  updatedAt: new Date(),
  processes: ['turning', 'milling'],
  employees: 12,
  ...over,
});
const contact: ContactRow = {
  id: 'c1',
  supplierId: 's',
  name: 'Asep',
  role: null,
  phone: '0812',
  email: null,
  position: 0,
};

describe('planUpdate', () => {
  it('is empty when every provided field already has that value (lists in any order)', () => {
    const p = planUpdate(supplier(), contact, ['sni'], {
      legalName: 'CV Sinar',
      nameNorm: 'sinar',
      employees: 12,
      processes: ['milling', 'turning'],
      contactPhone: '0812',
      certifications: ['sni'],
    });
    expect(isEmptyPlan(p)).toBe(true);
  });

  it('changes only what the row provides', () => {
    const p = planUpdate(supplier({ address: 'Jl. Lama' }), contact, [], { employees: 15 });
    expect(p.write).toEqual({ employees: 15 });
    expect(p.changes).toEqual({ employees: [12, 15] });
  });

  it('adds certificates but never removes them', () => {
    const p = planUpdate(supplier(), null, ['iso-9001'], { certifications: ['sni', 'iso-9001'] });
    expect(p.addCertifications).toEqual(['sni']);
  });

  it('adds a first contact, or updates the fields of the existing one', () => {
    expect(planUpdate(supplier(), null, [], { contactPhone: '0813' }).contactInsert).toEqual({
      name: 'CV Sinar',
      phone: '0813',
      email: null,
    });
    expect(planUpdate(supplier(), contact, [], { contactPhone: '0813' }).contactUpdate).toEqual({
      id: 'c1',
      fields: { phone: '0813' },
    });
  });

  it('sends a verified profile back for review when a material field changes', () => {
    const p = planUpdate(supplier({ status: 'verified' }), null, [], { processes: ['casting'] });
    expect(p.write.needsReview).toBe(true);
    expect(
      planUpdate(supplier({ status: 'verified' }), null, [], { employees: 20 }).write.needsReview,
    ).toBeUndefined();
  });

  it('renames with the normalized name and moves province with the regency', () => {
    const p = planUpdate(supplier({ regencyCode: '32.13', provinceCode: '32' }), null, [], {
      legalName: 'CV Sinar Jaya',
      nameNorm: 'sinar jaya',
      regencyCode: '52.71',
      provinceCode: '52',
    });
    expect(p.write).toMatchObject({
      legalName: 'CV Sinar Jaya',
      nameNorm: 'sinar jaya',
      regencyCode: '52.71',
      provinceCode: '52',
    });
  });
});
