-- From meetings to impact: survey links that can be answered without logging in, the follow-up
-- pipeline of each meeting, and an office's targets per event and per year.

-- One invitation per survey reminder, recipient and meeting: the unique key makes a reminder go
-- once even when its job is retried. The link's token is 32 random bytes; only its sha256 is
-- stored. A link expires and answers once (used_at).
create table survey_invitations (
  id uuid primary key default gen_random_uuid(),
  reminder_id uuid not null references outcome_reminders (id) on delete cascade,
  meeting_id uuid not null references meetings (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  side text not null check (side in ('buyer', 'supplier')),
  wave text not null check (wave in ('3m', '6m')),
  locale text not null check (locale in ('id', 'en')),
  token_hash bytea not null unique check (length(token_hash) = 32),
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now(),
  unique (reminder_id, user_id, meeting_id)
);
create index survey_invitations_meeting_idx on survey_invitations (meeting_id);

-- What a survey answer said beyond the outcome version it became (deal stage, repeat orders,
-- obstacles, help wanted from the office). One per invitation.
create table survey_answers (
  invitation_id uuid primary key references survey_invitations (id) on delete cascade,
  version_id uuid references outcome_versions (id) on delete set null,
  stage text not null check (stage in ('contacted', 'sample', 'trial', 'contract', 'repeat', 'dropped')),
  value_idr bigint check (value_idr between 0 and 1000000000000000000),
  volume text check (length(volume) <= 200),
  repeat_orders integer check (repeat_orders between 0 and 1000),
  obstacles text check (length(obstacles) <= 1000),
  help_wanted text[] not null default '{}',
  help_note text check (length(help_note) <= 1000),
  answered_at timestamptz not null default now()
);

-- The follow-up pipeline: one item per meeting, in one stage at a time, since stage_at. `revision`
-- guards concurrent moves (a move names the revision it saw).
create table followup_items (
  meeting_id uuid primary key references meetings (id) on delete cascade,
  stage text not null check (stage in ('contacted', 'sample', 'trial', 'contract', 'repeat', 'dropped')),
  stage_at timestamptz not null,
  revision integer not null default 1 check (revision > 0),
  updated_by uuid references users (id) on delete set null
);
create index followup_items_stage_idx on followup_items (stage, stage_at);

create table followup_moves (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references meetings (id) on delete cascade,
  from_stage text,
  to_stage text not null,
  moved_by uuid references users (id) on delete set null,
  side text not null check (side in ('buyer', 'supplier', 'official')),
  at timestamptz not null
);
create index followup_moves_meeting_idx on followup_moves (meeting_id, at);

-- An office's targets: per event or per calendar year (exactly one of them).
create table office_targets (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null references organizations (id) on delete cascade,
  event_id uuid references events (id) on delete cascade,
  year integer check (year between 2000 and 2100),
  meetings_held integer check (meetings_held >= 0),
  deals integer check (deals >= 0),
  mous integer check (mous >= 0),
  value_idr bigint check (value_idr between 0 and 1000000000000000000),
  ikm_verified integer check (ikm_verified >= 0),
  ikm_certified integer check (ikm_certified >= 0),
  updated_by uuid references users (id) on delete set null,
  updated_at timestamptz not null default now(),
  check ((event_id is null) <> (year is null))
);
create unique index office_targets_event_key on office_targets (office_id, event_id) where event_id is not null;
create unique index office_targets_year_key on office_targets (office_id, year) where year is not null;
