-- RFQ attachments, structured quotes and awards (issue #12). A need carries drawings and
-- specifications; each supplier keeps one live quote per need (revisions bump `version` and keep
-- the earlier ones in need_quote_versions); the buyer awards one quote, which closes the need
-- with the winning supplier and value. The award columns are set together or not at all.

-- Files get two more purposes. The list is read from the current constraint, so purposes other
-- migrations added before this one survive.
do $$
declare
  current text;
  purposes text[];
begin
  select pg_get_constraintdef(oid) into current from pg_constraint
  where conrelid = 'files'::regclass and conname = 'files_purpose_check';
  select array_agg(distinct m[1]) into purposes
  from regexp_matches(coalesce(current, ''), '''([a-z_]+)''', 'g') as m;
  purposes := array(select distinct unnest(coalesce(purposes, '{}') || array['evidence', 'photo', 'portfolio', 'import', 'mou', 'rfq', 'quote']));
  alter table files drop constraint if exists files_purpose_check;
  execute format('alter table files add constraint files_purpose_check check (purpose = any (%L::text[]))', purposes);
end $$;

create table need_attachments (
  need_id uuid not null references needs (id) on delete cascade,
  file_id uuid not null references files (id) on delete cascade,
  added_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (need_id, file_id)
);
create index need_attachments_file_idx on need_attachments (file_id);

create table need_quotes (
  id uuid primary key default gen_random_uuid(),
  need_id uuid not null references needs (id) on delete cascade,
  supplier_id uuid not null references suppliers (organization_id) on delete cascade,
  unit_price_idr bigint not null check (unit_price_idr between 1 and 1000000000000000),
  min_order numeric(14, 2) not null check (min_order > 0),
  lead_time_days integer not null check (lead_time_days between 1 and 730),
  valid_until date not null,
  notes text check (length(notes) <= 2000),
  file_id uuid references files (id) on delete set null,
  version integer not null default 1 check (version > 0),
  submitted_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- One live quote per supplier and need; a revision updates it.
  unique (need_id, supplier_id)
);
create index need_quotes_file_idx on need_quotes (file_id) where file_id is not null;

-- Earlier versions of a quote, as they were before each revision.
create table need_quote_versions (
  quote_id uuid not null references need_quotes (id) on delete cascade,
  version integer not null,
  unit_price_idr bigint not null,
  min_order numeric(14, 2) not null,
  lead_time_days integer not null,
  valid_until date not null,
  notes text,
  file_id uuid references files (id) on delete set null,
  created_at timestamptz not null,
  primary key (quote_id, version)
);

alter table needs
  add column awarded_quote_id uuid references need_quotes (id) on delete set null,
  add column awarded_supplier_id uuid references suppliers (organization_id) on delete set null,
  add column award_value_idr bigint check (award_value_idr >= 0),
  add column awarded_at timestamptz,
  add column awarded_by uuid references users (id) on delete set null,
  add constraint needs_award_closed check (awarded_at is null or (status = 'closed' and close_reason = 'awarded'));
create index needs_awarded_idx on needs (awarded_at) where awarded_at is not null;
