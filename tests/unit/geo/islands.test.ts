import { describe, expect, it } from 'vitest';
import { crossesSea, islandOf } from '../../../src/geo/islands.js';

describe('islands', () => {
  it('flags a Lombok Timur supplier for the AMMAN smelter in Sumbawa Barat', () => {
    expect(islandOf('52.03')).toBe('lombok');
    expect(islandOf('52.07')).toBe('sumbawa');
    expect(crossesSea('52.03', '52.07')).toBe(true);
  });

  it('does not flag neighbours on one island, and claims nothing when an island is unknown', () => {
    expect(crossesSea('52.71', '52.01')).toBe(false);
    expect(crossesSea('32.13', '35.15')).toBe(false);
    expect(crossesSea('81.03', '81.71')).toBe(false);
    expect(crossesSea(null, '52.07')).toBe(false);
  });

  it('tells Flores from Timor, Batam from Bintan, Madura from Java', () => {
    expect(crossesSea('53.10', '53.71')).toBe(true);
    expect(crossesSea('21.71', '21.72')).toBe(true);
    expect(crossesSea('35.26', '35.78')).toBe(true);
  });
});
