import { listUserSessions } from '../../src/auth/repo.js';
import { sessionHandle } from '../../src/auth/session.js';
import type { Sql } from '../../src/db/client.js';
import { notify } from '../../src/notifications/service.js';
import { upsertMembership } from '../../src/orgs/repo.js';
import { createEvent, expectJson, register, request } from '../integration/events-fixtures.js';
import { needBody } from '../integration/needs-fixtures.js';
import { PNG } from '../unit/files/fixtures.js';
import { api, ORIGIN, type TestApp, type TestClient } from './app.js';
import { makeUserWithToken } from './factories.js';

/** The actors of the cross-office matrix. `owner` is the IKM that claimed office A's binaan. */
export const ACTORS = ['officeA', 'officeB', 'buyer', 'supplier', 'owner', 'admin', 'anon'] as const;
export type Who = (typeof ACTORS)[number];

type User = Awaited<ReturnType<typeof makeUserWithToken>>;

export interface OfficeWorld {
  users: Record<Exclude<Who, 'anon'>, User>;
  clients: Record<Who, TestClient>;
  /** Office A's unclaimed binaan (draft, one contact, one photo). */
  binaanId: string;
  binaanFileId: string;
  /** Office A's binaan, claimed by `owner` and verified. */
  claimedId: string;
  claimedFileId: string;
  /** The `supplier` actor's self-managed verified profile. */
  supplierId: string;
  /** A supplier organisation of `owner` that has no profile yet. */
  emptyOrgId: string;
  importId: string;
  /** An import of office B's, through which B might try to reach A's binaan. */
  importBId: string;
  /** A draft scheduler run of the event. */
  runId: string;
  /** The buyer's open, public need. */
  needId: string;
  eventId: string;
  slotIds: string[];
  tableId: string;
  /** Participants: buyer, owner's organisation, supplier. */
  participants: { buyer: string; owner: string; supplier: string };
  /** Accepted buyer → owner request, placed as `meetingId`. */
  meetingId: string;
  /** Pending supplier → buyer request. */
  pendingRequestId: string;
  /** Ad-hoc meeting the buyer proposed to the owner's organisation. */
  adhocId: string;
  notificationId: string;
  savedSearchId: string;
  ownerSessionHandle: string;
  ownerTokenId: string;
  /** Erasure requests: the owner's (office A's binaan IKM) and the supplier's (nobody's binaan). */
  ownerErasureId: string;
  supplierErasureId: string;
}

const profile = (name: string, nib: string) => ({
  legal_name: name,
  nib,
  regency_code: '32.13',
  location: { lat: -6.57, lon: 107.76 },
  address: `Jl. ${name} No. 1`,
  contacts: [{ name: `Pemilik ${name}`, phone: '+62 812 3456 7890', email: 'pemilik@example.test' }],
});

async function loggedIn(t: TestApp, u: User): Promise<TestClient> {
  const c = t.client();
  const res = await c.login(u.email, u.password);
  if (res.status !== 303) throw new Error(`login failed: ${res.status}`);
  return c;
}

async function makeActors(t: TestApp) {
  const sql = t.db.sql;
  const office = (n: string) =>
    makeUserWithToken(sql, {
      platformRole: 'facilitator',
      org: { name: `Disperin ${n}`, kind: 'facilitator' },
    });
  const users = {
    officeA: await office('A'),
    officeB: await office('B'),
    buyer: await makeUserWithToken(sql, { org: { name: 'PT Smelter Uji', kind: 'buyer' } }),
    supplier: await makeUserWithToken(sql, { org: { name: 'CV Lain Sendiri', kind: 'supplier' } }),
    owner: await makeUserWithToken(sql),
    admin: await makeUserWithToken(sql, { platformRole: 'admin' }),
  };
  const clients = { anon: t.client() } as Record<Who, TestClient>;
  for (const [k, u] of Object.entries(users)) clients[k as Who] = await loggedIn(t, u);
  return { users, clients };
}

async function uploadPhoto(t: TestApp, c: TestClient, supplierId: string): Promise<string> {
  const res = await sendMultipart(t, c, '/files', { purpose: 'photo', supplier_id: supplierId }, 'file', {
    name: 'bengkel.png',
    type: 'image/png',
    bytes: PNG,
  });
  if (res.status !== 303) throw new Error(`photo upload failed: ${res.status} ${await res.text()}`);
  const [f] = await t.db.sql<{ id: string }[]>`
    select id from files where organization_id = ${supplierId} order by created_at desc limit 1`;
  return f!.id;
}

