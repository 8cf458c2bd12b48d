import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectOrphans, ensureGcScheduled, filesGcHandler, nextGcAt } from '../../src/files/gc.js';
import { ORPHAN_GRACE_MS } from '../../src/files/limits.js';
import { blobStore, saveBlob } from '../../src/files/storage.js';
import { storeMail } from '../../src/mail/mailer.js';
import { api, createTestApp, type TestApp } from '../helpers/app.js';
import { makeUserWithToken } from '../helpers/factories.js';
import { PNG } from '../unit/files/fixtures.js';

let t: TestApp;
let orgId: string;
const HOUR = 60 * 60 * 1000;

beforeAll(async () => {
  t = await createTestApp();
  const u = await makeUserWithToken(t.db.sql, { org: { name: 'CV Sapu Bersih', kind: 'supplier' } });
  const res = await api(t.app, 'POST', '/api/v1/suppliers', {
    token: u.token,
    body: {
      legal_name: 'CV Sapu Bersih',
      nib: '4000000000001',
      regency_code: '32.13',
      location: { lat: -6.57, lon: 107.76 },
    },
  });
  expect(res.status).toBe(201);
  orgId = u.orgId!;
});
afterAll(() => t.close());

const exists = async (key: string) => (await blobStore(t.db.sql).stat(key)) !== null;

/** A real blob in PostgreSQL, created `ageMs` ago. */
async function blob(ageMs: number): Promise<string> {
  const { storageKey } = await saveBlob(t.db.sql, PNG);
  await t.db.sql`update blobs set created_at = ${new Date(Date.now() - ageMs)} where id = ${storageKey}`;
  return storageKey;
}

/** A file row for a blob, created `ageMs` ago. */
async function row(key: string, purpose: string, ageMs: number): Promise<string> {
  const [r] = await t.db.sql<{ id: string }[]>`
    insert into files (organization_id, purpose, filename, mime, size_bytes, sha256, storage_key, created_at)
    values (${orgId}, ${purpose}, 'x.png', 'image/png', ${PNG.byteLength}, 'x', ${key},
      ${new Date(Date.now() - ageMs)}) returning id`;
  return r!.id;
}

const deps = () => ({ sql: t.db.sql, logger: t.deps.logger });

describe('orphaned file collection', () => {
  it('deletes old unreferenced rows and old unknown blobs, and keeps everything young or referenced (mail too)', async () => {
    const old = ORPHAN_GRACE_MS + HOUR;
    const orphanRowKey = await blob(old);
    const orphanRow = await row(orphanRowKey, 'evidence', old);
    const youngRowKey = await blob(HOUR);
    await row(youngRowKey, 'evidence', HOUR);
    const mediaKey = await blob(old);
    const mediaId = await row(mediaKey, 'photo', old);
    await t.db.sql`
      insert into supplier_media (supplier_id, file_id, kind, position) values (${orgId}, ${mediaId}, 'photo', 0)`;
    const importKey = await blob(old);
    await row(importKey, 'import', old);
    const strayOld = await blob(old);
    const inFlight = await blob(60_000);
    const mailId = await storeMail(t.db.sql, Buffer.from('To: a@example.test\nSubject: Hi\n\nHello'));
    await t.db.sql`update blobs set created_at = ${new Date(Date.now() - old)}
      where id = (select blob_id from mail_messages where id = ${mailId})`;
    const [incomplete] = await t.db.sql<{ id: string }[]>`
      insert into blobs (created_at) values (${new Date(Date.now() - old)}) returning id`;

    expect(await collectOrphans(deps(), new Date())).toEqual({ rows: 1, blobs: 2 });

    expect(await t.db.sql`select 1 from files where id = ${orphanRow}`).toHaveLength(0);
    expect(await exists(orphanRowKey)).toBe(false);
    expect(await exists(strayOld)).toBe(false);
    for (const kept of [youngRowKey, mediaKey, importKey, inFlight]) expect(await exists(kept)).toBe(true);
    expect(await t.db.sql`select 1 from blobs where id = ${incomplete!.id}`).toHaveLength(0);
    expect(await t.db.sql`select 1 from mail_messages where id = ${mailId}`).toHaveLength(1);

    expect(await collectOrphans(deps(), new Date())).toEqual({ rows: 0, blobs: 0 });
  });

  it('collects the young ones too once the grace period has passed', async () => {
    const later = new Date(Date.now() + ORPHAN_GRACE_MS + HOUR);
    const result = await collectOrphans(deps(), later);
    expect(result).toEqual({ rows: 1, blobs: 1 });
  });

  it('runs as a nightly pg-boss job that queues its next night', async () => {
    const jobs = t.deps.jobs!;
    await t.db.sql`update job_schedule set next_run_at = null where name = 'files-gc'`;
    const now = new Date('2026-12-05T20:00:00Z');
    await ensureGcScheduled(t.db.sql, jobs, now);
    await ensureGcScheduled(t.db.sql, jobs, now);
    const [s] = await t.db.sql<
      { nextRunAt: Date }[]
    >`select next_run_at from job_schedule where name = 'files-gc'`;
    expect(s!.nextRunAt.toISOString()).toBe('2026-12-06T19:00:00.000Z');
    expect(nextGcAt(new Date('2026-12-06T18:59:00Z')).toISOString()).toBe('2026-12-06T19:00:00.000Z');
    const [queued] = await t.db.sql<{ n: number }[]>`
      select count(*)::int as n from pgboss.job where name = 'files.gc' and state = 'created'`;
    expect(queued!.n).toBe(1);

    const stray = await blob(ORPHAN_GRACE_MS + HOUR);
    await jobs.send('files.gc', {});
    const handler = filesGcHandler({ ...deps(), jobs, clock: () => new Date() });
    expect(await jobs.drain('files.gc', handler)).toBe(1);
    expect(await exists(stray)).toBe(false);
  });
});
