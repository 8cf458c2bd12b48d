-- Supplier data: taxonomy, regions, estates, supplier profiles, certifications, contacts,
-- files, verification, imports. Search-specific structures come in a later migration.

create table regions (
  code text primary key,
  kind text not null check (kind in ('province', 'regency')),
  name text not null,
  province_code text references regions (code),
  check ((kind = 'province') = (province_code is null))
);
create index regions_province_idx on regions (province_code);

create table taxonomy_terms (
  kind text not null check (kind in ('process', 'material', 'product', 'equipment', 'product_category', 'sector', 'certification', 'kbli')),
  slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  label_id text not null,
  label_en text not null,
  synonyms_id text[] not null default '{}',
  synonyms_en text[] not null default '{}',
  parent_slug text,
  active boolean not null default true,
  updated_at timestamptz not null default now(),
  primary key (kind, slug)
);

create table estates (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text not null,
  regency_code text not null references regions (code),
  lat double precision not null check (lat between -11 and 6),
  lon double precision not null check (lon between 95 and 141),
  description_id text,
  description_en text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table estate_tenants (
  estate_id uuid not null references estates (id) on delete cascade,
  organization_id uuid not null references organizations (id) on delete cascade,
  primary key (estate_id, organization_id)
);

-- Uploaded files. Private by default; served only through an authorising route, by id.
create table files (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid references organizations (id) on delete cascade,
  purpose text not null check (purpose in ('evidence', 'photo', 'portfolio', 'import', 'mou')),
  filename text not null,
  mime text not null,
  size_bytes integer not null check (size_bytes >= 0),
  sha256 text not null,
  storage_key text not null unique,
  is_public boolean not null default false,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now()
);

-- One supplier profile per organisation of kind 'supplier'.
create table suppliers (
  organization_id uuid primary key references organizations (id) on delete cascade,
  legal_name text not null check (length(legal_name) between 2 and 200),
  trading_name text,
  name_norm text not null,
  nib text check (nib ~ '^[0-9]{13}$'),
  kbli text[] not null default '{}',
  year_founded integer check (year_founded between 1900 and 2100),
  employees integer check (employees between 0 and 1000000),
  description_id text,
  description_en text,
  province_code text references regions (code),
  regency_code text references regions (code),
  address text,
  lat double precision check (lat between -11 and 6),
  lon double precision check (lon between 95 and 141),
  processes text[] not null default '{}',
  materials text[] not null default '{}',
  product_categories text[] not null default '{}',
  sectors text[] not null default '{}',
  products text,
  machines jsonb not null default '[]'::jsonb,
  capacity_amount numeric(14, 2) check (capacity_amount >= 0),
  capacity_unit text,
  max_part text,
  status text not null default 'draft' check (status in ('draft', 'submitted', 'verified', 'rejected', 'suspended')),
  status_reason text,
  verified_at timestamptz,
  verified_by uuid references users (id) on delete set null,
  needs_review boolean not null default false,
  binaan_of uuid references organizations (id) on delete set null,
  claimed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((lat is null) = (lon is null))
);
create unique index suppliers_nib_key on suppliers (nib) where nib is not null;
-- Import matching without NIB: normalized name + regency is unique among suppliers that have no NIB.
create unique index suppliers_name_regency_key on suppliers (name_norm, coalesce(regency_code, '')) where nib is null;
create index suppliers_status_idx on suppliers (status, updated_at desc);
create index suppliers_binaan_idx on suppliers (binaan_of);
create index suppliers_regency_idx on suppliers (regency_code);
create index suppliers_name_trgm_idx on suppliers using gin (name_norm gin_trgm_ops);

create table supplier_certifications (
  id uuid primary key default gen_random_uuid(),
  supplier_id uuid not null references suppliers (organization_id) on delete cascade,
  type text not null,
  number text,
  issuer text,
  valid_until date,
  tkdn_percent numeric(5, 2) check (tkdn_percent between 0 and 100),
  evidence_file_id uuid references files (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index supplier_certifications_supplier_idx on supplier_certifications (supplier_id);

create table supplier_contacts (
  id uuid primary key default gen_random_uuid(),
  supplier_id uuid not null references suppliers (organization_id) on delete cascade,
  name text not null,
  role text,
  phone text,
  email text,
  position integer not null default 0
);
create index supplier_contacts_supplier_idx on supplier_contacts (supplier_id);

create table supplier_media (
  supplier_id uuid not null references suppliers (organization_id) on delete cascade,
  file_id uuid not null references files (id) on delete cascade,
  kind text not null check (kind in ('photo', 'portfolio')),
  caption text,
  position integer not null default 0,
  primary key (supplier_id, file_id)
);

-- One-time links through which an IKM claims a profile imported by a facilitator.
create table supplier_claims (
  id uuid primary key default gen_random_uuid(),
  supplier_id uuid not null references suppliers (organization_id) on delete cascade,
  token_hash text not null unique,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  used_by uuid references users (id) on delete set null
);

create table imports (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id) on delete cascade,
  created_by uuid references users (id) on delete set null,
  file_id uuid references files (id) on delete set null,
  filename text not null,
  status text not null default 'pending' check (status in ('pending', 'running', 'done', 'failed')),
  mapping jsonb not null default '{}'::jsonb,
  headers text[] not null default '{}',
  total_rows integer not null default 0,
  processed_rows integer not null default 0,
  created integer not null default 0,
  updated integer not null default 0,
  unchanged integer not null default 0,
  rejected integer not null default 0,
  errors jsonb not null default '[]'::jsonb,
  failure text,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz
);
create index imports_org_idx on imports (organization_id, created_at desc);

-- Column mappings remembered per uploader and header layout.
create table import_mappings (
  user_id uuid not null references users (id) on delete cascade,
  header_signature text not null,
  mapping jsonb not null,
  updated_at timestamptz not null default now(),
  primary key (user_id, header_signature)
);
