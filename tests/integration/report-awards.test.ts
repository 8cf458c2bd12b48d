import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/seed/demo.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
const NOW = new Date('2026-11-22T04:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  await seedDemo(t.db.sql);
  // One awarded RFQ, as awarding a quote leaves it (the award flow itself is tested with the quotes).
  const [supplier] = await t.db.sql<{ id: string }[]>`
    select organization_id as id from suppliers where status = 'verified' limit 1`;
  const [buyer] = await t.db.sql<{ id: string }[]>`select id from organizations where kind = 'buyer' limit 1`;
  const [need] = await t.db.sql<{ id: string }[]>`
    insert into needs (buyer_org_id, title_id, description_id, status, estate_id)
    values (${buyer!.id}, 'Poros baja', 'Poros baja karbon untuk konveyor.', 'open',
      (select id from estates limit 1)) returning id`;
  await t.db.sql`
    update needs set status = 'closed', close_reason = 'awarded', awarded_supplier_id = ${supplier!.id},
      award_value_idr = 1200000000, awarded_at = ${NOW}
    where id = ${need!.id}`;
}, 180_000);
afterAll(() => t?.close());

describe('RFQ awards on the report page', () => {
  it('shows the awards next to the meeting deals, counted apart', async () => {
    const staff = t.client();
    expect((await staff.login('fasilitator@pasok.test', 'pasok-demo-2026')).status).toBe(303);
    const html = await (await staff.get('/reports')).text();
    const figure = /<div class="figure" id="fig-rfq-awards">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
    expect(figure).toContain('Pemenang RFQ');
    expect(figure).toContain('1 penawaran dimenangkan');
    expect(figure).toContain('Rp 1,2 miliar');
    expect(figure).toContain('Dihitung terpisah dari transaksi hasil pertemuan');
    expect(html.indexOf('id="fig-deals"')).toBeLessThan(html.indexOf('id="fig-rfq-awards"'));
  });

  it('says an event-scoped report has none, since awards belong to no event', async () => {
    const staff = t.client();
    await staff.login('fasilitator@pasok.test', 'pasok-demo-2026');
    const [event] = await t.db.sql<{ id: string }[]>`select id from events limit 1`;
    const html = await (await staff.get(`/reports?event=${event!.id}`)).text();
    expect(html).toContain('Tidak ada untuk acara atau kantor');
  });
});
