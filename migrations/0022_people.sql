-- People (issue #14 parts 6 and 7): deactivated and erased accounts, the legal basis of imports,
-- consent records and erasure requests (UU 27/2022).

-- A deactivated account cannot log in or use a token; an erased one is also anonymised.
alter table users add column deactivated_at timestamptz;
alter table users add column erased_at timestamptz;
alter table users add constraint users_erased_is_deactivated check (erased_at is null or deactivated_at is not null);
create index users_active_admins_idx on users (id) where platform_role = 'admin' and deactivated_at is null;

-- Why an office may process the personal data in its binaan list. Older imports predate the
-- choice and were made under the office's public task, which is what they are recorded as.
alter table imports add column legal_basis text not null default 'public_task'
  check (legal_basis in ('public_task', 'consent', 'contract', 'legitimate_interest', 'legal_obligation'));

-- Consent as given: who, for which profile, to which version of the privacy notice, when.
create table privacy_consents (
  id bigint generated always as identity primary key,
  user_id uuid not null references users (id) on delete cascade,
  supplier_id uuid references suppliers (organization_id) on delete set null,
  purpose text not null check (purpose in ('claim', 'registration')),
  notice_version text not null,
  consented_at timestamptz not null default now()
);
create index privacy_consents_user_idx on privacy_consents (user_id, consented_at desc);

-- Erasure requests, reviewed by a facilitator of the relevant office or an admin.
create table erasure_requests (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  reason text,
  status text not null default 'pending' check (status in ('pending', 'erased', 'rejected')),
  requested_at timestamptz not null default now(),
  reviewed_by uuid references users (id) on delete set null,
  reviewed_at timestamptz,
  review_note text,
  check ((status = 'pending') = (reviewed_at is null))
);
-- One open request per person: a double click or two tabs cannot queue two.
create unique index erasure_requests_one_pending on erasure_requests (user_id) where status = 'pending';
create index erasure_requests_status_idx on erasure_requests (status, requested_at);
