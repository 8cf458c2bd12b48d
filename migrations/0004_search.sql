-- Supplier search: one denormalised row per supplier (supplier_search), a vocabulary for typo
-- correction (search_words), and a transactional outbox for Meilisearch (search_outbox).
-- Statement-level triggers with transition tables keep all three in step with every write to
-- suppliers, supplier_certifications and taxonomy_terms, in the writer's own transaction, so
-- no writer has to know about search and bulk loads pay once per statement, not per row.

create table supplier_search (
  supplier_id uuid primary key,
  -- Rows outlive deleted suppliers as tombstones (deleted = true), so pollers see deletions.
  deleted boolean not null default false,
  -- Listed by search at all: verified and submitted profiles (drafts, rejected, suspended are not).
  searchable boolean not null default false,
  status text not null,
  verified boolean not null default false,
  name text not null,
  trading_name text,
  name_norm text not null,
  province_code text,
  regency_code text,
  processes text[] not null default '{}',
  materials text[] not null default '{}',
  product_categories text[] not null default '{}',
  sectors text[] not null default '{}',
  employees integer,
  lat double precision,
  lon double precision,
  earth earth,
  supplier_updated_at timestamptz not null,
  -- name (A) > capabilities (B) > description (C), each in the 'indonesian' and 'simple' configurations.
  tsv tsvector not null,
  -- The writing transaction: pollers read rows with tx_id >= the xmin of their previous snapshot.
  tx_id xid8 not null default pg_current_xact_id(),
  changed_at timestamptz not null default now()
);
create index supplier_search_tsv_idx on supplier_search using gin (tsv) where searchable;
create index supplier_search_processes_idx on supplier_search using gin (processes) where searchable;
create index supplier_search_materials_idx on supplier_search using gin (materials) where searchable;
create index supplier_search_categories_idx on supplier_search using gin (product_categories) where searchable;
create index supplier_search_sectors_idx on supplier_search using gin (sectors) where searchable;
create index supplier_search_earth_idx on supplier_search using gist (earth) where searchable;
create index supplier_search_region_idx on supplier_search (province_code, regency_code) where searchable;
create index supplier_search_tx_idx on supplier_search (tx_id);

-- Certificates per supplier, in parallel arrays (one entry per certificate; 'infinity' when it states
-- no expiry). Kept apart from supplier_search so that a certificate write never rewrites the wide row.
-- Validity is judged against today's date at query time, never stored as a flag, so a certificate
-- that expired overnight stops counting although nothing was written.
create table supplier_search_certs (
  supplier_id uuid primary key,
  cert_types text[] not null default '{}',
  cert_until date[] not null default '{}',
  tkdn_percent real[] not null default '{}',
  tkdn_until date[] not null default '{}',
  tx_id xid8 not null default pg_current_xact_id()
);
create index supplier_search_certs_types_idx on supplier_search_certs using gin (cert_types);
create index supplier_search_certs_tx_idx on supplier_search_certs (tx_id);

-- Each term's labels (both languages) as a weight-B vector, so a supplier's capability vector is a
-- concatenation of ready vectors rather than a re-parse of a few hundred characters of labels.
create table search_term_vectors (
  kind text not null,
  slug text not null,
  tsv tsvector not null,
  primary key (kind, slug)
);

create aggregate search_tsv_concat(tsvector) (sfunc = tsvector_concat, stype = tsvector, initcond = '');

-- Words seen in searchable documents and in the taxonomy; pg_trgm finds near-misses of query words.
create table search_words (
  word text primary key,
  from_taxonomy boolean not null default false
);
create index search_words_trgm_idx on search_words using gin (word gin_trgm_ops);

-- Changes for Meilisearch. The worker applies the current supplier_search row (idempotent) and
-- deletes the outbox row; failures stay, with a later available_at.
create table search_outbox (
  id bigint generated always as identity primary key,
  supplier_id uuid not null,
  created_at timestamptz not null default now(),
  available_at timestamptz not null default now(),
  attempts integer not null default 0,
  last_error text
);
create index search_outbox_available_idx on search_outbox (available_at, id);

create table search_state (
  id boolean primary key default true check (id),
  -- Bumped whenever labels or synonyms change: in-memory indexes rebuild their phrase tables.
  taxonomy_version bigint not null default 0,
  -- The last day for which suppliers with certificates expiring were re-sent to Meilisearch.
  expiry_swept date
);
insert into search_state default values;

create function search_words_of(t text) returns setof text language sql immutable as $$
  select distinct w from unnest(tsvector_to_array(to_tsvector('simple', coalesce(t, '')))) w
  where length(w) between 4 and 40 and w ~ '^[[:alpha:]]+$'
$$;

