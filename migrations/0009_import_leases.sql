-- Imports run as pg-boss jobs. The worker running an import holds a lease on it (lease_owner)
-- and renews it (heartbeat_at) with every batch and every few seconds; a lease without news
-- for a minute is abandoned, and the next worker takes the import over where it stopped.
alter table imports add column heartbeat_at timestamptz;
alter table imports add column lease_owner text;
create index imports_running_idx on imports (heartbeat_at) where status = 'running';
