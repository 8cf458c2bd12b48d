-- Upload quotas and orphan collection (issue #10). The quota sums an organisation's file sizes
-- on every upload, and the orphan sweep asks, for each file, whether anything still points at it:
-- both need indexes. The sweep is a self-rescheduling daily job, like the saved-search digest.
create index files_organization_idx on files (organization_id) include (size_bytes);
create index supplier_certifications_evidence_idx on supplier_certifications (evidence_file_id)
  where evidence_file_id is not null;
create index supplier_media_file_idx on supplier_media (file_id);
insert into job_schedule (name) values ('files-gc') on conflict (name) do nothing;
