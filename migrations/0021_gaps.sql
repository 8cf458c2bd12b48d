-- The sectors a tenant works in at its estate (taxonomy `sector` slugs). The supply-chain gap map
-- turns them into demand through the curated table of typical inputs (src/gaps/sector-inputs.ts).
alter table estate_tenants add column sectors text[] not null default '{}';
