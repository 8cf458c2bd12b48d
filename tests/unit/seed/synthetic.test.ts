import { describe, expect, it } from 'vitest';
import { DEMO_TODAY, demoSuppliers } from '../../../src/seed/demo-suppliers.js';
import { syntheticSuppliers } from '../../../src/seed/synthetic.js';
import { findTerm } from '../../../src/taxonomy/dictionary.js';

describe('synthetic suppliers', () => {
  it('are deterministic for a given seed and differ across seeds', () => {
    const a = [...syntheticSuppliers(200, 9)];
    const b = [...syntheticSuppliers(200, 9)];
    const c = [...syntheticSuppliers(200, 10)];
    expect(a).toEqual(b);
    expect(a.map((s) => s.descriptionId)).not.toEqual(c.map((s) => s.descriptionId));
  });

  it('give 10,000 unique 13-digit NIBs that never collide with the demo seeds', () => {
    const nibs = new Set<string>();
    for (const s of syntheticSuppliers(10_000)) {
      expect(s.nib).toMatch(/^\d{13}$/);
      nibs.add(s.nib);
    }
    expect(nibs.size).toBe(10_000);
    for (const demo of demoSuppliers()) expect(nibs.has(demo.nib)).toBe(false);
  });

  it('keep the documented shape: 1-3 processes, 1-2 materials, 0-3 certificates, 15-30 words', () => {
    let expired = 0;
    for (const s of syntheticSuppliers(2_000, 5)) {
      expect(s.processes.length).toBeGreaterThanOrEqual(1);
      expect(s.processes.length).toBeLessThanOrEqual(3);
      expect(s.materials.length).toBeGreaterThanOrEqual(1);
      expect(s.materials.length).toBeLessThanOrEqual(2);
      expect(s.certifications.length).toBeLessThanOrEqual(3);
      expect(new Set(s.processes).size).toBe(s.processes.length);
      for (const p of s.processes) expect(findTerm('process', p)).not.toBeNull();
      for (const m of s.materials) expect(findTerm('material', m)).not.toBeNull();
      const words = s.descriptionId.split(' ').length;
      expect(words).toBeGreaterThanOrEqual(15);
      expect(words).toBeLessThanOrEqual(30);
      expired += s.certifications.filter((c) => c.validUntil < DEMO_TODAY).length;
    }
    expect(expired).toBeGreaterThan(0);
  });

  it('produce 20,000 suppliers when asked for 20,000', () => {
    let count = 0;
    for (const _ of syntheticSuppliers(20_000)) count++;
    expect(count).toBe(20_000);
  });
});
