import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase, countAllRows, restoreDatabase } from '../../src/db/backup.js';
import { connectDb } from '../../src/db/client.js';
import { type EmbeddedDb, startEmbeddedPostgres } from '../../src/db/embedded.js';
import { readBlob, saveBlob } from '../../src/files/storage.js';
import { listMailFiles, storeMail } from '../../src/mail/mailer.js';
import { api, createTestApp, type TestApp } from '../helpers/app.js';
import { makeUserWithToken } from '../helpers/factories.js';

let t: TestApp;
let dir: string;
let fresh: EmbeddedDb;
const bytes = randomBytes(700_000);
let blobId: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pasok-restore-'));
  // The embedded server runs as the postgres user when started by root: it must reach the folder.
  await fs.chmod(dir, 0o755);
  [t, fresh] = await Promise.all([
    createTestApp(),
    startEmbeddedPostgres({ dataDir: path.join(dir, 'data') }),
  ]);
  const u = await makeUserWithToken(t.db.sql, { org: { name: 'CV Cadangan Data', kind: 'supplier' } });
  const res = await api(t.app, 'POST', '/api/v1/suppliers', {
    token: u.token,
    body: {
      legal_name: 'CV Cadangan Data',
      nib: '4000000000077',
      regency_code: '32.13',
      location: { lat: -6.5, lon: 107.7 },
    },
  });
  expect(res.status).toBe(201);
  blobId = (await saveBlob(t.db.sql, bytes, 'application/pdf')).storageKey;
  await storeMail(t.db.sql, Buffer.from('To: ana@example.test\nSubject: Cadangan\n\nIsi.\n'));
}, 180_000);
afterAll(async () => {
  await t?.close();
  await fresh?.stop();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('backup and restore (the drill)', () => {
  const file = () => path.join(dir, 'pasok.backup');

  it('restores a backup into a fresh DATA_DIR with the same rows and the same blob bytes', async () => {
    const written = await backupDatabase(t.db.url, file());
    expect(written.tables.suppliers).toBe(1);
    // The 700 kB file in three chunks, the mail in one.
    expect(written.tables.blob_chunks).toBe(4);
    const restored = await restoreDatabase(fresh.url, file());
    expect(restored.tables).toEqual(written.tables);
    expect(await countAllRows(fresh.url)).toEqual(await countAllRows(t.db.url));
    const db = connectDb(fresh.url);
    try {
      expect((await readBlob(db.sql, blobId)).equals(bytes)).toBe(true);
      expect((await listMailFiles(db.sql)).map((m) => m.subject)).toEqual(['Cadangan']);
      // Sequences continue after the restored rows (no duplicate keys on the next insert).
      await db.sql`insert into search_outbox (supplier_id) values (gen_random_uuid())`;
    } finally {
      await db.close();
    }
  }, 180_000);

  it('refuses to overwrite a database in use, or one with data unless forced', async () => {
    await expect(restoreDatabase(t.db.url, file(), { force: true })).rejects.toThrow(/in use/);
    await expect(restoreDatabase(fresh.url, file())).rejects.toThrow(/not empty/);
    const again = await restoreDatabase(fresh.url, file(), { force: true });
    expect(again.tables.suppliers).toBe(1);
    expect(await countAllRows(fresh.url)).toEqual(await countAllRows(t.db.url));
  }, 120_000);

  it('refuses a file that is not a backup, before touching the data', async () => {
    const bogus = path.join(dir, 'bogus.backup');
    await fs.writeFile(bogus, 'hello');
    await expect(restoreDatabase(fresh.url, bogus, { force: true })).rejects.toThrow();
    expect((await countAllRows(fresh.url)).suppliers).toBe(1);
  });
});
