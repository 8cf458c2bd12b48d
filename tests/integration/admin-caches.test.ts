import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadVocabulary } from '../../src/matching/vocabulary.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await makeUser(t.db.sql, { platformRole: 'admin' });
});
afterAll(() => t.close());

async function asAdmin() {
  const c = t.client();
  await c.login(admin.email, admin.password);
  return c;
}

const term = {
  slug: 'electropolishing',
  label_id: 'Poles elektro',
  label_en: 'Electropolishing',
  synonyms_id: 'poles elektro',
  synonyms_en: 'electropolish',
  parent_slug: '',
};

describe('caches follow admin edits at once', () => {
  it('accepts a search by a term in the request after an admin adds it', async () => {
    const before = await t.client().get('/suppliers?processes=electropolishing');
    expect(before.status).toBe(400);
    expect((await (await asAdmin()).post('/admin/taxonomy/process', term)).status).toBe(303);
    const after = await t.client().get('/suppliers?processes=electropolishing');
    expect(after.status).toBe(200);
    expect(await after.text()).toContain('Poles elektro');
  });

  it('gives matching the edited vocabulary in the next call', async () => {
    const old = await loadVocabulary(t.db.sql);
    expect(old.label('process', 'electropolishing', 'en')).toBe('Electropolishing');
    const edit = { ...term, label_en: 'Electropolishing (anodic)', active: 'on' };
    expect((await (await asAdmin()).post('/admin/taxonomy/process?slug=electropolishing', edit)).status).toBe(
      303,
    );
    const fresh = await loadVocabulary(t.db.sql);
    expect(fresh.label('process', 'electropolishing', 'en')).toBe('Electropolishing (anodic)');
    expect(await loadVocabulary(t.db.sql)).toBe(fresh);
  });

  it('lists a new estate in the directory’s picker in the request after an admin adds it', async () => {
    expect(await (await t.client().get('/suppliers')).text()).not.toContain('KI Cache Baru');
    const created = await (await asAdmin()).post('/admin/estates', {
      name: 'KI Cache Baru',
      regency_code: '35.25',
      lat: '-7.16',
      lon: '112.65',
      description_id: '',
      description_en: '',
    });
    expect(created.status).toBe(303);
    expect(await (await t.client().get('/suppliers')).text()).toContain('KI Cache Baru');
  });
});
