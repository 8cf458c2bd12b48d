import { describe, expect, it } from 'vitest';
import { freePort } from '../../../src/db/embedded.js';

describe('freePort', () => {
  it('never hands out a port to avoid (the app port, bound only after the database is up)', async () => {
    const app = await freePort();
    // The kernel hands a just-freed port out again about once in a thousand asks on loopback,
    // so without the check this fails nearly always.
    const seen = new Set<number>();
    for (let i = 0; i < 10000; i++) seen.add(await freePort([app]));
    expect(seen.has(app)).toBe(false);
    expect(seen.size).toBeGreaterThan(100);
  });
});
