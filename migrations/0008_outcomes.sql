-- Meeting outcomes: what came of each meeting (event or ad hoc), as reported by the buyer side,
-- the supplier side and the facilitator who reconciles them into the official record. Every
-- report is a new, immutable version; a small head table points at the latest version of each
-- side, so reports never have to search the history. Reminders mirror what was scheduled in the
-- job queue (follow-up dates, the +3 and +6 month surveys).

create table outcome_versions (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references meetings (id) on delete cascade,
  -- 1, 2, 3, ... per meeting, across all sides: the order in which things were reported.
  version integer not null check (version > 0),
  side text not null check (side in ('buyer', 'supplier', 'official')),
  channel text not null check (channel in ('web', 'api', 'survey', 'reconcile', 'seed')),
  -- For channel 'survey': which survey wave the answer came from.
  survey text check (survey in ('3m', '6m')),
  -- For channel 'reconcile': the side report the facilitator adopted.
  based_on uuid references outcome_versions (id) on delete set null,
  attendance text check (attendance in ('held', 'no_show_buyer', 'no_show_supplier', 'no_show_both')),
  status text not null check (status in ('deal', 'mou', 'follow_up', 'no_deal', 'pending')),
  value_idr bigint check (value_idr between 0 and 1000000000000000000),
  products text check (length(products) <= 500),
  volume text check (length(volume) <= 200),
  next_steps text check (length(next_steps) <= 1000),
  notes text check (length(notes) <= 2000),
  follow_up_on date,
  no_deal_reason text check (no_deal_reason in (
    'price', 'capability', 'capacity', 'quality', 'certification', 'delivery', 'distance', 'no_need', 'no_show', 'other')),
  mou_file_id uuid references files (id) on delete set null,
  -- A side's consent to show both company names on the public impact page (both sides must agree).
  share_names boolean,
  reported_by uuid references users (id) on delete set null,
  reporter_org_id uuid references organizations (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (meeting_id, version),
  check (status <> 'follow_up' or follow_up_on is not null),
  check ((status = 'no_deal') = (no_deal_reason is not null)),
  check ((side = 'official') = (share_names is null)),
  check ((channel = 'survey') = (survey is not null))
);
create index outcome_versions_meeting_idx on outcome_versions (meeting_id, side, version desc);
create index outcome_versions_file_idx on outcome_versions (mou_file_id) where mou_file_id is not null;

-- Versions are history: nothing rewrites them. Only foreign keys may null a reference when the
-- user, organisation or file it points to is deleted.
create function outcome_versions_immutable() returns trigger language plpgsql as $$
begin
  if (to_jsonb(new) - 'reported_by' - 'reporter_org_id' - 'mou_file_id' - 'based_on')
     is distinct from (to_jsonb(old) - 'reported_by' - 'reporter_org_id' - 'mou_file_id' - 'based_on') then
    raise exception 'outcome versions are append-only' using errcode = '55000';
  end if;
  return new;
end $$;

create trigger outcome_versions_no_update before update on outcome_versions
  for each row execute function outcome_versions_immutable();

-- The latest version of each side per meeting. `needs_reconciliation`: a side reported after the
-- last official version, so a facilitator should look again.
create table meeting_outcomes (
  meeting_id uuid primary key references meetings (id) on delete cascade,
  official_id uuid references outcome_versions (id) on delete cascade,
  buyer_id uuid references outcome_versions (id) on delete cascade,
  supplier_id uuid references outcome_versions (id) on delete cascade,
  needs_reconciliation boolean not null default false,
  updated_at timestamptz not null default now()
);
create index meeting_outcomes_queue_idx on meeting_outcomes (updated_at desc) where needs_reconciliation;

-- Reminders as scheduled in pg-boss (queue outcomes.remind), kept here so they can be listed,
-- tested and skipped when they no longer apply. Follow-ups and ad-hoc surveys are per meeting;
-- event surveys are one per event and wave (each recipient gets one message for all meetings).
create table outcome_reminders (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('follow_up', 'survey_3m', 'survey_6m')),
  meeting_id uuid references meetings (id) on delete cascade,
  event_id uuid references events (id) on delete cascade,
  due_at timestamptz not null,
  job_id text,
  status text not null default 'scheduled' check (status in ('scheduled', 'sent', 'skipped')),
  recipients integer,
  done_at timestamptz,
  created_at timestamptz not null default now(),
  check ((meeting_id is null) <> (event_id is null)),
  check (kind <> 'follow_up' or meeting_id is not null)
);
create unique index outcome_reminders_meeting_key on outcome_reminders (meeting_id, kind, due_at) where meeting_id is not null;
create unique index outcome_reminders_event_key on outcome_reminders (event_id, kind, due_at) where event_id is not null;