/** Profiles and files: office A's binaan (one claimed by `owner`), the supplier's own profile. */
async function makeProfiles(t: TestApp, users: OfficeWorld['users'], clients: OfficeWorld['clients']) {
  const sql = t.db.sql;
  const create = async (token: string, body: Record<string, unknown>) =>
    (await expectJson<{ id: string }>(await api(t.app, 'POST', '/api/v1/suppliers', { token, body }), 201))
      .id;
  const binaanId = await create(users.officeA.token, profile('CV Binaan Kantor A', '3200000000001'));
  const claimedId = await create(users.officeA.token, profile('CV Sudah Diklaim', '3200000000002'));
  const supplierId = await create(users.supplier.token, profile('CV Lain Sendiri', '3200000000003'));
  await upsertMembership(sql, claimedId, users.owner.user.id, 'owner');
  await sql`update suppliers set claimed_at = now() where organization_id = ${claimedId}`;
  await sql`update suppliers set status = 'verified', verified_at = now()
    where organization_id in ${sql([claimedId, supplierId])}`;
  const [empty] = await sql<{ id: string }[]>`
    insert into organizations (name, kind) values ('CV Belum Berprofil', 'supplier') returning id`;
  await upsertMembership(sql, empty!.id, users.owner.user.id, 'owner');
  const binaanFileId = await uploadPhoto(t, clients.officeA, binaanId);
  const claimedFileId = await uploadPhoto(t, clients.owner, claimedId);
  return { binaanId, claimedId, supplierId, emptyOrgId: empty!.id, binaanFileId, claimedFileId };
}

/** An event run by office A with buyer, owner and supplier registered; one meeting placed. */
async function makeEvent(t: TestApp, users: OfficeWorld['users'], orgs: { owner: string; supplier: string }) {
  const staff = users.officeA.token;
  const { event, slots } = await createEvent(t, staff, {
    days: [{ date: '2099-12-01', windows: [{ start: '09:00', end: '10:00' }] }],
  });
  const reg = (organization_id: string, name: string, user_id: string) =>
    register(t, staff, event.id, { organization_id, name, user_id });
  const participants = {
    buyer: (await reg(users.buyer.orgId!, 'Hendra', users.buyer.user.id)).id,
    owner: (await reg(orgs.owner, 'Asep', users.owner.user.id)).id,
    supplier: (await reg(orgs.supplier, 'Budi', users.supplier.user.id)).id,
  };
  const accepted = await expectJson<{ id: string }>(
    await request(t, staff, event.id, { from: participants.buyer, to: participants.owner, priority: 2 }),
    201,
  );
  await expectJson(await api(t.app, 'POST', `/api/v1/requests/${accepted.id}/accept`, { token: staff }), 200);
  const meeting = await expectJson<{ id: string }>(
    await api(t.app, 'POST', `/api/v1/events/${event.id}/meetings`, {
      token: staff,
      body: { request_id: accepted.id, slot_id: slots[0]!.id, table_id: event.tables[0]!.id },
    }),
    201,
  );
  const pending = await expectJson<{ id: string }>(
    await request(t, users.supplier.token, event.id, {
      from: participants.supplier,
      to: participants.buyer,
      priority: 1,
    }),
    201,
  );
  return {
    eventId: event.id,
    slotIds: slots.map((s) => s.id),
    tableId: event.tables[0]!.id,
    participants,
    meetingId: meeting.id,
    pendingRequestId: pending.id,
  };
}

async function uploadImport(t: TestApp, token: string): Promise<string> {
  const csv = new TextEncoder().encode('Nama IKM,Kabupaten/Kota\nCV Impor Baru,Kab. Subang\n');
  const res = await sendMultipart(t, null, '/api/v1/imports', {}, 'file', {
    name: 'ikm.csv',
    type: 'text/csv',
    bytes: csv,
    token,
  });
  return (await expectJson<{ id: string }>(res, 201)).id;
}

