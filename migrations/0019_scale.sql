-- Scale-out: the search outbox is drained without a transaction held across Meilisearch task
-- waits, and documents Meilisearch rejects are set aside instead of failing their batch forever.

-- One drainer at a time across app instances and cluster workers, as a lease rather than a lock
-- held open: the owner renews it per batch, and a crashed owner's lease simply runs out.
alter table search_state
  add column drain_owner text,
  add column drain_until timestamptz;

-- Documents Meilisearch refused, with its error; the supplier's next change queues it again.
create table search_dead_letter (
  id bigint generated always as identity primary key,
  supplier_id uuid not null,
  error text not null,
  document jsonb,
  failed_at timestamptz not null default now()
);
create index search_dead_letter_supplier_idx on search_dead_letter (supplier_id);
