import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { makeBuyer, memberOf, type Named, NOW, seedNeedsData } from './needs-fixtures.js';

let t: TestApp;
let ids: Record<Named, string>;
let buyer: TestClient;
let supplier: TestClient;
let buyerOrg: string;
let needId: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  ids = await seedNeedsData(t.db.sql, 60);
  const b = await makeBuyer(t.db.sql, 'PT Otoparts Halaman');
  await t.db.sql`update users set locale = 'id' where id = ${b.owner.user.id}`;
  buyerOrg = b.orgId;
  buyer = t.client();
  await buyer.login(b.owner.email, b.owner.password);
  const s = await memberOf(t.db.sql, ids.presisi, 'id');
  supplier = t.client();
  await supplier.login(s.email, s.password);
});
afterAll(() => t.close());

const form = {
  buyer_org_id: '',
  title_id: 'Poros pompa stainless',
  title_en: '',
  description_id: 'Jasa bubut poros pompa baja tahan karat.',
  description_en: '',
  sector: '',
  product_category: '',
  processes: ['turning'],
  materials: ['stainless-steel'],
  min_tkdn: '',
  quantity: '5000',
  unit: 'pcs',
  frequency: 'monthly',
  target_price_idr: 'Rp 150.000.000',
  delivery: 'estate',
  estate: 'smartpolitan-subang',
  lat: '',
  lon: '',
  max_distance_km: '100',
  response_deadline: '2026-12-31',
  visibility: 'public',
};

