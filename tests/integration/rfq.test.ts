import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, type TestApp } from '../helpers/app.js';
import { sendMultipart } from '../helpers/cross-office.js';
import { makeUserWithToken } from '../helpers/factories.js';
import { PNG } from '../unit/files/fixtures.js';
import { makeBuyer, memberOf, type Named, NOW, needBody, seedNeedsData } from './needs-fixtures.js';

let t: TestApp;
let ids: Record<Named, string>;
let buyer: Awaited<ReturnType<typeof makeBuyer>>;
let other: Awaited<ReturnType<typeof makeBuyer>>;
let presisi: Awaited<ReturnType<typeof memberOf>>;
let lathe: Awaited<ReturnType<typeof memberOf>>;
let waiting: Awaited<ReturnType<typeof memberOf>>;
let facilitator: Awaited<ReturnType<typeof makeUserWithToken>>;

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  ids = await seedNeedsData(t.db.sql, 10);
  buyer = await makeBuyer(t.db.sql);
  other = await makeBuyer(t.db.sql, 'PT Pembeli Lain');
  presisi = await memberOf(t.db.sql, ids.presisi);
  lathe = await memberOf(t.db.sql, ids.lathe, 'en');
  waiting = await memberOf(t.db.sql, ids.submitted);
  facilitator = await makeUserWithToken(t.db.sql, { platformRole: 'facilitator' });
}, 120_000);
afterAll(() => t.close());

const call = (method: string, path: string, token: string, body?: unknown) =>
  api(t.app, method, path, { token, ...(body === undefined ? {} : { body }) });

