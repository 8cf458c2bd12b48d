-- Issue #13: a persisted copy of the in-memory search index, so an instance starting on a
-- million suppliers loads a few hundred megabytes of ready-made columns instead of re-reading
-- and re-indexing every row (a minute and more), then catches up from the snapshot's xmin like
-- any other refresh. Derived data: never backed up, rebuilt whenever it is missing or unusable.
create table index_snapshots (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  format integer not null,
  taxonomy_version text not null,
  -- Every change after the snapshot has a search tx_id at or above this.
  since_xmin xid8 not null,
  documents integer not null,
  size_bytes bigint not null default 0,
  -- False while the chunks are being written: an incomplete snapshot is never read.
  complete boolean not null default false,
  created_at timestamptz not null default now()
);
create index index_snapshots_latest_idx on index_snapshots (name, created_at desc) where complete;

create table index_snapshot_chunks (
  snapshot_id uuid not null references index_snapshots (id) on delete cascade,
  n integer not null check (n >= 0),
  bytes bytea not null,
  primary key (snapshot_id, n)
);
-- Typed arrays and ids: little to gain from TOAST compression, and it would cost time on read.
alter table index_snapshot_chunks alter column bytes set storage external;