-- Every pairing someone asked for, the unit of the conversion funnel: an event request (with its
-- meeting, once placed) or an ad-hoc proposal (which is its own meeting). "a" asked or proposed,
-- "b" was asked. The buyer side is the non-supplier one; when both or neither are suppliers, "a"
-- counts as the buyer. request_status is 'pending' (including expired), 'accepted' or 'declined';
-- an ad-hoc proposal counts as accepted once the other side accepted it, even if cancelled later.
-- With each meeting come its check-in (translated from a/b to buyer/supplier) and its official
-- outcome: attendance is the official record's when it states one, else check-in; a meeting
-- counts as held when attendance says so, or when attendance is unknown but an outcome other
-- than pending was recorded (people who made a deal met). One pass over the tables, so reports
-- over tens of thousands of meetings stay fast; single meetings are found through the indexes.
create view meeting_pairs as
select y.pair_id, y.kind, y.request_status, y.meeting_id, y.meeting_status, y.event_id, y.table_id, y.at,
  y.starts_at, y.ends_at, y.timezone, y.buyer_side,
  case y.buyer_side when 'a' then y.a_org_id else y.b_org_id end as buyer_org_id,
  case y.buyer_side when 'a' then y.b_org_id else y.a_org_id end as supplier_org_id,
  case y.buyer_side when 'a' then y.a_user_id else y.b_user_id end as buyer_user_id,
  case y.buyer_side when 'a' then y.b_user_id else y.a_user_id end as supplier_user_id,
  case y.buyer_side when 'a' then y.a_participant_id else y.b_participant_id end as buyer_participant_id,
  case y.buyer_side when 'a' then y.b_participant_id else y.a_participant_id end as supplier_participant_id,
  c.checkin_attendance, h.official_id, coalesce(h.needs_reconciliation, false) as needs_reconciliation,
  (h.buyer_id is not null or h.supplier_id is not null) as reported,
  a.attendance, coalesce(o.status, 'pending') as outcome_status, o.value_idr, o.version as official_version,
  coalesce(a.attendance = 'held' or (a.attendance is null and o.status is not null and o.status <> 'pending'), false) as held,
  coalesce(a.attendance like 'no_show%', false) as no_show
from (
  select x.*, case when oa.kind = 'supplier' and ob.kind <> 'supplier' then 'b' else 'a' end as buyer_side
  from (
    select r.id as pair_id, 'event'::text as kind, r.status as request_status, m.id as meeting_id,
      m.status as meeting_status, r.event_id, m.table_id, coalesce(m.starts_at, e.starts_at) as at, m.starts_at,
      m.ends_at, coalesce(m.timezone, e.timezone) as timezone, m.attendance as checkin,
      pa.organization_id as a_org_id, pb.organization_id as b_org_id, pa.user_id as a_user_id,
      pb.user_id as b_user_id, pa.id as a_participant_id, pb.id as b_participant_id
    from meeting_requests r
    join events e on e.id = r.event_id
    join event_participants pa on pa.id = r.from_participant_id
    join event_participants pb on pb.id = r.to_participant_id
    left join meetings m on m.request_id = r.id
    union all
    select m.id, 'adhoc',
      case when m.status = 'proposed' then 'pending'
        when m.status = 'scheduled' or m.counterpart_user_id is not null then 'accepted'
        else 'declined' end,
      m.id, m.status, null, null, m.starts_at, m.starts_at, m.ends_at, m.timezone, m.attendance,
      m.proposer_org_id, m.counterpart_org_id, m.proposer_user_id, m.counterpart_user_id, null, null
    from meetings m where m.kind = 'adhoc'
  ) x
  join organizations oa on oa.id = x.a_org_id
  join organizations ob on ob.id = x.b_org_id
) y
left join meeting_outcomes h on h.meeting_id = y.meeting_id
left join outcome_versions o on o.id = h.official_id
cross join lateral (
  select case y.checkin
    when 'held' then 'held'
    when 'no_show_both' then 'no_show_both'
    when 'no_show_a' then case y.buyer_side when 'a' then 'no_show_buyer' else 'no_show_supplier' end
    when 'no_show_b' then case y.buyer_side when 'b' then 'no_show_buyer' else 'no_show_supplier' end
  end as checkin_attendance
) c
cross join lateral (select coalesce(o.attendance, c.checkin_attendance) as attendance) a;

-- One row per meeting (event or ad hoc, any status) with both parties and its official outcome,
-- as the outcome pages, reminders, track records and reports read it.
create view meeting_facts as
select meeting_id, kind, meeting_status as status, event_id, table_id, starts_at, ends_at, timezone, buyer_side,
  buyer_org_id, supplier_org_id, buyer_user_id, supplier_user_id, buyer_participant_id, supplier_participant_id,
  checkin_attendance, official_id, needs_reconciliation, reported, attendance, outcome_status, value_idr,
  official_version, held, no_show
from meeting_pairs where meeting_id is not null;
