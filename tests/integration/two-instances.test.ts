import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runQueuedImports } from '../../src/imports/runner.js';
import { forgetCachedSheets } from '../../src/imports/sheet.js';
import { decide, submitForReview } from '../../src/suppliers/verification.js';
import { api, createTestApp, ORIGIN, type TestApp, type TestClient } from '../helpers/app.js';
import { makeUserWithToken } from '../helpers/factories.js';
import { PNG } from '../unit/files/fixtures.js';

/** Two instances on one database with their own DATA_DIRs, and later a third with an empty one. */
let a: TestApp;
let b: TestApp;
let emptyDir: string;
let owner: Awaited<ReturnType<typeof makeUserWithToken>>;
let facilitator: Awaited<ReturnType<typeof makeUserWithToken>>;
let supplierId: string;

beforeAll(async () => {
  a = await createTestApp();
  b = await createTestApp({ db: a.db });
  emptyDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pasok-empty-'));
  facilitator = await makeUserWithToken(a.db.sql, {
    platformRole: 'facilitator',
    org: { name: 'Disperin Jatim', kind: 'facilitator' },
  });
  owner = await makeUserWithToken(a.db.sql, { org: { name: 'CV Dua Mesin', kind: 'supplier' } });
  const res = await api(a.app, 'POST', '/api/v1/suppliers', {
    token: owner.token,
    body: {
      legal_name: 'CV Dua Mesin',
      nib: '3501000000001',
      regency_code: '35.15',
      location: { lat: -7.4, lon: 112.7 },
    },
  });
  expect(res.status).toBe(201);
  supplierId = ((await res.json()) as { id: string }).id;
  await submitForReview(a.db.sql, { userId: owner.user.id, platformRole: null }, supplierId);
  await decide(
    a.db.sql,
    { userId: facilitator.user.id, platformRole: 'facilitator' },
    supplierId,
    'verify',
    null,
    new Date(),
  );
}, 120_000);
afterAll(async () => {
  await b.close();
  await a.close();
  await fs.rm(emptyDir, { recursive: true, force: true });
});

async function uploadPhoto(t: TestApp, client: TestClient, bytes: Uint8Array): Promise<Response> {
  const form = new FormData();
  for (const [k, v] of Object.entries({
    purpose: 'photo',
    supplier_id: supplierId,
    next: `/s/${supplierId}`,
  }))
    form.append(k, v);
  form.append('file', new File([bytes], 'bengkel.png', { type: 'image/png' }));
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return t.app.request('/files', {
    method: 'POST',
    body: form,
    headers: { origin: ORIGIN, 'x-forwarded-for': client.ip, cookie },
  });
}

describe('two app instances on one database', () => {
  it('serves a file uploaded through one instance from the other and from a fresh one with an empty DATA_DIR', async () => {
    const client = a.client();
    expect((await client.login(owner.email, owner.password)).status).toBe(303);
    const bytes = new Uint8Array(600_000);
    bytes.set(PNG);
    expect((await uploadPhoto(a, client, bytes)).status).toBe(303);
    const [file] = await a.db.sql<{ id: string }[]>`
      select id from files where organization_id = ${supplierId} and purpose = 'photo'`;
    expect(await fs.readdir(a.deps.config.dataDir)).toEqual([]);
    const c = await createTestApp({ db: a.db, env: { DATA_DIR: emptyDir } });
    try {
      for (const t of [b, c]) {
        const res = await t.client().get(`/files/${file!.id}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('image/png');
        expect(res.headers.get('content-length')).toBe(String(bytes.length));
        expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
      }
    } finally {
      await c.close();
    }
    expect(await fs.readdir(emptyDir)).toEqual([]);
  });

  it('finishes on the other instance an import started on one', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('IKM');
    ws.addRow(['Perusahaan', 'Nomor OSS', 'Lokasi Kab']);
    ws.addRow(['CV Impor Kedua', '3501000000002', 'Kab. Sidoarjo']);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await wb.xlsx.writeBuffer())]), 'ikm.xlsx');
    form.append(
      'mapping',
      JSON.stringify({ Perusahaan: 'legal_name', 'Nomor OSS': 'nib', 'Lokasi Kab': 'regency' }),
    );
    form.append('commit', 'true');
    const res = await a.app.request('/api/v1/imports', {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${facilitator.token}` },
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    forgetCachedSheets();
    expect(await runQueuedImports(b.deps)).toBeGreaterThan(0);
    const status = await api(a.app, 'GET', `/api/v1/imports/${id}`, { token: facilitator.token });
    expect(await status.json()).toMatchObject({ status: 'done', created: 1 });
  });

  it('gives the same search answers on both instances', async () => {
    for (const q of ['', 'Mesin', 'Impor']) {
      const path = `/api/v1/suppliers?q=${encodeURIComponent(q)}`;
      const [ra, rb] = await Promise.all([
        api(a.app, 'GET', path, { token: facilitator.token }),
        api(b.app, 'GET', path, { token: facilitator.token }),
      ]);
      expect(ra.status).toBe(200);
      // Everything but the time each instance took.
      const { took_ms: _a, ...ja } = (await ra.json()) as Record<string, unknown>;
      const { took_ms: _b, ...jb } = (await rb.json()) as Record<string, unknown>;
      expect(jb).toEqual(ja);
    }
    const all = (await (
      await api(b.app, 'GET', '/api/v1/suppliers?q=', { token: facilitator.token })
    ).json()) as {
      total?: number;
    };
    expect(all.total).toBeGreaterThanOrEqual(1);
  });
});
