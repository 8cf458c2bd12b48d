import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.js';
import { describe as describeFact, renderReasons } from '../../src/matching/reasons.js';
import { explainMatch, type MatchableNeed, rankNeed } from '../../src/matching/service.js';
import type { SupplierSeed } from '../../src/seed/demo-suppliers.js';
import { loadSupplierSeeds } from '../../src/seed/load.js';
import { MatchList } from '../../views/matching/MatchList.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

/** The AMMAN smelter estate (Sumbawa Barat, 52.07), as seeded in src/seed/places.ts. */
const AMMAN = { lat: -8.87, lon: 116.76 };
const TODAY = '2026-11-22';
let t: TestApp;
const ids: Record<'lombok' | 'sumbawa', string> = { lombok: '', sumbawa: '' };

const supplier = (over: Partial<SupplierSeed> & Pick<SupplierSeed, 'legalName' | 'nib'>): SupplierSeed => ({
  tradingName: null,
  kbli: [],
  yearFounded: 2012,
  employees: 20,
  descriptionId: 'Fabrikasi dan las baja karbon.',
  descriptionEn: null,
  regencyCode: '52.07',
  provinceCode: '52',
  address: 'Jl. Uji No. 1',
  lat: -8.6,
  lon: 116.95,
  processes: ['welding'],
  materials: ['carbon-steel'],
  productCategories: [],
  sectors: [],
  products: '',
  machines: [],
  capacity: null,
  maxPart: null,
  certifications: [],
  contacts: [],
  status: 'verified',
  ...over,
});

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(`${TODAY}T03:00:00Z`) });
  await loadSupplierSeeds(t.db.sql, [
    // Selong, Lombok Timur: 35 km from the smelter, across the Alas strait.
    supplier({
      legalName: 'CV Las Selong',
      nib: '9300000000001',
      regencyCode: '52.03',
      lat: -8.65,
      lon: 116.53,
    }),
    // Sumbawa Barat, on the smelter's island, a little farther in a straight line (37 km).
    supplier({ legalName: 'CV Las Sumbawa', nib: '9300000000002' }),
  ]);
  const rows = await t.db.sql<{ id: string; legalName: string }[]>`
    select organization_id as id, legal_name from suppliers where nib in ('9300000000001', '9300000000002')`;
  for (const r of rows) ids[r.legalName === 'CV Las Selong' ? 'lombok' : 'sumbawa'] = r.id;
});
afterAll(() => t.close());

const need: MatchableNeed = {
  criteria: {
    processes: ['welding'],
    materials: [],
    requiredCerts: [],
    preferredCerts: [],
    minTkdn: null,
    quantity: null,
    unit: null,
    frequency: null,
    point: AMMAN,
    placeName: 'Kawasan Industri Smelter AMMAN, Sumbawa Barat',
    pointRegency: '52.07',
    maxDistanceKm: null,
  },
  texts: [],
};
const opts = { statuses: ['verified'] as const, today: TODAY };

describe('a sea crossing between supplier and delivery point', () => {
  it('ranks the same-island supplier above an equal one across the strait, though it is farther', async () => {
    const list = await rankNeed({ sql: t.db.sql }, need, { ...opts, limit: 10 });
    const [first, second] = list.matches;
    expect([first?.supplierId, second?.supplierId]).toEqual([ids.sumbawa, ids.lombok]);
    expect(second!.distanceKm!).toBeLessThan(first!.distanceKm!);
    expect(second!.score).toBeLessThan(first!.score);
    expect([first!.crossesSea, second!.crossesSea]).toEqual([false, true]);
  });

  it('is flagged on the match card in both languages', async () => {
    const list = await rankNeed({ sql: t.db.sql }, need, { ...opts, limit: 10 });
    for (const [locale, label] of [
      ['id', 'beda pulau — perlu penyeberangan'],
      ['en', 'different island — ferry crossing needed'],
    ] as const) {
      const tr = translator(locale);
      const html = String(
        MatchList({
          t: tr,
          locale,
          needId: '00000000-0000-0000-0000-000000000000',
          rows: list.matches.map((m) => ({
            supplierId: m.supplierId,
            name: m.card.legalName,
            place: m.card.regencyName,
            verified: true,
            score: m.score,
            distanceKm: m.distanceKm,
            crossesSea: m.crossesSea,
            reasons: [],
          })),
          total: list.total,
          excluded: 0,
          invited: null,
          canInvite: false,
        }),
      );
      const lombokCard = html.slice(html.indexOf(`match-${ids.lombok}`)).split('</li>')[0]!;
      const sumbawaCard = html.slice(html.indexOf(`match-${ids.sumbawa}`)).split('</li>')[0]!;
      expect(lombokCard).toContain(label);
      expect(sumbawaCard).not.toContain(label);
    }
  });

  it('says so in "why not", with the distance and the crossing', async () => {
    const e = await explainMatch({ sql: t.db.sql }, need, ids.lombok, opts);
    const distance = e!.criteria.find((c) => c.code === 'distance')!;
    expect(distance).toMatchObject({ code: 'distance', crossing: true });
    const ctx = { t: translator('id'), locale: 'id' as const, term: (_k: string, s: string) => s };
    expect(describeFact(distance, distance.pass, distance.applies, ctx)).toContain(
      'beda pulau — perlu penyeberangan',
    );
    expect(
      renderReasons(e!.criteria, ctx)
        .map((r) => r.label)
        .join(' '),
    ).toContain('penyeberangan');
    const same = await explainMatch({ sql: t.db.sql }, need, ids.sumbawa, opts);
    const d2 = same!.criteria.find((c) => c.code === 'distance')!;
    expect(describeFact(d2, d2.pass, d2.applies, ctx)).not.toContain('penyeberangan');
  });
});
