import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import {
  BEFORE_EVENT,
  buildWorld,
  expectJson,
  loggedIn,
  putOutcome,
  type World,
} from './outcomes-fixtures.js';

let t: TestApp;
let now = BEFORE_EVENT;
let w: World;
const DAY = 86_400_000;
const START = new Date('2026-12-02T01:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  w = await buildWorld(t, (d) => {
    now = d;
  });
  now = START;
  await expectJson(
    await putOutcome(t, w.staff.token, w.meetingId, { status: 'follow_up', follow_up_on: '2026-12-20' }),
    200,
  );
}, 60_000);
afterAll(() => t.close());

const item = async () => {
  const [row] = await t.db.sql<{ stage: string; revision: number }[]>`
    select stage, revision from followup_items where meeting_id = ${w.meetingId}`;
  return row ?? null;
};

describe('follow-up pipeline', () => {
  it('shows the facilitator a board per event with the meeting as a new card, and refuses parties', async () => {
    const staff = await loggedIn(t, w.staff);
    const res = await staff.get(`/pipeline?event=${w.eventId}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`id="card-${w.meetingId}"`);
    expect(html).toMatch(/id="col-new"[\s\S]*card-/);
    expect(html).toContain(`action="/pipeline/meetings/${w.meetingId}/move"`);
    expect(html).not.toContain('badge overdue');
    const buyer = await loggedIn(t, w.buyer);
    expect((await buyer.get(`/pipeline?event=${w.eventId}`)).status).toBe(403);
    expect((await staff.get(`/pipeline?event=${crypto.randomUUID()}`)).status).toBe(404);
  });

  it('lets the buyer and then the supplier move their own item, each move audited', async () => {
    const buyer = await loggedIn(t, w.buyer);
    const r1 = await buyer.post(`/pipeline/meetings/${w.meetingId}/move`, {
      stage: 'contacted',
      revision: '0',
    });
    expect(r1.status).toBe(303);
    expect(await item()).toEqual({ stage: 'contacted', revision: 1 });
    const supplier = await loggedIn(t, w.supplier);
    const r2 = await supplier.post(`/pipeline/meetings/${w.meetingId}/move`, {
      stage: 'sample',
      revision: '1',
      back: `/pipeline/meetings/${w.meetingId}`,
    });
    expect(r2.status).toBe(303);
    expect(r2.headers.get('location')).toBe(`/pipeline/meetings/${w.meetingId}`);
    expect(await item()).toEqual({ stage: 'sample', revision: 2 });
    const audit = await t.db.sql<{ action: string; changes: { stage: [string | null, string] } }[]>`
      select action, changes from audit_log where entity = 'followup' and entity_id = ${w.meetingId} order by at, id`;
    expect(audit.map((a) => a.changes.stage)).toEqual([
      [null, 'contacted'],
      ['contacted', 'sample'],
    ]);
    const page = await (await supplier.get(`/pipeline/meetings/${w.meetingId}`)).text();
    expect(page).toContain('Sampel atau penawaran');
  });

  it('refuses a move made on a stale card (409) and changes nothing', async () => {
    const buyer = await loggedIn(t, w.buyer);
    const res = await buyer.post(`/pipeline/meetings/${w.meetingId}/move`, { stage: 'trial', revision: '1' });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('baru saja dipindahkan');
    expect(await item()).toEqual({ stage: 'sample', revision: 2 });
  });

  it('refuses organisations that are not party to the meeting (404) and anonymous visitors', async () => {
    const other = await loggedIn(t, w.other);
    expect(
      (await other.post(`/pipeline/meetings/${w.meetingId}/move`, { stage: 'dropped', revision: '2' }))
        .status,
    ).toBe(404);
    expect((await other.get(`/pipeline/meetings/${w.meetingId}`)).status).toBe(404);
    const anon = await t
      .client()
      .post(`/pipeline/meetings/${w.meetingId}/move`, { stage: 'dropped', revision: '2' });
    expect(anon.status).toBe(303);
    expect(anon.headers.get('location')).toContain('/login');
    expect(await item()).toEqual({ stage: 'sample', revision: 2 });
  });

  it('races two moves of the same revision: exactly one wins', async () => {
    const buyer = await loggedIn(t, w.buyer);
    const supplier = await loggedIn(t, w.supplier);
    const results = await Promise.all([
      buyer.post(`/pipeline/meetings/${w.meetingId}/move`, { stage: 'trial', revision: '2' }),
      supplier.post(`/pipeline/meetings/${w.meetingId}/move`, { stage: 'dropped', revision: '2' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([303, 409]);
    expect((await item())!.revision).toBe(3);
  });

  it('flags an item overdue once it has not moved for longer than its stage allows (fixed clock)', async () => {
    const staff = await loggedIn(t, w.staff);
    now = START;
    const moved = await staff.post(`/pipeline/meetings/${w.meetingId}/move`, {
      stage: 'contract',
      revision: '3',
    });
    expect(moved.status).toBe(303);
    now = new Date(START.getTime() + 59 * DAY);
    expect(await (await staff.get(`/pipeline?event=${w.eventId}`)).text()).not.toContain('badge overdue');
    now = new Date(START.getTime() + 61 * DAY);
    const html = await (await staff.get(`/pipeline?event=${w.eventId}`)).text();
    expect(html).toMatch(/id="col-contract"[\s\S]*badge overdue/);
    now = START;
  });
});
