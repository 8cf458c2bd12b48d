-- Foundation: extensions later features need, identity, organisations, sessions, tokens, rate limits, audit.
create extension if not exists pg_trgm;
create extension if not exists cube;
create extension if not exists earthdistance;
create extension if not exists btree_gist;
create extension if not exists unaccent;

create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  name text not null,
  password_hash text not null,
  platform_role text check (platform_role in ('admin', 'facilitator')),
  locale text not null default 'id' check (locale in ('id', 'en')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_email_key on users (lower(email));

-- Read and written by lucia's PostgreSQL adapter: id, user_id, expires_at are its columns.
create table user_sessions (
  id text primary key,
  user_id uuid not null references users (id) on delete cascade,
  expires_at timestamptz not null,
  created_at timestamptz not null default now(),
  user_agent text
);
create index user_sessions_user_id_idx on user_sessions (user_id);

create table organizations (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  kind text not null check (kind in ('supplier', 'buyer', 'facilitator')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index organizations_name_trgm_idx on organizations using gin (name gin_trgm_ops);

create table memberships (
  organization_id uuid not null references organizations (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  role text not null check (role in ('owner', 'member')),
  created_at timestamptz not null default now(),
  primary key (organization_id, user_id)
);
create index memberships_user_id_idx on memberships (user_id);

create table org_invites (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id) on delete cascade,
  token_hash text not null unique,
  role text not null default 'member' check (role in ('owner', 'member')),
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  used_by uuid references users (id) on delete set null
);
create index org_invites_org_idx on org_invites (organization_id);

create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  name text not null,
  token_hash text not null unique,
  prefix text not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_tokens_user_idx on api_tokens (user_id);

-- Fixed-window counters shared by every app instance (login throttling).
create table rate_limits (
  key text primary key,
  window_start timestamptz not null,
  hits integer not null
);

create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_user_id uuid references users (id) on delete set null,
  organization_id uuid references organizations (id) on delete set null,
  entity text not null,
  entity_id text not null,
  action text not null,
  changes jsonb not null default '{}'::jsonb
);
create index audit_log_entity_idx on audit_log (entity, entity_id, at desc);
create index audit_log_org_idx on audit_log (organization_id, at desc);
