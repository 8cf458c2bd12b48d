-- Stateless instances (issue #13): uploaded files and outgoing mail live in PostgreSQL, so any
-- instance serves what another stored, and DATA_DIR holds only the embedded database.
-- A blob's content is split into chunks of at most 256 KiB, written and read one at a time, so
-- neither side ever holds a whole 20 MB file in one buffer. Chunks are stored uncompressed
-- (`external`): uploads are PDFs, JPEGs, PNGs and zipped spreadsheets, already compressed.
create table blobs (
  id uuid primary key default gen_random_uuid(),
  sha256 text,
  size_bytes bigint not null default 0,
  content_type text not null default 'application/octet-stream',
  -- False while the chunks are being written: an incomplete blob is never served, and the
  -- orphan sweep removes one a crash left behind.
  complete boolean not null default false,
  created_at timestamptz not null default now()
);
create index blobs_created_idx on blobs (created_at);

create table blob_chunks (
  blob_id uuid not null references blobs (id) on delete cascade,
  n integer not null check (n >= 0),
  bytes bytea not null,
  primary key (blob_id, n)
);
alter table blob_chunks alter column bytes set storage external;

-- Mail written instead of sent (no SMTP_URL): the .eml is a blob; the admin outbox lists these rows.
create table mail_messages (
  id uuid primary key default gen_random_uuid(),
  blob_id uuid not null references blobs (id),
  to_addr text not null,
  subject text not null,
  size_bytes integer not null,
  -- The .eml file name it had on disk, for messages moved in from DATA_DIR/mail (idempotence).
  legacy_name text unique,
  created_at timestamptz not null default now()
);
create index mail_messages_created_idx on mail_messages (created_at desc);
create index mail_messages_blob_idx on mail_messages (blob_id);

-- One row per start that moved files from a DATA_DIR into blobs: what was moved, from where.
create table blob_disk_migrations (
  id bigserial primary key,
  data_dir text not null,
  files integer not null,
  mails integer not null,
  bytes bigint not null,
  finished_at timestamptz not null default now()
);
