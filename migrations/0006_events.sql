-- Temu usaha: events with slots and tables, participants and their unavailability, meeting
-- requests, meetings (at an event, or ad hoc), the attendee rows that make double-booking
-- impossible, and scheduler runs kept for preview before publishing.

create table events (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 2 and 200),
  organizer_id uuid references organizations (id) on delete set null,
  venue text not null check (length(venue) between 2 and 300),
  estate_id uuid references estates (id) on delete set null,
  timezone text not null check (timezone in ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura')),
  -- [{"date":"YYYY-MM-DD","windows":[{"start":"09:00","end":"12:00"}]}] in the event's wall-clock time.
  days jsonb not null,
  slot_minutes integer not null check (slot_minutes between 5 and 240),
  break_minutes integer not null default 0 check (break_minutes between 0 and 120),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  registration_opens_at timestamptz,
  registration_closes_at timestamptz,
  request_deadline timestamptz,
  request_quota integer not null default 10 check (request_quota between 1 and 500),
  published_at timestamptz,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at > starts_at),
  check (registration_opens_at is null or registration_closes_at is null or registration_closes_at > registration_opens_at)
);
create index events_starts_idx on events (starts_at desc);

create table event_slots (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references events (id) on delete cascade,
  position integer not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  check (ends_at > starts_at),
  unique (event_id, position),
  unique (event_id, id)
);

create table event_tables (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references events (id) on delete cascade,
  position integer not null,
  name text not null check (length(name) between 1 and 60),
  unique (event_id, position),
  unique (event_id, name),
  unique (event_id, id)
);

-- A participant is one representative of a buyer or supplier organisation. `user_id` links the
-- representative's login when there is one (their agenda mail goes there, and ad-hoc meetings
-- of that person cannot overlap the event's meetings).
create table event_participants (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references events (id) on delete cascade,
  organization_id uuid not null references organizations (id) on delete cascade,
  user_id uuid references users (id) on delete set null,
  name text not null check (length(name) between 2 and 160),
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  registered_by uuid references users (id) on delete set null,
  decided_by uuid references users (id) on delete set null,
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  unique (event_id, id)
);
create unique index event_participants_user_key on event_participants (event_id, user_id) where user_id is not null;
create unique index event_participants_name_key on event_participants (event_id, organization_id, lower(name));
create index event_participants_org_idx on event_participants (organization_id);

create table event_unavailability (
  event_id uuid not null,
  participant_id uuid not null,
  slot_id uuid not null,
  primary key (participant_id, slot_id),
  foreign key (event_id, participant_id) references event_participants (event_id, id) on delete cascade,
  foreign key (event_id, slot_id) references event_slots (event_id, id) on delete cascade
);

-- 'expired' is not stored: a pending request past the event's deadline reads as expired.
create table meeting_requests (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references events (id) on delete cascade,
  from_participant_id uuid not null,
  to_participant_id uuid not null,
  priority smallint not null check (priority between 1 and 3),
  message text not null default '' check (length(message) <= 1000),
  status text not null default 'pending' check (status in ('pending', 'accepted', 'declined')),
  mutual boolean not null default false,
  created_by uuid references users (id) on delete set null,
  responded_by uuid references users (id) on delete set null,
  responded_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (from_participant_id <> to_participant_id),
  foreign key (event_id, from_participant_id) references event_participants (event_id, id) on delete cascade,
  foreign key (event_id, to_participant_id) references event_participants (event_id, id) on delete cascade,
  unique (event_id, id)
);
-- One request per unordered pair and event: concurrent A→B and B→A cannot both insert, so the
-- second one finds the first and merges into it.
create unique index meeting_requests_pair_key on meeting_requests (
  event_id, least(from_participant_id, to_participant_id), greatest(from_participant_id, to_participant_id)
);
create index meeting_requests_from_idx on meeting_requests (from_participant_id, status);
create index meeting_requests_to_idx on meeting_requests (to_participant_id, status);

