import { describe, expect, it } from 'vitest';
import { findCycles, listSources } from './imports.js';

describe('import graph', () => {
  it('has no import cycles under src/ and search/, type-only imports included', () => {
    const cycles = findCycles([...listSources('src'), ...listSources('search')]);
    expect(cycles.map((cycle) => cycle.join(' -> '))).toEqual([]);
  });

  it('finds a cycle when one exists', () => {
    const cycles = findCycles([
      'tests/unit/architecture/fixtures/cycle-a.ts',
      'tests/unit/architecture/fixtures/cycle-b.ts',
    ]);
    expect(cycles).toHaveLength(1);
  });
});
