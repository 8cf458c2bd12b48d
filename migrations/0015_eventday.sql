-- Event day: batched schedule-change notices and public event pages.

-- Every change of a published schedule, once per participant it concerns, until a notice
-- carries it. A change belongs to at most one notice (notice_id is set once, under a row lock).
create table schedule_notices (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references events (id) on delete cascade,
  participant_id uuid not null references event_participants (id) on delete cascade,
  -- The quiet window this notice opens: no second notice for the participant may start inside it.
  covers tstzrange not null check (upper(covers) - lower(covers) >= interval '10 minutes'),
  change_count integer not null check (change_count > 0),
  constraint schedule_notices_one_per_window exclude using gist (participant_id with =, covers with &&)
);

create table schedule_changes (
  id bigint generated always as identity primary key,
  event_id uuid not null references events (id) on delete cascade,
  participant_id uuid not null references event_participants (id) on delete cascade,
  meeting_id uuid not null references meetings (id) on delete cascade,
  kind text not null check (kind in ('added', 'moved', 'cancelled')),
  counterpart text not null,
  old_starts_at timestamptz,
  old_table text,
  new_starts_at timestamptz,
  new_table text,
  changed_at timestamptz not null,
  notice_id uuid references schedule_notices (id) on delete set null
);
create index schedule_changes_pending_idx on schedule_changes (participant_id, changed_at) where notice_id is null;

-- Public event pages: /e/<slug>. Unique, generated from the name, editable by facilitators.
alter table events add column slug text check (slug ~ '^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$');
create unique index events_slug_key on events (slug) where slug is not null;

create function event_default_slug(name text, id uuid) returns text language sql immutable as $$
  select coalesce(nullif(left(trim(both '-' from regexp_replace(lower(name), '[^a-z0-9]+', '-', 'g')), 60), ''), 'acara')
    || '-' || left(replace(id::text, '-', ''), 6)
$$;

create function events_fill_slug() returns trigger language plpgsql as $$
begin
  if new.slug is null then new.slug := event_default_slug(new.name, new.id); end if;
  return new;
end $$;

create trigger events_fill_slug before insert on events for each row execute function events_fill_slug();

update events set slug = event_default_slug(name, id) where slug is null;

-- The public page is shown only once a facilitator opens it (an event's schedule publication is
-- a different thing: registration happens long before).
alter table events add column public_at timestamptz;
