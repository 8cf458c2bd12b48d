import { describe, expect, it } from 'vitest';
import { localLabel } from '../../../src/i18n/label.js';

describe('localLabel', () => {
  it("names a group in the reader's language", () => {
    const g = { key: '52', labelId: 'Nusa Tenggara Barat', labelEn: 'West Nusa Tenggara' };
    expect(localLabel(g, 'id', '—')).toBe('Nusa Tenggara Barat');
    expect(localLabel(g, 'en', '—')).toBe('West Nusa Tenggara');
  });

  it('falls back to the key, then to "none"', () => {
    expect(localLabel({ key: 'cv-x', labelId: null, labelEn: null }, 'en', 'none')).toBe('cv-x');
    expect(localLabel({ key: null, labelId: null, labelEn: null }, 'id', 'tidak ada')).toBe('tidak ada');
  });
});