-- Event meetings: one row per request, kept when cancelled (with its last times) so a calendar
-- feed can carry the cancellation under the same UID; `sequence` is the iCalendar SEQUENCE.
-- Ad-hoc meetings: proposed by a user for one of their organisations to another organisation;
-- whoever accepts on the other side becomes the counterpart.
create table meetings (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('event', 'adhoc')),
  event_id uuid references events (id) on delete cascade,
  request_id uuid,
  slot_id uuid,
  table_id uuid,
  status text not null check (status in ('proposed', 'scheduled', 'declined', 'cancelled')),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  timezone text not null,
  locked boolean not null default false,
  sequence integer not null default 0,
  attendance text check (attendance in ('held', 'no_show_a', 'no_show_b', 'no_show_both')),
  attendance_at timestamptz,
  attendance_by uuid references users (id) on delete set null,
  proposer_user_id uuid references users (id) on delete set null,
  proposer_org_id uuid references organizations (id) on delete cascade,
  counterpart_org_id uuid references organizations (id) on delete cascade,
  counterpart_user_id uuid references users (id) on delete set null,
  place text check (length(place) <= 300),
  online_url text check (length(online_url) <= 500),
  message text check (length(message) <= 1000),
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at > starts_at),
  foreign key (event_id, request_id) references meeting_requests (event_id, id) on delete cascade,
  foreign key (event_id, slot_id) references event_slots (event_id, id),
  foreign key (event_id, table_id) references event_tables (event_id, id),
  check (kind <> 'event' or (event_id is not null and request_id is not null and status in ('scheduled', 'cancelled'))),
  check (kind <> 'event' or ((status = 'scheduled') = (slot_id is not null and table_id is not null))),
  check (kind <> 'adhoc' or (event_id is null and proposer_org_id is not null and counterpart_org_id is not null)),
  constraint meetings_table_slot_key unique (event_id, slot_id, table_id) deferrable initially immediate
);
create unique index meetings_request_key on meetings (request_id) where request_id is not null;
create index meetings_event_idx on meetings (event_id, status);
create index meetings_adhoc_orgs_idx on meetings (proposer_org_id, counterpart_org_id) where kind = 'adhoc';

-- Who occupies which time, one row per side of every scheduled meeting, maintained by the trigger
-- below (never written by the application). The unique constraint forbids a participant in two
-- meetings of the same slot; the exclusion forbids overlapping meetings of the same person
-- (user) across events and ad-hoc meetings. Both are deferrable so a swap can pass through an
-- intermediate state inside one transaction; they are checked per statement otherwise.
create table meeting_attendees (
  meeting_id uuid not null references meetings (id) on delete cascade,
  side text not null check (side in ('a', 'b')),
  event_id uuid,
  slot_id uuid,
  participant_id uuid,
  user_id uuid references users (id) on delete cascade,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  primary key (meeting_id, side),
  foreign key (event_id, participant_id) references event_participants (event_id, id) on delete cascade,
  foreign key (event_id, slot_id) references event_slots (event_id, id),
  check ((event_id is null) = (slot_id is null) and (event_id is null) = (participant_id is null)),
  check (event_id is not null or user_id is not null),
  constraint meeting_attendees_slot_key unique (event_id, slot_id, participant_id) deferrable initially immediate,
  constraint meeting_attendees_no_overlap exclude using gist (
    user_id with =, tstzrange(starts_at, ends_at) with &&
  ) where (user_id is not null) deferrable initially immediate
);
create index meeting_attendees_participant_idx on meeting_attendees (participant_id);

create function sync_meeting_attendees() returns trigger language plpgsql as $$
begin
  delete from meeting_attendees where meeting_id = new.id;
  if new.status <> 'scheduled' then
    return null;
  end if;
  if new.kind = 'event' then
    insert into meeting_attendees (meeting_id, side, event_id, slot_id, participant_id, user_id, starts_at, ends_at)
    select new.id, s.side, new.event_id, new.slot_id, p.id, p.user_id, new.starts_at, new.ends_at
    from meeting_requests r
    cross join lateral (values ('a', r.from_participant_id), ('b', r.to_participant_id)) as s (side, pid)
    join event_participants p on p.id = s.pid
    where r.id = new.request_id;
  else
    insert into meeting_attendees (meeting_id, side, user_id, starts_at, ends_at)
    select new.id, s.side, s.uid, new.starts_at, new.ends_at
    from (values ('a', new.proposer_user_id), ('b', new.counterpart_user_id)) as s (side, uid)
    where s.uid is not null;
  end if;
  return null;
end
$$;

create trigger meetings_sync_attendees
  after insert or update of status, slot_id, starts_at, ends_at, request_id, proposer_user_id, counterpart_user_id
  on meetings for each row execute function sync_meeting_attendees();

-- A scheduler run: the solution as computed, kept as a draft until a facilitator publishes it.
-- `instance_hash` fingerprints the input; a run whose input has changed since cannot be published.
create table schedule_runs (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references events (id) on delete cascade,
  status text not null default 'draft' check (status in ('draft', 'published', 'superseded')),
  instance_hash text not null,
  solution jsonb not null,
  objective integer not null,
  scheduled integer not null,
  unscheduled integer not null,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  published_at timestamptz
);
create index schedule_runs_event_idx on schedule_runs (event_id, created_at desc);
