-- Per-row outcome of a committed import: created, updated, unchanged or rejected, with the
-- supplier it touched. The result page lists it, and claim links are offered from it.
create table import_rows (
  import_id uuid not null references imports (id) on delete cascade,
  row_number integer not null,
  outcome text not null check (outcome in ('created', 'updated', 'unchanged', 'rejected')),
  supplier_id uuid references suppliers (organization_id) on delete set null,
  legal_name text,
  note text,
  primary key (import_id, row_number)
);
create index import_rows_supplier_idx on import_rows (supplier_id) where supplier_id is not null;
create index supplier_claims_supplier_idx on supplier_claims (supplier_id);