/** Everything the matrix needs, created the way users would (APIs and forms) where that is cheap. */
export async function buildOfficeWorld(t: TestApp): Promise<OfficeWorld> {
  const sql = t.db.sql;
  const { users, clients } = await makeActors(t);
  const profiles = await makeProfiles(t, users, clients);
  const importId = await uploadImport(t, users.officeA.token);
  const importBId = await uploadImport(t, users.officeB.token);
  const need = await expectJson<{ id: string }>(
    await api(t.app, 'POST', '/api/v1/needs', { token: users.buyer.token, body: needBody() }),
    201,
  );
  await expectJson(
    await api(t.app, 'POST', `/api/v1/needs/${need.id}/open`, { token: users.buyer.token }),
    200,
  );
  const event = await makeEvent(t, users, { owner: profiles.claimedId, supplier: profiles.supplierId });
  const adhoc = await clients.buyer.post('/meetings', {
    from_org: users.buyer.orgId!,
    to_org: profiles.claimedId,
    date: '2099-11-20',
    start: '10:00',
    minutes: '30',
    timezone: 'Asia/Jakarta',
    place: 'Kantor PT Smelter',
    online_url: '',
    message: '',
  });
  if (adhoc.status !== 303) throw new Error(`adhoc failed: ${adhoc.status} ${await adhoc.text()}`);
  const [adhocRow] = await sql<{ id: string }[]>`
    select id from meetings where kind = 'adhoc' order by created_at desc limit 1`;
  await notify(
    sql,
    null,
    { userId: users.owner.user.id, kind: 'test', titleKey: 'nav.home', bodyKey: 'nav.home' },
    ORIGIN,
  );
  const [n] = await sql<
    { id: string }[]
  >`select id from notifications where user_id = ${users.owner.user.id} limit 1`;
  const [s] = await sql<{ id: string }[]>`
    insert into saved_searches (user_id, name, query, digested_until)
    values (${users.owner.user.id}, 'Bubut', 'q=bubut', now()) returning id`;
  const run = await expectJson<{ id: string }>(
    await api(t.app, 'POST', `/api/v1/events/${event.eventId}/schedule`, { token: users.officeA.token }),
    201,
  );
  const [session] = await listUserSessions(sql, users.owner.user.id, new Date());
  const [ownerErasure, supplierErasure] = await sql<{ id: string }[]>`
    insert into erasure_requests (user_id) values (${users.owner.user.id}), (${users.supplier.user.id})
    returning id`;
  return {
    users,
    clients,
    ...profiles,
    importId,
    importBId,
    runId: run.id,
    needId: need.id,
    ...event,
    adhocId: adhocRow!.id,
    notificationId: n!.id,
    savedSearchId: s!.id,
    ownerSessionHandle: sessionHandle(session!.id),
    ownerTokenId: users.owner.tokenId,
    ownerErasureId: ownerErasure!.id,
    supplierErasureId: supplierErasure!.id,
  };
}

/** A multipart POST, as a browser (cookies and Origin) or, with `file.token`, as an API script. */
export async function sendMultipart(
  t: TestApp,
  c: TestClient | null,
  path: string,
  fields: Record<string, string>,
  fileField: string,
  file: { name: string; type: string; bytes: Uint8Array; token?: string },
): Promise<Response> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append(fileField, new File([file.bytes], file.name, { type: file.type }));
  const headers: Record<string, string> = file.token
    ? { authorization: `Bearer ${file.token}` }
    : { origin: ORIGIN, 'x-forwarded-for': c?.ip ?? '10.9.9.9' };
  if (c?.cookies.size) headers.cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return t.app.request(path, { method: 'POST', body: form, headers });
}

/** Tables whose rows change as a side effect of merely being signed in; checked by their ids only. */
const VOLATILE: Record<string, string> = {
  user_sessions: 'id, user_id',
  api_tokens: 'id, user_id, revoked_at',
  rate_limits: '',
  // Reference data no route writes.
  regions: '',
};

/**
 * A fingerprint of every application table (row contents hashed per table), so a refused request
 * can be shown to have changed nothing anywhere, not only in the row it aimed at.
 */
export async function snapshotDb(sql: Sql): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }[]>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'schema_migrations'
    order by 1`;
  const parts = tables
    .filter((x) => VOLATILE[x.name] !== '')
    .map((x) => {
      const cols = VOLATILE[x.name] ?? `${x.name}.*`;
      return `select '${x.name}' as name, md5(coalesce(string_agg(r::text, '|' order by r::text), '')) as hash
        from (select ${cols} from ${x.name}) r`;
    });
  // Table names come from the catalogue, never from input.
  const rows = await sql.unsafe<{ name: string; hash: string }[]>(parts.join(' union all '));
  return Object.fromEntries(rows.map((r) => [r.name, r.hash]));
}
