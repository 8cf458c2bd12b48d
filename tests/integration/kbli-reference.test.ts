import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncReferenceData } from '../../src/reference/sync.js';
import { KBLI } from '../../src/taxonomy/data/kbli-2020.js';
import { loadTaxonomy } from '../../src/taxonomy/service.js';
import { createTestDb, type TestDb } from '../helpers/db.js';

let db: TestDb;

beforeAll(async () => {
  db = await createTestDb();
});

afterAll(async () => {
  await db?.drop();
});

describe('KBLI in the reference data', () => {
  it('loads every class once, in both languages, and a second sync changes nothing', async () => {
    await db.sql`update taxonomy_terms set label_en = 'Edited by an admin' where kind = 'kbli' and slug = '25920'`;
    const again = await syncReferenceData(db.sql);
    expect(again.terms).toBe(0);
    const rows = await db.sql<{ slug: string; labelId: string; labelEn: string }[]>`
      select slug, label_id, label_en from taxonomy_terms where kind = 'kbli' order by slug`;
    expect(rows.map((r) => r.slug)).toEqual(KBLI.map((k) => k.slug).sort());
    expect(rows.find((r) => r.slug === '25920')?.labelEn).toBe('Edited by an admin');
    for (const r of rows) expect(r.labelId && r.labelEn, r.slug).toBeTruthy();
  });

  it('knows 28220 and 24204, so an import no longer reports them unknown', async () => {
    const tax = await loadTaxonomy(db.sql);
    expect(tax.has('kbli', '28220')).toBe(true);
    expect(tax.has('kbli', '24204')).toBe(true);
    expect(tax.label('kbli', '28221', 'en')).toBe('Manufacture of metal-working machinery and machine tools');
    expect(tax.has('kbli', '28225')).toBe(false);
  });
});
