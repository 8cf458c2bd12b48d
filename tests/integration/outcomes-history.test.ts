import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORG_UPLOAD_QUOTA_BYTES } from '../../src/files/limits.js';
import {
  capFor,
  HISTORY_PAGE_SIZE,
  MAX_VERSIONS_PER_MEETING,
  OFFICIAL_RESERVE,
} from '../../src/outcomes/history.js';
import { api, createTestApp, type TestApp } from '../helpers/app.js';
import {
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

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  w = await buildWorld(t, (d) => {
    now = d;
  });
}, 60_000);
afterAll(() => t.close());

interface HistoryJson {
  versions: { version: number; side: string; notes: string | null }[];
  page: number;
  per_page: number;
  total: number;
  pages: number;
}

const history = async (token: string, query = '') =>
  expectJson<HistoryJson>(
    await api(t.app, 'GET', `/api/v1/meetings/${w.meetingId}/outcome/history${query}`, { token }),
    200,
  );

const countVersions = async () => {
  const [r] = await t.db.sql<{ n: number }[]>`
    select count(*)::int as n from outcome_versions where meeting_id = ${w.meetingId}`;
  return r!.n;
};

describe('capped outcome histories', () => {
  it('keeps room for the official record: parties stop at 40 of 50 versions', () => {
    expect(capFor('buyer')).toBe(MAX_VERSIONS_PER_MEETING - OFFICIAL_RESERVE);
    expect(capFor('official')).toBe(MAX_VERSIONS_PER_MEETING);
  });

  it("refuses a party's report once the meeting holds the parties' cap (409, naming it), writing nothing", async () => {
    const cap = capFor('supplier');
    for (let i = 1; i <= cap; i++) {
      const token = i % 2 ? w.supplier.token : w.buyer.token;
      const res = await putOutcome(t, token, w.meetingId, { status: 'pending', notes: `laporan ${i}` });
      expect(res.status).toBe(200);
    }
    const res = await putOutcome(t, w.supplier.token, w.meetingId, { status: 'deal', value_idr: 1 });
    expect(res.status).toBe(409);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('history_full');
    expect(body.error.message).toBe(
      'Riwayat pertemuan ini sudah berisi 40 versi, batas untuk laporan pihak (40). Hubungi fasilitator untuk memperbarui rekaman resmi.',
    );
    expect(await countVersions()).toBe(cap);
  });

  it('lets a facilitator write and reconcile up to the hard cap, then refuses that too', async () => {
    const staff = await loggedIn(t, w.staff);
    expect(
      (await staff.post(`/outcomes/meetings/${w.meetingId}/reconcile`, { from: 'supplier' })).status,
    ).toBe(303);
    while ((await countVersions()) < MAX_VERSIONS_PER_MEETING) {
      const res = await putOutcome(t, w.staff.token, w.meetingId, { status: 'pending', notes: 'resmi' });
      expect(res.status).toBe(200);
    }
    const res = await putOutcome(t, w.staff.token, w.meetingId, {
      status: 'no_deal',
      no_deal_reason: 'price',
    });
    expect(res.status).toBe(409);
    const reconcile = await staff.post(`/outcomes/meetings/${w.meetingId}/reconcile`, { from: 'buyer' });
    expect(reconcile.status).toBe(409);
    expect(await reconcile.text()).toContain('batas maksimal (50)');
    expect(await countVersions()).toBe(MAX_VERSIONS_PER_MEETING);
  });

  it('keeps versions append-only: the database refuses to rewrite one', async () => {
    await expect(
      t.db.sql`update outcome_versions set notes = 'diubah' where meeting_id = ${w.meetingId}`,
    ).rejects.toMatchObject({ code: '55000' });
  });
});

describe('paginated outcome histories', () => {
  it('pages the API history, newest first, with totals', async () => {
    const all = await history(w.staff.token);
    expect(all).toMatchObject({ page: 1, per_page: 50, total: 50, pages: 1 });
    expect(all.versions).toHaveLength(50);
    const p3 = await history(w.staff.token, '?page=3&per_page=20');
    expect(p3).toMatchObject({ page: 3, per_page: 20, total: 50, pages: 3 });
    expect(p3.versions.map((v) => v.version)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    const bad = await api(t.app, 'GET', `/api/v1/meetings/${w.meetingId}/outcome/history?per_page=5000`, {
      token: w.staff.token,
    });
    expect(bad.status).toBe(400);
  });

  it('counts only the versions a party may see (its own side and the official record)', async () => {
    const mine = await history(w.buyer.token, '?per_page=50');
    expect(mine.versions.every((v) => v.side === 'buyer' || v.side === 'official')).toBe(true);
    expect(mine.total).toBe(mine.versions.length);
    expect(mine.total).toBeLessThan(50);
  });

  it(`renders at most ${HISTORY_PAGE_SIZE} versions per page, with links to older and newer ones`, async () => {
    const staff = await loggedIn(t, w.staff);
    const items = (html: string) =>
      html.slice(html.indexOf('class="outcome-trail"')).split('</ol>')[0]!.match(/<li>/g)?.length ?? 0;
    const first = await staff.get(`/outcomes/meetings/${w.meetingId}`);
    const html = await first.text();
    expect(items(html)).toBe(HISTORY_PAGE_SIZE);
    expect(html).toContain('50 versi');
    expect(html).toContain(`href="/outcomes/meetings/${w.meetingId}?page=2#outcome-history"`);
    expect(html).toContain('Halaman 1 dari 5');
    expect(html).toContain('start="50"');
    const last = await (await staff.get(`/outcomes/meetings/${w.meetingId}?page=5`)).text();
    expect(items(last)).toBe(HISTORY_PAGE_SIZE);
    expect(last).toContain('Versi 1 ');
    expect(last).not.toContain('?page=6');
    const beyond = await staff.get(`/outcomes/meetings/${w.meetingId}?page=99`);
    expect(beyond.status).toBe(200);
    expect(items(await beyond.text())).toBe(0);
    expect((await staff.get(`/outcomes/meetings/${w.meetingId}?page=abc`)).status).toBe(200);
  });

  it('replaces the form with the reason when the history is full', async () => {
    const supplier = await loggedIn(t, w.supplier);
    const html = await (await supplier.get(`/outcomes/meetings/${w.meetingId}`)).text();
    expect(html).toContain('batas untuk laporan pihak (40)');
    expect(html).not.toContain(`action="/outcomes/meetings/${w.meetingId}"`);
  });
});

describe('MoU documents and the upload quota', () => {
  it("refuses an MoU over the reporting organisation's quota, in the form, storing nothing", async () => {
    const orgId = w.other.orgId!;
    await t.db.sql`
      insert into files (organization_id, purpose, filename, mime, size_bytes, sha256, storage_key)
      values (${orgId}, 'import', 'lama.xlsx', 'application/octet-stream', ${ORG_UPLOAD_QUOTA_BYTES}, 'x', 'pad-mou')`;
    const before = await t.db.sql`select id from files where purpose = 'mou'`;
    const c = await loggedIn(t, w.other);
    const res = await postMultipart(
      t,
      c,
      `/outcomes/meetings/${w.reverseMeetingId}`,
      { status: 'mou', attendance: 'held', value_idr: '3 M' },
      { name: 'mou.pdf', type: 'application/pdf', bytes: PDF },
    );
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('sudah terpakai 200 MB, jadi berkas ini (1 MB) tidak muat');
    expect(await t.db.sql`select id from files where purpose = 'mou'`).toHaveLength(before.length);
  });
});
