-- Event day in the field: a check-in credential per participant (an unguessable token the badge
-- QR carries, and a short code to type when there is no camera), participant arrival, one row per
-- participant and meeting checked in (who and when), and walk-ins registered on the spot.

-- Codes avoid look-alike characters (0/O, 1/I/L, 5/S, 2/Z, 8/B): read off a badge in a dim hall.
create function checkin_code_alphabet() returns text language sql immutable as $$
  select 'ACDEFGHJKMNPQRTUVWXY34679'
$$;

-- A random code not yet used at this event. The unique index below is the real guard: a
-- concurrent insert that drew the same code fails with 23505 and the caller retries.
create function new_checkin_code(p_event uuid) returns text language plpgsql volatile as $$
declare
  alphabet text := checkin_code_alphabet();
  code text;
begin
  loop
    code := '';
    for i in 1..6 loop
      code := code || substr(alphabet, 1 + floor(random() * length(alphabet))::int, 1);
    end loop;
    exit when not exists (select 1 from event_participants where event_id = p_event and checkin_code = code);
  end loop;
  return code;
end
$$;

-- 244 random bits from two v4 UUIDs, hex: unguessable, and regenerated to revoke a lost badge.
create function new_checkin_token() returns text language sql volatile as $$
  select replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')
$$;

alter table event_participants
  add column checkin_token text,
  add column checkin_code text check (checkin_code ~ '^[A-Z0-9]{6}$'),
  add column checked_in_at timestamptz,
  add column checked_in_by uuid references users (id) on delete set null,
  add column walk_in boolean not null default false,
  add column whatsapp text check (whatsapp ~ '^\+62[0-9]{8,13}$');

do $$
declare r record;
begin
  for r in select id, event_id from event_participants loop
    update event_participants
      set checkin_token = new_checkin_token(), checkin_code = new_checkin_code(r.event_id)
      where id = r.id;
  end loop;
end
$$;

alter table event_participants
  alter column checkin_token set not null,
  alter column checkin_code set not null;
create unique index event_participants_checkin_token_key on event_participants (checkin_token);
create unique index event_participants_checkin_code_key on event_participants (event_id, checkin_code);

create function set_checkin_credentials() returns trigger language plpgsql as $$
begin
  if new.checkin_token is null then new.checkin_token := new_checkin_token(); end if;
  if new.checkin_code is null then new.checkin_code := new_checkin_code(new.event_id); end if;
  return new;
end
$$;

create trigger event_participants_checkin_credentials
  before insert on event_participants for each row execute function set_checkin_credentials();

-- One row per participant checked in for a meeting: both rows make the meeting "held".
create table meeting_checkins (
  meeting_id uuid not null references meetings (id) on delete cascade,
  participant_id uuid not null references event_participants (id) on delete cascade,
  method text not null check (method in ('qr', 'code', 'table')),
  checked_in_at timestamptz not null,
  checked_in_by uuid references users (id) on delete set null,
  primary key (meeting_id, participant_id)
);
create index meeting_checkins_participant_idx on meeting_checkins (participant_id);
