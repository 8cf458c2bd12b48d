import { describe, expect, it } from 'vitest';
import { MemoryIndex } from '../../../search/memory/index.js';
import { keptPerVersion } from '../../../search/memory/kept.js';

describe('keptPerVersion', () => {
  it('keeps within its cost, least recently used out, and forgets everything when the index changes', () => {
    const ix = new MemoryIndex([]);
    const kept = keptPerVersion<string>(10);
    kept.set(ix, 'a', 'A', 4);
    kept.set(ix, 'b', 'B', 4);
    expect(kept.get(ix, 'a')).toBe('A'); // a is now the newest
    kept.set(ix, 'c', 'C', 4); // 12 > 10: b goes
    expect(kept.get(ix, 'b')).toBeUndefined();
    expect(kept.get(ix, 'a')).toBe('A');
    expect(kept.get(ix, 'c')).toBe('C');
    kept.set(ix, 'big', 'X', 11); // alone over the budget: not kept, nothing evicted for it
    expect(kept.get(ix, 'big')).toBeUndefined();
    expect(kept.get(ix, 'a')).toBe('A');
    kept.set(ix, 'a', 'A2', 6); // replacing counts the new cost only: 6 + 4
    expect(kept.get(ix, 'a')).toBe('A2');
    expect(kept.get(ix, 'c')).toBe('C');
    ix.version++;
    expect(kept.get(ix, 'a')).toBeUndefined();
    // Another index has its own.
    const other = new MemoryIndex([]);
    kept.set(other, 'a', 'O');
    expect(kept.get(ix, 'a')).toBeUndefined();
    expect(kept.get(other, 'a')).toBe('O');
  });
});
