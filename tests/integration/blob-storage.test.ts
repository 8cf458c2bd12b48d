import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDiskFiles } from '../../src/files/disk-migration.js';
import { countDiskMigrations } from '../../src/files/migration-repo.js';
import { blobStore, CHUNK_BYTES, readBlob, rechunk } from '../../src/files/storage.js';
import { createLogger } from '../../src/logger.js';
import { listMailFiles, readMailFile } from '../../src/mail/mailer.js';
import { createTestDb, type TestDb } from '../helpers/db.js';

let db: TestDb;
const logger = createLogger('silent');

beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.drop());

/** `total` bytes as a stream of odd-sized parts, like a socket delivers them. */
async function* parts(bytes: Buffer, size = 10_007): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describe('blob storage in PostgreSQL', () => {
  it('stores a stream in chunks of at most 256 KiB and streams it back chunk by chunk', async () => {
    const bytes = randomBytes(3 * CHUNK_BYTES + 12_345);
    const store = blobStore(db.sql);
    const stat = await store.put(parts(bytes), { contentType: 'application/pdf' });
    expect(stat.size).toBe(bytes.length);
    const [row] = await db.sql<{ n: number; max: number }[]>`
      select count(*)::int as n, max(length(bytes))::int as max from blob_chunks where blob_id = ${stat.id}`;
    expect(row).toEqual({ n: 4, max: CHUNK_BYTES });
    const chunks: Buffer[] = [];
    for await (const c of (await store.get(stat.id))!) chunks.push(c);
    expect(chunks.map((c) => c.length)).toEqual([CHUNK_BYTES, CHUNK_BYTES, CHUNK_BYTES, 12_345]);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    const again = await store.stat(stat.id);
    expect(again).toMatchObject({ size: bytes.length, contentType: 'application/pdf', sha256: stat.sha256 });
    expect(stat.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stores an empty file as a blob without chunks', async () => {
    const stat = await blobStore(db.sql).put(new Uint8Array(0));
    expect(stat.size).toBe(0);
    expect((await readBlob(db.sql, stat.id)).length).toBe(0);
  });

  it('answers null for unknown, malformed and unfinished blobs, and deletes chunks with the blob', async () => {
    const store = blobStore(db.sql);
    expect(await store.get(randomUUID())).toBeNull();
    expect(await store.get('../../etc/passwd')).toBeNull();
    const [unfinished] = await db.sql<{ id: string }[]>`insert into blobs default values returning id`;
    expect(await store.get(unfinished!.id)).toBeNull();
    const stat = await store.put(randomBytes(CHUNK_BYTES + 1));
    await store.delete(stat.id);
    expect(await store.stat(stat.id)).toBeNull();
    expect(await db.sql`select 1 from blob_chunks where blob_id = ${stat.id}`).toHaveLength(0);
  });

  it('re-slices parts of any size into exact chunks', async () => {
    const out: number[] = [];
    for await (const c of rechunk(parts(Buffer.alloc(25), 7), 10)) out.push(c.byteLength);
    expect(out).toEqual([10, 10, 5]);
  });
});

describe('moving DATA_DIR files into PostgreSQL on start', () => {
  let dataDir: string;
  const key = `${'ab'}/ab${randomUUID().slice(2)}`;
  const content = randomBytes(CHUNK_BYTES * 2 + 99);
  let fileId: string;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pasok-disk-'));
    await fs.mkdir(path.join(dataDir, 'uploads', 'ab'), { recursive: true });
    await fs.writeFile(path.join(dataDir, 'uploads', key), content);
    const stray = path.join(dataDir, 'uploads', 'ab', randomUUID());
    await fs.writeFile(stray, 'orphan');
    await fs.utimes(stray, new Date(0), new Date(0));
    await fs.mkdir(path.join(dataDir, 'mail'));
    await fs.writeFile(
      path.join(dataDir, 'mail', '2026-01-02T03-04-05-000Z-abcd1234.eml'),
      'From: pasok@example.test\nTo: ana@example.test\nSubject: Halo\n\nIsi surel.\n',
    );
    const [f] = await db.sql<{ id: string }[]>`
      insert into files (purpose, filename, mime, size_bytes, sha256, storage_key)
      values ('evidence', 'old.pdf', 'application/pdf', ${content.length}, 'x', ${key}) returning id`;
    fileId = f!.id;
  });
  afterAll(() => fs.rm(dataDir, { recursive: true, force: true }));

  it('moves uploads and mail once, even when two instances start together, and leaves DATA_DIR empty', async () => {
    const [a, b] = await Promise.all([
      migrateDiskFiles({ sql: db.sql, dataDir, logger }),
      migrateDiskFiles({ sql: db.sql, dataDir, logger }),
    ]);
    expect(a.files + b.files).toBe(1);
    expect(a.mails + b.mails).toBe(1);
    expect(a.orphans + b.orphans).toBe(1);
    const [row] = await db.sql<{ storageKey: string }[]>`select storage_key from files where id = ${fileId}`;
    expect(row!.storageKey).not.toBe(key);
    expect((await readBlob(db.sql, row!.storageKey)).equals(content)).toBe(true);
    const mail = await listMailFiles(db.sql);
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ to: 'ana@example.test', subject: 'Halo' });
    expect(await readMailFile(db.sql, mail[0]!.name)).toContain('Isi surel.');
    expect(await fs.readdir(dataDir)).toEqual([]);
    expect(await countDiskMigrations(db.sql)).toBe(1);
  });

  it('does nothing on the next start', async () => {
    expect(await migrateDiskFiles({ sql: db.sql, dataDir, logger })).toEqual({
      files: 0,
      mails: 0,
      bytes: 0,
      orphans: 0,
    });
    expect(await countDiskMigrations(db.sql)).toBe(1);
    const [n] = await db.sql<{ n: number }[]>`select count(*)::int as n from mail_messages`;
    expect(n!.n).toBe(1);
  });
});
