import { describe, expect, it } from 'vitest';
import { KBLI, KBLI_2020 } from '../../../src/taxonomy/data/kbli-2020.js';
import { findTerm } from '../../../src/taxonomy/dictionary.js';

function countByDivision(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of KBLI_2020) {
    const division = t.slug.slice(0, 2);
    counts[division] = (counts[division] ?? 0) + 1;
  }
  return counts;
}

describe('KBLI 2020 for the metal and machine divisions', () => {
  it('lists every five-digit class of divisions 24, 25, 28, 29 and 33', () => {
    expect(countByDivision()).toEqual({ '24': 11, '25': 22, '28': 35, '29': 4, '33': 17 });
    expect(KBLI_2020).toHaveLength(89);
  });

  it('keeps each code once, in order, with both titles', () => {
    const codes = KBLI_2020.map((t) => t.slug);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(codes);
    for (const t of KBLI_2020) {
      expect(t.slug).toMatch(/^(24|25|28|29|33)\d{3}$/);
      expect(t.labelId.length, t.slug).toBeGreaterThan(5);
      expect(t.labelEn.length, t.slug).toBeGreaterThan(5);
      expect(t.labelEn, t.slug).not.toBe(t.labelId);
    }
  });

  it('knows the official titles of well-known classes', () => {
    expect(findTerm('kbli', '24101')?.labelId).toBe('Industri Besi dan Baja Dasar (Iron and Steel Making)');
    expect(findTerm('kbli', '25111')?.labelId).toBe(
      'Industri Barang dari Logam Bukan Aluminium Siap Pasang untuk Bangunan',
    );
    expect(findTerm('kbli', '28221')?.labelId).toBe(
      'Industri Mesin dan Perkakas Mesin untuk Pengerjaan Logam',
    );
    expect(findTerm('kbli', '28221')?.labelEn).toMatch(/machine tools/i);
    expect(findTerm('kbli', '29300')?.labelId).toBe(
      'Industri Suku Cadang dan Aksesori Kendaraan Bermotor Roda Empat atau Lebih',
    );
    expect(findTerm('kbli', '33121')?.labelId).toBe('Reparasi Mesin untuk Keperluan Umum');
    expect(findTerm('kbli', '33121')?.labelEn).toBe('Repair of general-purpose machinery');
  });

  it('accepts 28220, the machine-tool code on newer NIBs, without counting it as a 2020 class', () => {
    const term = findTerm('kbli', '28220');
    expect(term?.labelId).toMatch(/^Industri Mesin dan Perkakas Mesin/);
    expect(term?.labelEn).toMatch(/machine tools/i);
    expect(KBLI_2020.some((t) => t.slug === '28220')).toBe(false);
    expect(KBLI.some((t) => t.slug === '28220')).toBe(true);
  });

  it('lets a pasted code find its class', () => {
    for (const t of KBLI) expect(t.synonymsId, t.slug).toContain(t.slug);
  });
});
