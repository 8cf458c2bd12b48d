import { describe, expect, it } from 'vitest';
import { ESTATES, pointNear, TOWN_STREETS, TOWNS, townBySlug } from '../../../src/seed/places.js';
import { createRng } from '../../../src/seed/random.js';
import { loadRegencyCodes } from './regencies.js';

const regencies = loadRegencyCodes();

describe('places', () => {
  it('uses regency codes that exist in idn-area-data, under the right province', () => {
    for (const town of TOWNS) {
      expect(regencies.get(town.regencyCode), town.name).toBe(town.provinceCode);
    }
    for (const estate of ESTATES) expect(regencies.has(estate.regencyCode), estate.slug).toBe(true);
  });

  it('places the towns and estates named in DOMAIN.md in their regencies', () => {
    expect(townBySlug('subang').regencyCode).toBe('32.13');
    expect(townBySlug('taliwang').regencyCode).toBe('52.07');
    expect(townBySlug('sidoarjo').regencyCode).toBe('35.15');
    const slugs = ESTATES.map((e) => e.slug);
    expect(slugs).toEqual(
      expect.arrayContaining([
        'smartpolitan-subang',
        'amman-smelter-sumbawa-barat',
        'kih-safe-and-lock-sidoarjo',
        'kiht-probolinggo',
        'patimban-subang',
      ]),
    );
    const smartpolitan = ESTATES.find((e) => e.slug === 'smartpolitan-subang');
    expect([smartpolitan?.lat, smartpolitan?.lon]).toEqual([-6.46, 107.63]);
  });

  it('covers the three provinces, with time zones to match', () => {
    const provinces = new Set(TOWNS.map((t) => t.provinceCode));
    expect([...provinces].sort()).toEqual(['32', '35', '52']);
    for (const t of TOWNS)
      expect(t.timeZone).toBe(t.provinceCode === '52' ? 'Asia/Makassar' : 'Asia/Jakarta');
  });

  it('has street names for every town', () => {
    for (const t of TOWNS) expect(TOWN_STREETS[t.slug]?.length, t.slug).toBeGreaterThan(3);
  });

  it('scatters points within about 15 km of the town centre', () => {
    const rng = createRng(3);
    for (const town of TOWNS) {
      for (let i = 0; i < 50; i++) {
        const p = pointNear(rng, town);
        const km = Math.hypot(
          (p.lat - town.lat) * 111,
          (p.lon - town.lon) * 111 * Math.cos((town.lat * Math.PI) / 180),
        );
        expect(km).toBeLessThanOrEqual(15);
      }
    }
  });
});
