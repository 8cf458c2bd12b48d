import type { Db } from '../db/client.js';

export interface MailRow {
  id: string;
  blobId: string;
  toAddr: string;
  subject: string;
  sizeBytes: number;
  createdAt: Date;
}

/** Records a written mail whose .eml is already a blob. A legacy name that is already known is skipped (null). */
export async function insertMail(
  db: Db,
  m: {
    blobId: string;
    to: string;
    subject: string;
    sizeBytes: number;
    legacyName?: string;
    createdAt?: Date;
  },
): Promise<string | null> {
  const [row]: [{ id: string }?] = await db`
    insert into mail_messages (blob_id, to_addr, subject, size_bytes, legacy_name, created_at)
    values (${m.blobId}, ${m.to}, ${m.subject}, ${m.sizeBytes}, ${m.legacyName ?? null}, ${m.createdAt ?? new Date()})
    on conflict (legacy_name) do nothing
    returning id`;
  return row?.id ?? null;
}

/** Newest first, for the admin outbox. */
export function listMail(db: Db, limit: number): Promise<MailRow[]> {
  return db<MailRow[]>`
    select id, blob_id, to_addr, subject, size_bytes, created_at from mail_messages
    order by created_at desc, id limit ${limit}`;
}

export async function findMail(db: Db, id: string): Promise<MailRow | null> {
  const [row]: [MailRow?] = await db`
    select id, blob_id, to_addr, subject, size_bytes, created_at from mail_messages where id = ${id}`;
  return row ?? null;
}

/** True when a mail moved in from this legacy .eml name is already recorded. */
export async function hasLegacyMail(db: Db, legacyName: string): Promise<boolean> {
  const [row] = await db`select 1 from mail_messages where legacy_name = ${legacyName}`;
  return row !== undefined;
}
