import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, type TestApp } from '../helpers/app.js';
import {
  AFTER_MEETINGS,
  BEFORE_EVENT,
  buildWorld,
  expectJson,
  loggedIn,
  PDF,
  postMultipart,
  putOutcome,
  type World,
} from './outcomes-fixtures.js';

let t: TestApp;
let now = BEFORE_EVENT;
let w: World;

interface VersionJson {
  version: number;
  side: string;
  status: string;
  value_idr: string | null;
  based_on: string | null;
  channel: string;
  reported_by: { side: string; name: string | null; organization: string | null };
  mou_document: { id: string; url: string } | null;
}

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  w = await buildWorld(t, (d) => {
    now = d;
  });
}, 60_000);
afterAll(() => t.close());

const outcome = (token: string, id = w.meetingId) =>
  api(t.app, 'GET', `/api/v1/meetings/${id}/outcome`, { token });
const history = async (token: string, id = w.meetingId) =>
  (
    await expectJson<{ versions: VersionJson[] }>(
      await api(t.app, 'GET', `/api/v1/meetings/${id}/outcome/history`, { token }),
      200,
    )
  ).versions;

describe('reporting and reconciling outcomes', () => {
  it('refuses an outcome for a meeting that has not started yet', async () => {
    now = BEFORE_EVENT;
    const res = await putOutcome(t, w.buyer.token, w.meetingId, { status: 'deal', value_idr: 1000 });
    expect(res.status).toBe(409);
    now = AFTER_MEETINGS;
  });

  it("records each side's report as its own version, hidden from the other side", async () => {
    const b = await expectJson<VersionJson>(
      await putOutcome(t, w.buyer.token, w.meetingId, {
        status: 'follow_up',
        follow_up_on: '2026-12-15',
        value_idr: '1,25 M',
        products: 'Liner ball mill',
        notes: 'Minta gambar kerja',
      }),
      200,
    );
    expect(b).toMatchObject({ version: 1, side: 'buyer', status: 'follow_up', value_idr: '1250000000' });
    expect(b.reported_by).toEqual({ side: 'buyer', name: 'Hendra', organization: 'PT Smelter Tembaga' });
    const s = await expectJson<VersionJson>(
      await putOutcome(t, w.supplier.token, w.meetingId, {
        status: 'deal',
        value_idr: 1_300_000_000,
        products: 'Liner',
      }),
      200,
    );
    expect(s).toMatchObject({ version: 2, side: 'supplier', status: 'deal', value_idr: '1300000000' });

    const asBuyer = await expectJson<Record<string, unknown>>(await outcome(w.buyer.token), 200);
    expect(asBuyer.buyer).toMatchObject({ version: 1 });
    expect(asBuyer.supplier).toBeNull();
    expect(asBuyer.official).toBeNull();
    const asSupplier = await expectJson<Record<string, unknown>>(await outcome(w.supplier.token), 200);
    expect(asSupplier.supplier).toMatchObject({ version: 2 });
    expect(asSupplier.buyer).toBeNull();
    expect((await history(w.supplier.token)).map((v) => v.side)).toEqual(['supplier']);
  });

  it("hides a meeting's outcome from organisations that were not in it", async () => {
    expect((await outcome(w.other.token)).status).toBe(404);
    expect(
      (await putOutcome(t, w.other.token, w.meetingId, { status: 'no_deal', no_deal_reason: 'price' }))
        .status,
    ).toBe(404);
    expect(
      (await api(t.app, 'GET', `/api/v1/meetings/${w.meetingId}/outcome/history`, { token: w.other.token }))
        .status,
    ).toBe(404);
    const c = await loggedIn(t, w.other);
    expect((await c.get(`/outcomes/meetings/${w.meetingId}`)).status).toBe(404);
    const list = await (await c.get('/outcomes')).text();
    expect(list).not.toContain(w.meetingId);
    expect(list).toContain(w.reverseMeetingId);
  });

  it('lets only facilitators reconcile, and shows who reported what', async () => {
    const buyerPage = await loggedIn(t, w.buyer);
    expect(
      (await buyerPage.post(`/outcomes/meetings/${w.meetingId}/reconcile`, { from: 'buyer' })).status,
    ).toBe(403);
    const staff = await loggedIn(t, w.staff);
    const page = await (await staff.get(`/outcomes/meetings/${w.meetingId}`)).text();
    expect(page).toContain('Laporan pembeli');
    expect(page).toContain('Laporan IKM');
    expect(page).toContain('Ada laporan baru dari para pihak');
    const res = await staff.post(`/outcomes/meetings/${w.meetingId}/reconcile`, { from: 'supplier' });
    expect(res.status).toBe(303);
    const official = (await history(w.staff.token))[0]!;
    expect(official).toMatchObject({
      version: 3,
      side: 'official',
      channel: 'reconcile',
      based_on: 'supplier',
      status: 'deal',
      value_idr: '1300000000',
    });
    const trail = await (await staff.get(`/outcomes/meetings/${w.meetingId}`)).text();
    for (const s of [
      'Dilaporkan oleh pembeli (Hendra, PT Smelter Tembaga)',
      'Dilaporkan oleh IKM (Asep, CV Sinar Logam)',
      'Dicatat oleh fasilitator (Baiq)',
      'rekonsiliasi dari laporan IKM',
    ])
      expect(trail).toContain(s);
    expect(trail).not.toContain('Ada laporan baru dari para pihak');
    // The parties now see the official record, still not each other's report.
    const asBuyer = await expectJson<Record<string, unknown>>(await outcome(w.buyer.token), 200);
    expect(asBuyer.official).toMatchObject({ version: 3, status: 'deal' });
    expect(asBuyer.supplier).toBeNull();
  });

  it('keeps every change as a new version and audits it', async () => {
    const v = await expectJson<VersionJson>(
      await putOutcome(t, w.staff.token, w.meetingId, {
        status: 'deal',
        value_idr: '1.350.000.000',
        products: 'Liner',
      }),
      200,
    );
    expect(v).toMatchObject({ version: 4, side: 'official', value_idr: '1350000000' });
    const all = await history(w.staff.token);
    expect(all.map((x) => [x.version, x.side, x.value_idr])).toEqual([
      [4, 'official', '1350000000'],
      [3, 'official', '1300000000'],
      [2, 'supplier', '1300000000'],
      [1, 'buyer', '1250000000'],
    ]);
    const audit = await t.db.sql<
      { action: string; changes: { version: number; fields: Record<string, unknown> } }[]
    >`
      select action, changes from audit_log where entity = 'meeting_outcome' and entity_id = ${w.meetingId} order by id`;
    expect(audit.map((a) => a.action)).toEqual([
      'report.buyer',
      'report.supplier',
      'reconcile',
      'report.official',
    ]);
    expect(audit[3]!.changes.fields.valueIdr).toEqual(['1300000000', '1350000000']);
    await expect(
      t.db.sql`update outcome_versions set value_idr = 1 where meeting_id = ${w.meetingId}`,
    ).rejects.toThrow(/append-only/);
  });

  it('puts a meeting back in the queue when a side reports after the official record', async () => {
    await expectJson(
      await putOutcome(t, w.buyer.token, w.meetingId, { status: 'deal', value_idr: '1,35 M' }),
      200,
    );
    const body = await expectJson<{ needs_reconciliation: boolean }>(await outcome(w.staff.token), 200);
    expect(body.needs_reconciliation).toBe(true);
    const staff = await loggedIn(t, w.staff);
    const queue = await (await staff.get('/outcomes?queue=1')).text();
    expect(queue).toContain(`/outcomes/meetings/${w.meetingId}`);
  });
});