async function createNeed(over: Record<string, unknown> = {}): Promise<string> {
  const res = await call(
    'POST',
    '/api/v1/needs',
    buyer.owner.token,
    needBody({ quantity: 1000, unit: 'pcs', ...over }),
  );
  expect(res.status, await res.clone().text()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  expect((await call('POST', `/api/v1/needs/${id}/open`, buyer.owner.token)).status).toBe(200);
  return id;
}

const upload = (needId: string, token: string, name: string, bytes: Uint8Array) =>
  sendMultipart(t, null, `/api/v1/needs/${needId}/attachments`, {}, 'file', {
    name,
    type: 'application/octet-stream',
    bytes,
    token,
  });

const text = (s: string) => new TextEncoder().encode(s);
const PDF = text('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const DXF = text(
  '  0\nSECTION\n  2\nHEADER\n  0\nENDSEC\n  0\nSECTION\n  2\nENTITIES\n  0\nLINE\n  0\nENDSEC\n  0\nEOF\n',
);
const DWG = new Uint8Array([...text('AC1032'), 0, 0, 0, 0, 0, 0]);
const STEP = text(
  "ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION(('poros'),'2;1');\nENDSEC;\nDATA;\nENDSEC;\nEND-ISO-10303-21;\n",
);
const igesLine = (body: string, section: string, n: number) =>
  `${body.padEnd(72)}${section}${String(n).padStart(7)}`;
const IGES = text(
  [
    igesLine('Poros pompa', 'S', 1),
    igesLine('1H,,1H;,4HPART', 'G', 1),
    igesLine('     110       1       0       0       0       0       0       000000000', 'D', 1),
    igesLine('110,0.,0.,0.,1.,0.,0.;', 'P', 1),
    igesLine('S      1G      1D      1P      1', 'T', 1),
  ].join('\n'),
);

describe('RFQ attachments', () => {
  it('accepts PDF, PNG, DXF, DWG, STEP and IGES by their content, and lists them', async () => {
    const needId = await createNeed();
    const files: [string, Uint8Array, string][] = [
      ['spec.pdf', PDF, 'application/pdf'],
      ['foto.png', PNG, 'image/png'],
      ['poros.dxf', DXF, 'image/vnd.dxf'],
      ['poros.dwg', DWG, 'image/vnd.dwg'],
      ['poros.step', STEP, 'model/step'],
      ['poros.igs', IGES, 'model/iges'],
    ];
    for (const [name, bytes, mime] of files) {
      const res = await upload(needId, buyer.owner.token, name, bytes);
      expect(res.status, `${name}: ${await res.clone().text()}`).toBe(201);
      expect(((await res.json()) as { mime: string }).mime).toBe(mime);
    }
    const list = (await (
      await call('GET', `/api/v1/needs/${needId}/attachments`, buyer.owner.token)
    ).json()) as {
      attachments: { filename: string; url: string }[];
    };
    expect(list.attachments.map((a) => a.filename)).toEqual(files.map(([n]) => n));
  });

  it('refuses a file whose content is none of the allowed types, whatever its name (422)', async () => {
    const needId = await createNeed();
    for (const [name, bytes] of [
      ['gambar.dxf', text('<html><script>alert(1)</script></html>')],
      ['gambar.pdf', text('just text pretending')],
      ['gambar.igs', text('S short line\nT\n')],
    ] as const) {
      const res = await upload(needId, buyer.owner.token, name, bytes);
      expect(res.status, name).toBe(422);
      const body = (await res.json()) as { error: { code: string; fields: Record<string, string> } };
      expect(body.error.code).toBe('invalid');
      expect(body.error.fields.file).toBeTruthy();
    }
  });

  it('refuses a file over 20 MB', async () => {
    const needId = await createNeed();
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    big.set(PDF);
    const res = await upload(needId, buyer.owner.token, 'besar.pdf', big);
    expect([413, 422]).toContain(res.status);
    const [n] = await t.db.sql`select count(*)::int as n from need_attachments where need_id = ${needId}`;
    expect(n!.n).toBe(0);
  });

  it('shows drawings to the buyer, staff and verified suppliers only; others get 404', async () => {
    const needId = await createNeed();
    const res = await upload(needId, buyer.owner.token, 'spec.pdf', PDF);
    const { url } = (await res.json()) as { url: string };
    const see = async (token: string) =>
      (await call('GET', `/api/v1/needs/${needId}/attachments`, token)).status;
    expect(await see(buyer.owner.token)).toBe(200);
    expect(await see(facilitator.token)).toBe(200);
    expect(await see(presisi.token)).toBe(200);
    expect(await see(other.owner.token)).toBe(404);
    expect(await see(waiting.token)).toBe(404);
    // The file itself (bearer tokens are not session cookies: check through the session-less API path too).
    const c = t.client();
    await c.login(presisi.email, presisi.password);
    const file = await c.get(url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain('attachment');
    const s = t.client();
    await s.login(waiting.email, waiting.password);
    expect((await s.get(url)).status).toBe(404);
  });

  it("keeps an invited-only need's drawings from suppliers that were not invited", async () => {
    const needId = await createNeed({ visibility: 'invited' });
    await upload(needId, buyer.owner.token, 'spec.pdf', PDF);
    expect((await call('GET', `/api/v1/needs/${needId}/attachments`, presisi.token)).status).toBe(404);
    const b = t.client();
    await b.login(buyer.owner.email, buyer.owner.password);
    expect((await b.post(`/needs/${needId}/invite`, { supplier_id: ids.presisi })).status).toBe(303);
    expect((await call('GET', `/api/v1/needs/${needId}/attachments`, presisi.token)).status).toBe(200);
    expect((await call('GET', `/api/v1/needs/${needId}/attachments`, lathe.token)).status).toBe(404);
  });
});

const quote = (over: Record<string, unknown> = {}) => ({
  unit_price_idr: 'Rp 125.000',
  min_order: 100,
  lead_time_days: 14,
  valid_until: '2026-12-31',
  notes: 'Termasuk pengiriman ke Subang.',
  ...over,
});

describe('quotes', () => {
  it('answers field errors with the standard shape (422)', async () => {
    const needId = await createNeed();
    const res = await call('POST', `/api/v1/needs/${needId}/quotes`, presisi.token, {
      unit_price_idr: '0',
      min_order: -1,
      lead_time_days: 0,
      valid_until: '2026-02-30',
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as {
      error: { code: string; message: string; fields: Record<string, string> };
    };
    expect(body.error.code).toBe('invalid');
    expect(Object.keys(body.error.fields).sort()).toEqual([
      'lead_time_days',
      'min_order',
      'unit_price_idr',
      'valid_until',
    ]);
    const past = await call(
      'POST',
      `/api/v1/needs/${needId}/quotes`,
      presisi.token,
      quote({ valid_until: '2026-11-01' }),
    );
    expect(past.status).toBe(422);
  });

  it('keeps one live quote per supplier: a revision bumps the version and keeps the old one', async () => {
    const needId = await createNeed();
    const first = await call('POST', `/api/v1/needs/${needId}/quotes`, presisi.token, quote());
    expect(first.status).toBe(201);
    const q1 = (await first.json()) as { id: string; unit_price_idr: number; version: number };
    expect(q1).toMatchObject({ unit_price_idr: 125000, version: 1 });
    const second = await call(
      'POST',
      `/api/v1/needs/${needId}/quotes`,
      presisi.token,
      quote({ unit_price_idr: 119000 }),
    );
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({ id: q1.id, unit_price_idr: 119000, version: 2 });
    const [v] = await t.db
      .sql`select unit_price_idr::int as p from need_quote_versions where quote_id = ${q1.id}`;
    expect(v!.p).toBe(125000);
    const own = (await (await call('GET', `/api/v1/needs/${needId}/quotes`, presisi.token)).json()) as {
      quotes: unknown[];
    };
    expect(own.quotes).toHaveLength(1);
  });

  it('shows the buyer every quote and a supplier only its own; buyers cannot quote', async () => {
    const needId = await createNeed();
    await call('POST', `/api/v1/needs/${needId}/quotes`, presisi.token, quote());
    await call('POST', `/api/v1/needs/${needId}/quotes`, lathe.token, quote({ unit_price_idr: 110000 }));
    const all = (await (await call('GET', `/api/v1/needs/${needId}/quotes`, buyer.owner.token)).json()) as {
      quotes: { supplier_id: string }[];
    };
    expect(all.quotes.map((q) => q.supplier_id)).toEqual([ids.lathe, ids.presisi]);
    const mine = (await (await call('GET', `/api/v1/needs/${needId}/quotes`, lathe.token)).json()) as {
      quotes: { supplier_id: string }[];
    };
    expect(mine.quotes.map((q) => q.supplier_id)).toEqual([ids.lathe]);
    expect((await call('POST', `/api/v1/needs/${needId}/quotes`, buyer.owner.token, quote())).status).toBe(
      403,
    );
    expect((await call('GET', `/api/v1/needs/${needId}/quotes`, other.owner.token)).status).toBe(404);
  });

  it('re-renders the quote form with field errors without JavaScript (422)', async () => {
    const needId = await createNeed();
    const c = t.client();
    await c.login(presisi.email, presisi.password);
    const res = await c.post(`/needs/${needId}/quotes`, {
      unit_price_idr: 'abc',
      min_order: '10',
      lead_time_days: '7',
      valid_until: '2026-12-31',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('id="f-unit_price_idr-error"');
    expect(html).toContain('value="abc"');
  });
});

describe('award', () => {
  it('closes the need with the winner and value, is idempotent, and refuses another quote (409)', async () => {
    const needId = await createNeed();
    const q = (await (
      await call('POST', `/api/v1/needs/${needId}/quotes`, presisi.token, quote())
    ).json()) as { id: string };
    const q2 = (await (
      await call('POST', `/api/v1/needs/${needId}/quotes`, lathe.token, quote())
    ).json()) as { id: string };
    expect(
      (await call('POST', `/api/v1/needs/${needId}/award`, presisi.token, { quote_id: q.id })).status,
    ).toBe(403);
    const res = await call('POST', `/api/v1/needs/${needId}/award`, buyer.owner.token, { quote_id: q.id });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      award: { quote_id: q.id, supplier_id: ids.presisi, value_idr: 125_000_000 },
    });
    const need = (await (await call('GET', `/api/v1/needs/${needId}`, buyer.owner.token)).json()) as Record<
      string,
      unknown
    >;
    expect(need).toMatchObject({ status: 'closed', close_reason: 'awarded' });
    expect(
      (await call('POST', `/api/v1/needs/${needId}/award`, buyer.owner.token, { quote_id: q.id })).status,
    ).toBe(200);
    expect(
      (await call('POST', `/api/v1/needs/${needId}/award`, buyer.owner.token, { quote_id: q2.id })).status,
    ).toBe(409);
    const [n] = await t.db.sql`select count(*)::int as n from notifications where kind = 'need.award'`;
    expect(n!.n).toBeGreaterThan(0);
    // The award counts as a deal in the impact report, next to (not inside) the meeting figures.
    const report = (await (
      await call('GET', '/api/v1/reports/summary?from=2026-11-22&to=2026-11-22', facilitator.token)
    ).json()) as {
      rfq_awards: { count: number; value_idr: string };
    };
    expect(report.rfq_awards.count).toBeGreaterThanOrEqual(1);
    expect(BigInt(report.rfq_awards.value_idr)).toBeGreaterThanOrEqual(125_000_000n);
  });

  it('lets exactly one of two concurrent awards win', async () => {
    const needId = await createNeed();
    const a = (await (
      await call('POST', `/api/v1/needs/${needId}/quotes`, presisi.token, quote())
    ).json()) as { id: string };
    const b = (await (await call('POST', `/api/v1/needs/${needId}/quotes`, lathe.token, quote())).json()) as {
      id: string;
    };
    const results = await Promise.all([
      call('POST', `/api/v1/needs/${needId}/award`, buyer.owner.token, { quote_id: a.id }),
      call('POST', `/api/v1/needs/${needId}/award`, buyer.owner.token, { quote_id: b.id }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const [row] = await t.db.sql`select awarded_quote_id from needs where id = ${needId}`;
    const winner = results[0]!.status === 200 ? a.id : b.id;
    expect(row!.awardedQuoteId).toBe(winner);
    const audits = await t.db.sql`select 1 from audit_log where entity_id = ${needId} and action = 'award'`;
    expect(audits).toHaveLength(1);
  });

  it('awards from the compare page without JavaScript and shows the winner', async () => {
    const needId = await createNeed();
    const q = (await (
      await call('POST', `/api/v1/needs/${needId}/quotes`, presisi.token, quote())
    ).json()) as { id: string };
    const c = t.client();
    await c.login(buyer.owner.email, buyer.owner.password);
    const page = await c.get(`/needs/${needId}/quotes`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('IDR 125,000'); // the buyer reads English
    const res = await c.post(`/needs/${needId}/award`, { quote_id: q.id, value_idr: 'Rp 1,2 miliar' });
    expect(res.status).toBe(303);
    const after = await (await c.get(`/needs/${needId}/quotes`)).text();
    expect(after).toContain('CV Presisi Bubut Subang');
    const [row] = await t.db.sql`select award_value_idr::text as v from needs where id = ${needId}`;
    expect(row!.v).toBe('1200000000');
  });
});
