import { describe, expect, it } from 'vitest';
import { crossFieldErrors, NeedCreateBody, NeedForm, ResponseForm } from '../../../src/needs/schema.js';
import { canonicalQuery, nextDigestAt } from '../../../src/saved-searches/service.js';

const base = {
  title_id: 'Poros pompa',
  description_id: 'Bubut poros',
  estate: 'smartpolitan-subang',
};

describe('need form', () => {
  it('reads IDR amounts as Indonesians type them, exactly', () => {
    for (const [typed, value] of [
      ['Rp 150.000.000', 150_000_000n],
      ['150 jt', 150_000_000n],
      ['1,2 M', 1_200_000_000n],
      ['Rp1.250.000,-', 1_250_000n],
    ] as const) {
      const r = NeedForm.safeParse({ ...base, target_price_idr: typed });
      expect(r.success && r.data.targetPriceIdr).toBe(value);
    }
    const bad = NeedForm.safeParse({ ...base, target_price_idr: 'seratus' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('v.needs.idr_invalid');
    expect(NeedForm.safeParse({ ...base, target_price_idr: '-5 jt' }).error?.issues[0]?.message).toBe(
      'v.needs.idr_negative',
    );
  });

  it('takes checkbox lists and a lat/lon delivery point', () => {
    const r = NeedForm.safeParse({
      ...base,
      processes: ['turning', 'milling'],
      delivery: 'point',
      estate: 'ignored',
      lat: '-6,5'.replace(',', '.'),
      lon: '107.6',
    });
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({
      processes: ['turning', 'milling'],
      estate: null,
      location: { lat: -6.5, lon: 107.6 },
    });
  });

  it('rejects a point outside Indonesia', () => {
    const r = NeedForm.safeParse({ ...base, delivery: 'point', lat: '52.5', lon: '13.4' });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['lat', 'v.needs.lat'],
      ['lon', 'v.needs.lon'],
    ]);
  });
});

describe('rules across fields', () => {
  const input = (over: Record<string, unknown>) => NeedCreateBody.parse({ ...base, ...over });

  it('asks for a title, a description and exactly one delivery point', () => {
    expect(crossFieldErrors(input({ title_id: null, description_id: '', estate: null }))).toEqual({
      title_id: 'v.needs.title_required',
      description_id: 'v.needs.description_required',
      estate: 'v.needs.delivery_required',
    });
    expect(crossFieldErrors(input({ location: { lat: -6.5, lon: 107.6 } })).estate).toBe(
      'v.needs.one_delivery_point',
    );
  });

  it('pairs quantity with a unit and keeps required certificates out of the preferred ones', () => {
    expect(crossFieldErrors(input({ quantity: 5 })).unit).toBe('v.needs.quantity_unit');
    expect(
      crossFieldErrors(input({ required_certs: ['iso-9001'], preferred_certs: ['iso-9001', 'halal'] }))
        .preferred_certs,
    ).toBe('v.needs.preferred_also_required');
  });

  it('rejects unknown API fields', () => {
    expect(NeedCreateBody.safeParse({ ...base, colour: 'red' }).success).toBe(false);
  });
});

describe('supplier response', () => {
  it('needs a message for interest and a reason for no interest', () => {
    expect(ResponseForm.safeParse({ interested: 'true', message: '' }).success).toBe(false);
    expect(ResponseForm.safeParse({ interested: 'false', reason: '' }).success).toBe(false);
    const ok = ResponseForm.parse({ message: 'Siap', indicative_price_idr: '45 jt' });
    expect(ok).toMatchObject({ interested: true, indicative_price_idr: 45_000_000n });
  });
});

describe('saved searches', () => {
  it('stores the search canonically, without paging', () => {
    expect(canonicalQuery('?q=bubut&processes=turning&processes=milling&page=3&province=32')).toBe(
      'processes=turning%2Cmilling&province=32&q=bubut',
    );
    expect(canonicalQuery('')).toBe('');
    expect(canonicalQuery('radius_km=50')).toBeNull();
  });

  it('digests every morning at 07:00 WIB', () => {
    expect(nextDigestAt(new Date('2026-11-22T03:00:00Z')).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(nextDigestAt(new Date('2026-11-22T23:59:00Z')).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(nextDigestAt(new Date('2026-11-23T00:00:00Z')).toISOString()).toBe('2026-11-24T00:00:00.000Z');
  });
});