create function search_term_vector(label_id text, label_en text) returns tsvector language sql immutable as $$
  select setweight(to_tsvector('indonesian', concat_ws(' ', label_id, label_en))
    || to_tsvector('simple', concat_ws(' ', label_id, label_en)), 'B')
$$;

-- Rebuilds the search rows of the given suppliers from the source tables and queues them for
-- Meilisearch. Suppliers that no longer exist become tombstones.
create function search_refresh(ids uuid[]) returns void language plpgsql as $$
begin
  if ids is null or cardinality(ids) = 0 then
    return;
  end if;
  insert into supplier_search as ss (
    supplier_id, deleted, searchable, status, verified, name, trading_name, name_norm, province_code,
    regency_code, processes, materials, product_categories, sectors, employees, lat, lon, earth,
    supplier_updated_at, tsv, tx_id, changed_at)
  select s.organization_id, false, s.status in ('verified', 'submitted'), s.status, s.status = 'verified',
    s.legal_name, s.trading_name, s.name_norm, s.province_code, s.regency_code, s.processes, s.materials,
    s.product_categories, s.sectors, s.employees, s.lat, s.lon,
    case when s.lat is not null and s.lon is not null then ll_to_earth(s.lat, s.lon) end,
    s.updated_at,
    setweight(to_tsvector('indonesian', n.names) || to_tsvector('simple', n.names), 'A') ||
    coalesce((
      select search_tsv_concat(v.tsv) from search_term_vectors v
      where (v.kind = 'process' and v.slug = any(s.processes))
        or (v.kind = 'material' and v.slug = any(s.materials))
        or (v.kind = 'product_category' and v.slug = any(s.product_categories))
        or (v.kind = 'sector' and v.slug = any(s.sectors))
        or (v.kind = 'equipment' and v.slug = any(array(
          select m ->> 'type' from jsonb_array_elements(
            case when jsonb_typeof(s.machines) = 'array' then s.machines else '[]'::jsonb end) m)))
    ), '') ||
    setweight(to_tsvector('indonesian', n.products) || to_tsvector('simple', n.products), 'B') ||
    setweight(to_tsvector('indonesian', n.descr) || to_tsvector('simple', n.descr), 'C'),
    pg_current_xact_id(), now()
  from suppliers s
  cross join lateral (
    select concat_ws(' ', s.legal_name, s.trading_name) as names, coalesce(s.products, '') as products,
      concat_ws(' ', s.description_id, s.description_en) as descr
  ) n
  where s.organization_id = any(ids)
  on conflict (supplier_id) do update set
    deleted = excluded.deleted, searchable = excluded.searchable, status = excluded.status,
    verified = excluded.verified, name = excluded.name, trading_name = excluded.trading_name,
    name_norm = excluded.name_norm, province_code = excluded.province_code,
    regency_code = excluded.regency_code, processes = excluded.processes, materials = excluded.materials,
    product_categories = excluded.product_categories, sectors = excluded.sectors,
    employees = excluded.employees, lat = excluded.lat, lon = excluded.lon, earth = excluded.earth,
    supplier_updated_at = excluded.supplier_updated_at, tsv = excluded.tsv, tx_id = excluded.tx_id,
    changed_at = excluded.changed_at;

  update supplier_search ss set deleted = true, searchable = false, tx_id = pg_current_xact_id(), changed_at = now()
  where ss.supplier_id = any(ids) and not ss.deleted
    and not exists (select 1 from suppliers s where s.organization_id = ss.supplier_id);

  insert into search_outbox (supplier_id) select distinct u from unnest(ids) u;

  insert into search_words (word)
  select w from (
    select distinct w from supplier_search ss, lateral unnest(tsvector_to_array(ss.tsv)) w
    where ss.supplier_id = any(ids) and ss.searchable
  ) words
  where length(w) between 4 and 40 and w ~ '^[[:alpha:]]+$'
  order by 1
  on conflict do nothing;
end $$;

