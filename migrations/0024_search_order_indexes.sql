-- Issue #13: while an instance loads its in-memory index (up to half a minute at a million
-- suppliers), searches are answered by bounded SQL: one page in the final order and a total
-- counted to a cap. These indexes let the browse, name and recent orders read just that page
-- instead of sorting every searchable row; text relevance still ranks the matching rows.
create index supplier_search_browse_idx on supplier_search (verified desc, supplier_updated_at desc, supplier_id)
  where searchable;
create index supplier_search_name_idx on supplier_search (name_norm collate "C", supplier_id) where searchable;
create index supplier_search_recent_idx on supplier_search (supplier_updated_at desc, supplier_id) where searchable;
