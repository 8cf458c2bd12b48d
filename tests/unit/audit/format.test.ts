import { describe, expect, it } from 'vitest';
import { actionLabel, formatAuditChanges, isNoOp, normaliseChanges } from '../../../src/audit/format.js';
import { translator } from '../../../src/i18n/index.js';

const id = { t: translator('id'), locale: 'id' as const, tz: 'Asia/Makassar' };
const en = { t: translator('en'), locale: 'en' as const, tz: 'Asia/Makassar' };
const term = (kind: string, slug: string) => `${kind}:${slug.toUpperCase()}`;

describe('audit diff formatter', () => {
  it('renders a [before, after] diff with field labels and status labels, in Indonesian', () => {
    const lines = formatAuditChanges('supplier', { status: ['submitted', 'verified'] }, id);
    expect(lines).toEqual([{ field: 'status', label: 'Status', before: 'Diajukan', after: 'Terverifikasi' }]);
  });

  it('switches labels and values to English', () => {
    const [l] = formatAuditChanges(
      'supplier',
      { legalName: ['CV Lama', 'CV Baru'], needsReview: [false, true] },
      en,
    );
    expect(l).toMatchObject({ label: 'Legal name', before: 'CV Lama', after: 'CV Baru' });
    const [, flag] = formatAuditChanges(
      'supplier',
      { legalName: ['a', 'b'], needsReview: [false, true] },
      en,
    );
    expect(flag).toMatchObject({ label: 'Needs review', before: 'No', after: 'Yes' });
  });

  it('formats Rupiah as "Rp 1,2 miliar" and booleans as Ya/Tidak', () => {
    const lines = formatAuditChanges(
      'meeting_outcome',
      { version: 2, side: 'buyer', fields: { valueIdr: [null, '1200000000'], shareNames: [true, false] } },
      id,
    );
    expect(lines).toEqual([
      { field: 'valueIdr', label: 'Nilai', before: '—', after: 'Rp 1,2 miliar' },
      { field: 'shareNames', label: 'Tampilkan nama di laporan', before: 'Ya', after: 'Tidak' },
    ]);
  });

  it('shows instants in the office zone (WITA) and plain dates without shifting the day', () => {
    const [at] = formatAuditChanges('need', { responseDeadline: [null, '2026-03-01T16:30:00.000Z'] }, id);
    expect(at!.after).toContain('2 Maret 2026');
    expect(at!.after).toContain('00.30 WITA');
    const [day] = formatAuditChanges(
      'meeting_outcome',
      { fields: { followUpOn: ['2026-01-31', '2026-02-01'] } },
      en,
    );
    expect(day).toMatchObject({ before: '31 January 2026', after: '1 February 2026' });
  });

  it('names taxonomy slugs with their labels, in lists as well', () => {
    const [l] = formatAuditChanges(
      'supplier',
      { processes: [['turning'], ['turning', 'milling']] },
      { ...id, term },
    );
    expect(l).toMatchObject({
      label: 'Proses',
      before: 'process:TURNING',
      after: 'process:TURNING, process:MILLING',
    });
  });

  it('skips no-op changes: equal values, null against "", reordered lists, numeric text against numbers', () => {
    expect(
      formatAuditChanges(
        'need',
        {
          titleId: ['Poros', 'Poros'],
          descriptionEn: [null, ''],
          processes: [
            ['turning', 'milling'],
            ['milling', 'turning'],
          ],
          minTkdn: ['40.00', 40],
          targetPriceIdr: ['5000000', 5000000],
          estateId: [null, null],
        },
        id,
      ),
    ).toEqual([]);
    expect(isNoOp([], null)).toBe(true);
    expect(isNoOp({ a: 1, b: [2, 3] }, { b: [3, 2], a: 1 })).toBe(true);
    expect(isNoOp('2026-01-01T00:00:00Z', '2026-01-01T00:00:00.000Z')).toBe(true);
    expect(isNoOp('a', 'b')).toBe(false);
  });

  it('keeps a real change next to a no-op one', () => {
    const lines = formatAuditChanges('need', { titleId: ['A', 'A'], quantity: ['10', '12'] }, id);
    expect(lines.map((l) => l.field)).toEqual(['quantity']);
  });

  it('reads { before, after } snapshots and drops unchanged keys', () => {
    const lines = formatAuditChanges(
      'taxonomy_term',
      {
        before: { slug: 'bubut', labelId: 'Bubut', synonymsId: ['turning', 'lathe'], active: true },
        after: { slug: 'bubut', labelId: 'Bubut CNC', synonymsId: ['lathe', 'turning'], active: false },
      },
      id,
    );
    expect(lines).toEqual([
      { field: 'labelId', label: 'Label (Indonesia)', before: 'Bubut', after: 'Bubut CNC' },
      { field: 'active', label: 'Aktif', before: 'Ya', after: 'Tidak' },
    ]);
  });

  it('shows a creation as values only, leaving out empty ones', () => {
    const lines = formatAuditChanges('file', { filename: 'sni.pdf', sizeBytes: 2048, note: null }, en);
    expect(lines).toEqual([
      { field: 'filename', label: 'File name', before: null, after: 'sni.pdf' },
      { field: 'sizeBytes', label: 'Size', before: null, after: '2 KB' },
    ]);
    expect(normaliseChanges({ before: null, after: { a: 'x', b: '' } })).toEqual([
      { field: 'a', after: 'x' },
    ]);
  });

  it('treats a two-element list value of a list field as a value, not as a pair', () => {
    expect(normaliseChanges({ processes: ['turning', 'milling'] }, 'create')).toEqual([
      { field: 'processes', after: ['turning', 'milling'] },
    ]);
    expect(normaliseChanges({ products: [null, 'poros'] }, 'update')).toEqual([
      { field: 'products', before: null, after: 'poros' },
    ]);
  });

  it('humanises a field or action the catalog does not know rather than printing a slug', () => {
    const [l] = formatAuditChanges('supplier', { someNewField: ['a', 'b'] }, en);
    expect(l!.label).toBe('Some new field');
    expect(actionLabel(translator('id'), 'followup', 'move')).toBe('Tindak lanjut · dipindahkan');
    expect(actionLabel(translator('en'), 'mystery_thing', 'poke')).toBe('Mystery thing · Poke');
  });

  it('leaves out outcome context fields (version, side, channel)', () => {
    expect(
      formatAuditChanges('meeting_outcome', { version: 3, side: 'buyer', channel: 'web', fields: {} }, id),
    ).toEqual([]);
  });
});
