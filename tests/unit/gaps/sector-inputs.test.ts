import { describe, expect, it } from 'vitest';
import { SECTOR_INPUTS } from '../../../src/gaps/sector-inputs.js';
import { findTerm } from '../../../src/taxonomy/dictionary.js';

describe('curated sector inputs', () => {
  it('name only sectors, capabilities, materials and certificates the taxonomy knows', () => {
    const unknown: string[] = [];
    for (const [sector, inputs] of Object.entries(SECTOR_INPUTS)) {
      if (!findTerm('sector', sector)) unknown.push(`sector:${sector}`);
      for (const i of inputs) {
        if (!findTerm(i.kind, i.slug)) unknown.push(`${i.kind}:${i.slug}`);
        for (const m of i.materials) if (!findTerm('material', m)) unknown.push(`material:${m}`);
        for (const c of i.certs) if (!findTerm('certification', c)) unknown.push(`certification:${c}`);
      }
    }
    expect(unknown).toEqual([]);
  });
});