describe('validation', () => {
  const fieldsOf = async (res: Response) => {
    const body = await expectJson<{ error: { code: string; fields: Record<string, string> } }>(res, 422);
    return body.error.fields;
  };

  it('requires a follow-up date, a no-deal reason, and a readable amount', async () => {
    expect(
      await fieldsOf(await putOutcome(t, w.buyer.token, w.meetingId, { status: 'follow_up' })),
    ).toHaveProperty('follow_up_on');
    expect(
      await fieldsOf(await putOutcome(t, w.buyer.token, w.meetingId, { status: 'no_deal' })),
    ).toHaveProperty('no_deal_reason');
    const negative = await fieldsOf(
      await putOutcome(t, w.buyer.token, w.meetingId, { status: 'deal', value_idr: '-Rp 5.000' }),
    );
    expect(negative.value_idr).toBe('Nilai tidak boleh negatif.');
    const bad = await fieldsOf(
      await putOutcome(t, w.buyer.token, w.meetingId, { status: 'deal', value_idr: '1,2,3 M' }),
    );
    expect(bad.value_idr).toContain('tidak dikenali');
    expect(
      await fieldsOf(await putOutcome(t, w.buyer.token, w.meetingId, { status: 'deal', value_idr: 1.5 })),
    ).toHaveProperty('value_idr');
    expect(
      await fieldsOf(await putOutcome(t, w.buyer.token, w.meetingId, { status: 'deal', colour: 'red' })),
    ).toBeDefined();
  });

  it('refuses a follow-up date in the past and a deal at a no-show', async () => {
    const past = await fieldsOf(
      await putOutcome(t, w.buyer.token, w.meetingId, { status: 'follow_up', follow_up_on: '2026-11-30' }),
    );
    expect(past.follow_up_on).toBe('Tanggal tindak lanjut tidak boleh di masa lalu.');
    const noShow = await fieldsOf(
      await putOutcome(t, w.other.token, w.reverseMeetingId, { status: 'deal', value_idr: 10_000_000 }),
    );
    expect(noShow.attendance).toContain('tidak terlaksana');
    // Correcting the attendance in the report itself is allowed.
    await expectJson(
      await putOutcome(t, w.other.token, w.reverseMeetingId, {
        status: 'deal',
        attendance: 'held',
        value_idr: 10_000_000,
      }),
      200,
    );
  });

  it('re-renders the form with the typed values and the error (422)', async () => {
    const c = await loggedIn(t, w.supplier);
    const res = await c.post(`/outcomes/meetings/${w.meetingId}`, {
      status: 'deal',
      value_idr: '12,5 juta rupiah lebih',
      products: 'Poros',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('value="12,5 juta rupiah lebih"');
    expect(html).toContain('Nilai tidak dikenali');
    expect(html).toContain('for="f-value_idr"');
  });

  it('accepts English-style amounts from the form and answers with a redirect', async () => {
    const c = await loggedIn(t, w.supplier);
    const res = await c.post(`/outcomes/meetings/${w.meetingId}`, {
      status: 'deal',
      value_idr: 'IDR 2.5 billion',
      products: 'Poros',
    });
    expect(res.status).toBe(303);
    const [v] = await t.db.sql<{ valueIdr: string }[]>`
      select value_idr::text from outcome_versions where meeting_id = ${w.meetingId} and side = 'supplier' order by version desc limit 1`;
    expect(v!.valueIdr).toBe('2500000000');
  });
});

describe('MoU documents', () => {
  let fileId: string;

  it('stores a PDF privately with the report and serves it to that side only', async () => {
    const c = await loggedIn(t, w.supplier);
    const res = await postMultipart(
      t,
      c,
      `/outcomes/meetings/${w.meetingId}`,
      { status: 'mou', value_idr: '3 M' },
      { name: 'MoU ditandatangani.pdf', type: 'application/pdf', bytes: PDF },
    );
    expect(res.status).toBe(303);
    const head = (await history(w.supplier.token))[0]!;
    expect(head.mou_document).not.toBeNull();
    fileId = head.mou_document!.id;
    const file = await c.get(head.mou_document!.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('cache-control')).toContain('no-store');
    const buyer = await loggedIn(t, w.buyer);
    expect((await buyer.get(head.mou_document!.url)).status).toBe(404);
    expect((await buyer.get(`/files/${fileId}`)).status).toBe(404);
  });

  it('shows the document to both parties once it is part of the official record', async () => {
    const staff = await loggedIn(t, w.staff);
    expect(
      (await staff.post(`/outcomes/meetings/${w.meetingId}/reconcile`, { from: 'supplier' })).status,
    ).toBe(303);
    const buyer = await loggedIn(t, w.buyer);
    expect((await buyer.get(`/outcomes/meetings/${w.meetingId}/files/${fileId}`)).status).toBe(200);
  });

  it('refuses a document that is not a PDF or image, whatever its name says', async () => {
    const c = await loggedIn(t, w.supplier);
    const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
    const res = await postMultipart(
      t,
      c,
      `/outcomes/meetings/${w.meetingId}`,
      { status: 'mou', value_idr: '3 M' },
      { name: 'mou.pdf', type: 'application/pdf', bytes: html },
    );
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Dokumen MoU harus berupa PDF, JPEG atau PNG.');
  });
});

describe('the outcome pages', () => {
  it("lists a party's meetings with its own report and the official record", async () => {
    const c = await loggedIn(t, w.buyer);
    const html = await (await c.get('/outcomes')).text();
    expect(html).toContain('CV Sinar Logam');
    expect(html).toContain('CV Cor Lombok');
    expect(html).toContain('Transaksi');
  });

  it('shows facilitators the progress of each event', async () => {
    const c = await loggedIn(t, w.staff);
    const html = await (await c.get('/outcomes')).text();
    expect(html).toContain('Temu Usaha Smelter Sumbawa');
    const event = await (await c.get(`/outcomes?event=${w.eventId}`)).text();
    expect(event).toContain(w.reverseMeetingId);
  });

  it('translates the no-show to the side that did not come', async () => {
    const body = await expectJson<{ meeting: { check_in: string; supplier: { name: string } } }>(
      await outcome(w.staff.token, w.reverseMeetingId),
      200,
    );
    expect(body.meeting.check_in).toBe('no_show_supplier');
    expect(body.meeting.supplier.name).toBe('CV Cor Lombok');
  });
});
