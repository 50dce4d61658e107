-- Photos and videos sent with reports. Only metadata-stripped copies are kept for display;
-- the original as received is kept only when the reporter asked for it as evidence, in a
-- folder of its own that nothing public serves. Paths are relative to the data folder.
create table media (
  id serial primary key,
  report_id int not null references reports(id),
  -- SHA-256 (hex) of the bytes exactly as received: what an editor compares with a copy
  -- found elsewhere.
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  stripped_sha256 text not null check (stripped_sha256 ~ '^[0-9a-f]{64}$'),
  -- Of the stripped copy (a HEIC would be served as JPEG).
  mime text not null,
  bytes int not null check (bytes >= 0),
  width int,
  height int,
  duration_ms int,
  stored_path text not null,
  evidence_path text,
  created_at timestamptz not null default now(),
  unique (report_id, sha256)
);
create index media_report on media (report_id);