-- Rebuilds the certificate arrays of the given suppliers (empty arrays when none are left).
create function search_refresh_certs(ids uuid[]) returns void language plpgsql as $$
begin
  if ids is null or cardinality(ids) = 0 then
    return;
  end if;
  insert into supplier_search_certs as sc (supplier_id, cert_types, cert_until, tkdn_percent, tkdn_until, tx_id)
  select u.id, coalesce(c.types, '{}'), coalesce(c.untils, '{}'), coalesce(c.tkdn, '{}'),
    coalesce(c.tkdn_untils, '{}'), pg_current_xact_id()
  from unnest(ids) u(id)
  left join lateral (
    select array_agg(x.type order by x.type, x.until) as types, array_agg(x.until order by x.type, x.until) as untils,
      array_agg(x.tkdn_percent::real order by x.until) filter (where x.type = 'tkdn' and x.tkdn_percent is not null) as tkdn,
      array_agg(x.until order by x.until) filter (where x.type = 'tkdn' and x.tkdn_percent is not null) as tkdn_untils
    from (
      select c.type, coalesce(c.valid_until, 'infinity'::date) as until, c.tkdn_percent
      from supplier_certifications c where c.supplier_id = u.id
    ) x
  ) c on true
  on conflict (supplier_id) do update set cert_types = excluded.cert_types, cert_until = excluded.cert_until,
    tkdn_percent = excluded.tkdn_percent, tkdn_until = excluded.tkdn_until, tx_id = excluded.tx_id;
  insert into search_outbox (supplier_id) select distinct u from unnest(ids) u;
end $$;

create function search_on_suppliers() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    perform search_refresh(array(select organization_id from old_rows));
  else
    perform search_refresh(array(select organization_id from new_rows));
  end if;
  return null;
end $$;

create trigger search_suppliers_insert after insert on suppliers
  referencing new table as new_rows for each statement execute function search_on_suppliers();
create trigger search_suppliers_update after update on suppliers
  referencing new table as new_rows for each statement execute function search_on_suppliers();
create trigger search_suppliers_delete after delete on suppliers
  referencing old table as old_rows for each statement execute function search_on_suppliers();

create function search_on_certifications() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform search_refresh_certs(array(select distinct supplier_id from new_rows));
  elsif tg_op = 'DELETE' then
    perform search_refresh_certs(array(select distinct supplier_id from old_rows));
  else
    perform search_refresh_certs(array(select supplier_id from new_rows union select supplier_id from old_rows));
  end if;
  return null;
end $$;

create trigger search_certifications_insert after insert on supplier_certifications
  referencing new table as new_rows for each statement execute function search_on_certifications();
create trigger search_certifications_update after update on supplier_certifications
  referencing new table as new_rows old table as old_rows for each statement execute function search_on_certifications();
create trigger search_certifications_delete after delete on supplier_certifications
  referencing old table as old_rows for each statement execute function search_on_certifications();

-- A label or synonym edit changes which words match: refresh the term's vector and the suppliers
-- that use it, add its words to the vocabulary, and tell in-memory indexes to rebuild their phrase tables.
create function search_on_taxonomy() returns trigger language plpgsql as $$
begin
  if not exists (select 1 from new_rows) then
    return null;
  end if;
  update search_state set taxonomy_version = taxonomy_version + 1;
  insert into search_term_vectors (kind, slug, tsv)
  select n.kind, n.slug, search_term_vector(n.label_id, n.label_en) from new_rows n
  on conflict (kind, slug) do update set tsv = excluded.tsv;
  insert into search_words (word, from_taxonomy)
  select distinct w, true from new_rows n,
    lateral search_words_of(concat_ws(' ', n.label_id, n.label_en,
      array_to_string(n.synonyms_id, ' '), array_to_string(n.synonyms_en, ' '))) w
  order by 1
  on conflict (word) do update set from_taxonomy = true;
  perform search_refresh(array(
    select ss.supplier_id from supplier_search ss join new_rows c on
      (c.kind = 'process' and ss.processes @> array[c.slug]) or
      (c.kind = 'material' and ss.materials @> array[c.slug]) or
      (c.kind = 'product_category' and ss.product_categories @> array[c.slug]) or
      (c.kind = 'sector' and ss.sectors @> array[c.slug])
    where not ss.deleted
    union
    select s.organization_id from suppliers s join new_rows c on c.kind = 'equipment'
      and jsonb_typeof(s.machines) = 'array' and s.machines @> jsonb_build_array(jsonb_build_object('type', c.slug))));
  return null;
end $$;

create trigger search_taxonomy_insert after insert on taxonomy_terms
  referencing new table as new_rows for each statement execute function search_on_taxonomy();
create trigger search_taxonomy_update after update on taxonomy_terms
  referencing new table as new_rows for each statement execute function search_on_taxonomy();

-- Backfill: taxonomy and suppliers that existed before this migration.
insert into search_term_vectors (kind, slug, tsv)
select kind, slug, search_term_vector(label_id, label_en) from taxonomy_terms;
insert into search_words (word, from_taxonomy)
select distinct w, true from taxonomy_terms t,
  lateral search_words_of(concat_ws(' ', t.label_id, t.label_en,
    array_to_string(t.synonyms_id, ' '), array_to_string(t.synonyms_en, ' '))) w
order by 1
on conflict do nothing;
select search_refresh(array(select organization_id from suppliers));
select search_refresh_certs(array(select organization_id from suppliers));
