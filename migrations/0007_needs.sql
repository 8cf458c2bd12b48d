-- Sourcing needs (RFQ) of buyer organisations, the suppliers invited to invited-only needs, supplier
-- responses (one per supplier and need), the buyer's shortlist, which suppliers were told about a
-- need, and saved supplier searches with their daily digest. Matches themselves are not stored:
-- they are computed on demand from the current supplier data, so they can never be stale.

create table needs (
  id uuid primary key default gen_random_uuid(),
  buyer_org_id uuid not null references organizations (id) on delete cascade,
  title_id text check (length(title_id) between 3 and 200),
  title_en text check (length(title_en) between 3 and 200),
  description_id text check (length(description_id) <= 5000),
  description_en text check (length(description_en) <= 5000),
  sector text,
  product_category text,
  processes text[] not null default '{}',
  materials text[] not null default '{}',
  required_certs text[] not null default '{}',
  preferred_certs text[] not null default '{}',
  min_tkdn numeric(5, 2) check (min_tkdn between 0 and 100),
  quantity numeric(14, 2) check (quantity > 0),
  unit text check (length(unit) between 1 and 20),
  frequency text check (frequency in ('once', 'monthly', 'yearly')),
  target_price_idr bigint check (target_price_idr >= 0),
  estate_id uuid references estates (id) on delete restrict,
  delivery_lat double precision check (delivery_lat between -11 and 6),
  delivery_lon double precision check (delivery_lon between 95 and 141),
  max_distance_km double precision check (max_distance_km > 0 and max_distance_km <= 5000),
  response_deadline date,
  visibility text not null default 'public' check (visibility in ('public', 'invited')),
  status text not null default 'draft' check (status in ('draft', 'open', 'closed')),
  close_reason text check (close_reason in ('awarded', 'cancelled')),
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  opened_at timestamptz,
  closed_at timestamptz,
  check (title_id is not null or title_en is not null),
  check ((delivery_lat is null) = (delivery_lon is null)),
  check (estate_id is not null or delivery_lat is not null),
  check ((status = 'closed') = (close_reason is not null)),
  check ((quantity is null) = (unit is null))
);
create index needs_buyer_idx on needs (buyer_org_id, updated_at desc);
create index needs_open_idx on needs (opened_at desc) where status = 'open';

create table need_invitations (
  need_id uuid not null references needs (id) on delete cascade,
  supplier_id uuid not null references suppliers (organization_id) on delete cascade,
  invited_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (need_id, supplier_id)
);
create index need_invitations_supplier_idx on need_invitations (supplier_id);

-- One response per supplier and need: interested (message, optional indicative price) or not.
create table need_responses (
  id uuid primary key default gen_random_uuid(),
  need_id uuid not null references needs (id) on delete cascade,
  supplier_id uuid not null references suppliers (organization_id) on delete cascade,
  interested boolean not null,
  message text check (length(message) <= 2000),
  indicative_price_idr bigint check (indicative_price_idr >= 0),
  reason text check (length(reason) <= 500),
  responded_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (need_id, supplier_id),
  check (interested or reason is not null),
  check (not interested or reason is null)
);
create index need_responses_supplier_idx on need_responses (supplier_id);

create table need_shortlist (
  need_id uuid not null references needs (id) on delete cascade,
  supplier_id uuid not null references suppliers (organization_id) on delete cascade,
  added_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (need_id, supplier_id)
);

-- Suppliers already told about a need, so re-running the match job never notifies twice.
create table need_match_notices (
  need_id uuid not null references needs (id) on delete cascade,
  supplier_id uuid not null references suppliers (organization_id) on delete cascade,
  score real not null,
  notified_at timestamptz not null default now(),
  primary key (need_id, supplier_id)
);

-- A supplier search kept by a user: the canonical query string of /suppliers. The digest covers
-- suppliers verified after `digested_until` and moves it forward in the same transaction.
create table saved_searches (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  name text not null check (length(name) between 1 and 100),
  query text not null check (length(query) <= 2000),
  created_at timestamptz not null default now(),
  digested_until timestamptz not null,
  unique (user_id, name)
);

-- Self-rescheduling daily jobs: the next run is enqueued only when none is pending, so restarts
-- and retries never start a second chain.
create table job_schedule (
  name text primary key,
  next_run_at timestamptz
);
insert into job_schedule (name) values ('saved-search-digest');