describe('need pages', () => {
  it('shows a labelled form that re-renders with errors and the typed values (422)', async () => {
    const page = await (await buyer.get('/needs/new')).text();
    for (const name of [
      'title_id',
      'description_id',
      'target_price_idr',
      'max_distance_km',
      'response_deadline',
    ])
      expect(page).toMatch(new RegExp(`<label for="f-${name}">`));
    expect(page).toContain('hx-post="/needs/validate"');
    const bad = await buyer.post('/needs/new', {
      ...form,
      title_id: '',
      target_price_idr: 'banyak',
      processes: ['turning', 'tenun'],
    });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Tulis nominal rupiah, mis. 150.000.000 atau 150 jt.');
    expect(html).toContain('value="banyak"');
    expect(html).toMatch(/name="processes" value="turning" checked/);
  });

  it('checks fields live with htmx, answering out-of-band error slots', async () => {
    const res = await buyer.post(
      '/needs/validate',
      { ...form, target_price_idr: '-5 jt', title_id: '', description_id: '' },
      { 'hx-request': 'true', 'hx-trigger-name': 'target_price_idr' },
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(
      '<small id="err-target_price_idr" class="field-error" aria-live="polite" hx-swap-oob="true">Nominal tidak boleh negatif.</small>',
    );
    expect(html).toContain('id="err-title_id"');
    expect(html).not.toContain('Isi judul');
  });

  it('creates a need without JavaScript (303), shows it, and opens it', async () => {
    const res = await buyer.post('/needs/new', form);
    expect(res.status).toBe(303);
    needId = /\/needs\/([0-9a-f-]{36})$/.exec(res.headers.get('location')!)![1]!;
    const page = await (await buyer.get(`/needs/${needId}`)).text();
    expect(page).toContain('Draf');
    expect(page).toContain('Rp 150.000.000');
    expect(page).toContain('id="matches"');
    expect((await buyer.post(`/needs/${needId}/open`)).status).toBe(303);
    const opened = await (await buyer.get(`/needs/${needId}`)).text();
    expect(opened).toContain('Terbuka');
    expect(opened).toContain('CV Presisi Bubut Subang');
    expect(opened).toContain('Menguasai 1 dari 1 proses: Bubut');
    expect(opened).toContain('19 km dari Smartpolitan Subang');
  });

  it('pre-fills the edit form, and hides the need from other buyers', async () => {
    const edit = await (await buyer.get(`/needs/${needId}/edit`)).text();
    expect(edit).toContain('value="Poros pompa stainless"');
    expect(edit).toMatch(/<option value="smartpolitan-subang" selected/);
    const other = await makeUser(t.db.sql, { org: { name: 'PT Lain', kind: 'buyer' } });
    const c = t.client();
    await c.login(other.email, other.password);
    expect((await c.get(`/needs/${needId}/edit`)).status).toBe(404);
    expect((await c.get(`/needs/${needId}`)).status).toBe(404);
  });

  it('lists the need in the supplier inbox with its reasons and takes an answer', async () => {
    const inbox = await (await supplier.get('/needs/inbox')).text();
    expect(inbox).toContain(`href="/needs/${needId}"`);
    expect(inbox).toContain('Menguasai 1 dari 1 proses');
    const page = await (await supplier.get(`/needs/${needId}`)).text();
    expect(page).toContain('id="respond"');
    expect(page).not.toContain('id="matches"');
    const bad = await supplier.post(`/needs/${needId}/respond`, {
      supplier_id: ids.presisi,
      interested: 'true',
      message: '',
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Wajib diisi.');
    const ok = await supplier.post(`/needs/${needId}/respond`, {
      supplier_id: ids.presisi,
      interested: 'true',
      message: 'Kami punya 3 mesin CNC.',
      indicative_price_idr: '45 jt',
    });
    expect(ok.status).toBe(303);
    expect(await (await supplier.get(`/needs/${needId}`)).text()).toContain('Anda sudah menyatakan minat.');
  });

  it('lets the buyer shortlist, compare side by side and propose a meeting through /meetings', async () => {
    const page = await (await buyer.get(`/needs/${needId}`)).text();
    expect(page).toContain('Kami punya 3 mesin CNC.');
    expect((await buyer.post(`/needs/${needId}/shortlist/${ids.presisi}`)).status).toBe(303);
    // No prior interest needed (issue #12): a supplier that never answered can be shortlisted too.
    expect((await buyer.post(`/needs/${needId}/shortlist/${ids.lathe}`)).status).toBe(303);
    const compare = await (await buyer.get(`/needs/${needId}/compare`)).text();
    expect(compare).toContain('<th scope="col"><a href="/suppliers/');
    expect(compare).toContain('Rp 45.000.000');
    expect(compare).toContain('action="/meetings"');
    expect(compare).toContain(`name="from_org" value="${buyerOrg}"`);
    expect(compare).toContain(`name="to_org" value="${ids.presisi}"`);
    expect((await supplier.get(`/needs/${needId}/compare`)).status).toBe(403);
  });

  it('explains why a supplier is or is not matched, found by name', async () => {
    const go = await buyer.get(`/needs/${needId}/why-not?supplier=Mataram`);
    expect(go.status).toBe(303);
    expect(go.headers.get('location')).toBe(`/needs/${needId}/why-not/${ids.far}`);
    const html = await (await buyer.get(go.headers.get('location')!)).text();
    expect(html).toContain('Tidak tampil: ada syarat wajib yang tidak terpenuhi.');
    expect(html).toMatch(/km dari Smartpolitan Subang, melebihi maksimal 100 km/);
    const mine = await supplier.get(`/needs/${needId}/why-not/${ids.presisi}`);
    expect(await mine.text()).toContain('Cocok, skor');
    expect((await supplier.get(`/needs/${needId}/why-not/${ids.far}`)).status).toBe(404);
  });

  it('answers htmx with the bare fragment and keeps the nav link', async () => {
    const frag = await (await buyer.get(`/needs/${needId}`, { 'hx-request': 'true' })).text();
    expect(frag).not.toContain('<html');
    const full = await (await buyer.get('/needs')).text();
    expect(full).toContain('<a href="/needs">Kebutuhan</a>');
    expect(full).toContain('Poros pompa stainless');
  });

  it('saves a supplier search from its query string, lists and deletes it', async () => {
    const page = await (await buyer.get('/saved-searches?query=q%3Dbubut%26processes%3Dturning')).text();
    expect(page).toContain('name="query" value="q=bubut&amp;processes=turning"');
    expect(page).toContain('<label for="f-saved-name">');
    expect(
      (await buyer.post('/saved-searches', { name: 'Bubut', query: 'q=bubut&processes=turning' })).status,
    ).toBe(303);
    const dup = await buyer.post('/saved-searches', { name: 'Bubut', query: 'q=las' });
    expect(dup.status).toBe(422);
    expect(await dup.text()).toContain('Nama ini sudah dipakai');
    const list = await (await buyer.get('/saved-searches')).text();
    expect(list).toContain('href="/suppliers?processes=turning&amp;q=bubut"');
    const id = /action="\/saved-searches\/([0-9a-f-]+)\/delete"/.exec(list)![1]!;
    expect((await supplier.post(`/saved-searches/${id}/delete`)).status).toBe(404);
    expect((await buyer.post(`/saved-searches/${id}/delete`)).status).toBe(303);
  });
});
