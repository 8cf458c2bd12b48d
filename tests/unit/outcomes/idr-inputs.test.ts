import { describe, expect, it } from 'vitest';
import { formatIdr, formatIdrCompact, parseIdr } from '../../../src/i18n/format.js';
import { valuesFromVersion } from '../../../src/outcomes/form-values.js';
import type { VersionRow } from '../../../src/outcomes/repo.js';
import { OutcomeBody, OutcomeForm } from '../../../src/outcomes/schema.js';

/**
 * Deal values as people type them into the outcome form and the API, in Indonesian and English
 * habits, and as the reports show them. The parser itself is covered in tests/unit/i18n; here
 * it is the outcome paths that must agree with it.
 */

const form = (value_idr: string) => OutcomeForm.safeParse({ status: 'deal', value_idr });
const body = (value_idr: unknown) => OutcomeBody.safeParse({ status: 'deal', value_idr });

describe('deal values typed into the outcome form', () => {
  it.each([
    ['1.250.000.000', 1_250_000_000n],
    ['Rp 1.250.000.000,-', 1_250_000_000n],
    ['1,25 M', 1_250_000_000n],
    ['1,25 miliar', 1_250_000_000n],
    ['750 jt', 750_000_000n],
    ['750 rb', 750_000n],
    ['2 triliun', 2_000_000_000_000n],
  ])('reads the Indonesian "%s"', (input, expected) => {
    const r = form(input);
    expect(r.success && r.data.valueIdr).toBe(expected);
  });

  it.each([
    ['1,250,000,000', 1_250_000_000n],
    ['IDR 1,250,000,000', 1_250_000_000n],
    ['1.25 billion', 1_250_000_000n],
    ['1.25 bn', 1_250_000_000n],
    ['750 million', 750_000_000n],
    ['12k', 12_000n],
  ])('reads the English "%s"', (input, expected) => {
    const r = form(input);
    expect(r.success && r.data.valueIdr).toBe(expected);
  });

  it.each([
    ['-5.000', 'v.outcomes.idr_negative'],
    ['1,2345678 jt', 'v.outcomes.idr_fraction'],
    ['satu miliar', 'v.outcomes.idr_invalid'],
    ['1.2.3,4,5', 'v.outcomes.idr_invalid'],
    ['2000000 triliun', 'v.outcomes.idr_too_large'],
  ])('refuses "%s" with a message the form can show', (input, key) => {
    const r = form(input);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]).toMatchObject({ path: ['value_idr'], message: key });
  });

  it('leaves an empty value empty rather than zero', () => {
    const r = form('  ');
    expect(r.success && r.data.valueIdr).toBeNull();
  });
});

describe('deal values in the API', () => {
  it('takes whole JSON numbers and the same texts as the form', () => {
    expect(body(1_250_000_000).data?.valueIdr).toBe(1_250_000_000n);
    expect(body('1,25 M').data?.valueIdr).toBe(1_250_000_000n);
    expect(body('1.25 billion').data?.valueIdr).toBe(1_250_000_000n);
    expect(body(null).data?.valueIdr).toBeNull();
    expect(OutcomeBody.parse({ status: 'pending' }).valueIdr).toBeNull();
  });

  it('keeps amounts beyond 2^53 exact when sent as text', () => {
    expect(body('9.007.199.254.740.993').data?.valueIdr).toBe(9_007_199_254_740_993n);
  });

  it('refuses fractions, negatives and unsafe numbers', () => {
    expect(body(1.5).error!.issues[0]!.message).toBe('v.outcomes.idr_fraction');
    expect(body(-1).error!.issues[0]!.message).toBe('v.outcomes.idr_negative');
    expect(body(2 ** 60).success).toBe(false);
    expect(body(true).error!.issues[0]!.message).toBe('v.invalid');
  });
});

describe('values shown back', () => {
  const version = (valueIdr: string) =>
    ({ status: 'deal', valueIdr, shareNames: false }) as unknown as VersionRow;

  it("prefills the form in the reader's format, which parses back to the same amount", () => {
    for (const locale of ['id', 'en'] as const) {
      const shown = valuesFromVersion(version('1250000000'), locale).value_idr!;
      expect(shown).toBe(locale === 'id' ? '1.250.000.000' : '1,250,000,000');
      expect(parseIdr(shown)).toEqual({ ok: true, value: 1_250_000_000n });
    }
  });

  it('writes report totals compactly in both languages', () => {
    expect(formatIdrCompact(12_400_000_000n, 'id')).toBe('Rp 12,4 miliar');
    expect(formatIdrCompact(12_400_000_000n, 'en')).toBe('IDR 12.4 billion');
    expect(formatIdr(862_500_000n, 'id')).toBe('Rp 862.500.000');
  });
});
