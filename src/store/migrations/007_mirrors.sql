-- Mirrors: other chronicles this one follows, copies of their verified logs, and the evidence
-- when one of them presents a history that contradicts what was already verified.

-- One row per followed chronicle, keyed by the origin line of its checkpoints.
create table mirrors (
  origin text primary key,
  -- Base URL of the log (the folder holding "checkpoint" and "tile/").
  log_url text not null,
  verifier_key text not null,
  added_at timestamptz not null default now(),
  -- The last verified checkpoint: size, root (base64) and the signed note exactly as served.
  size int not null default 0,
  root text,
  checkpoint text,
  last_check_at timestamptz,
  last_success_at timestamptz,
  last_error text,
  -- Consecutive failed checks: the poller backs off on them.
  failures int not null default 0
);

-- The verified entries, in log order, with what event pages look up decoded; records are read
-- from the bytes themselves (convert_from(data, 'UTF8')::jsonb -> 'record').
create table mirror_entries (
  origin text not null references mirrors(origin) on delete cascade,
  idx int not null,
  data bytea not null,
  type text not null check (type in ('publish', 'unpublish')),
  event_id int not null,
  revision int not null,
  at timestamptz not null,
  note text,
  primary key (origin, idx)
);
create index mirror_entries_event on mirror_entries (origin, event_id, idx);

-- Verified tiles and entry bundles, by tlog-tiles path: later syncs read the old ones from here.
create table mirror_tiles (
  origin text not null references mirrors(origin) on delete cascade,
  path text not null,
  data bytea not null,
  primary key (origin, path)
);

-- Downloaded but not yet verified: an interrupted sync resumes from here, and nothing in it is
-- ever served.
create table mirror_staging (
  origin text not null references mirrors(origin) on delete cascade,
  path text not null,
  data bytea not null,
  primary key (origin, path)
);

-- A checkpoint that contradicts the verified history (a fork, a rewrite, a rollback), kept
-- with the verified one it contradicts: two signed notes are the proof.
create table mirror_alarms (
  id serial primary key,
  origin text not null references mirrors(origin) on delete cascade,
  kind text not null check (kind in ('fork', 'rollback')),
  detected_at timestamptz not null,
  message text not null,
  verified_checkpoint text not null,
  presented_checkpoint text not null
);
create index mirror_alarms_origin on mirror_alarms (origin, id);

-- Read model: the latest published record of each event of each mirrored chronicle.
create table mirror_events (
  origin text not null references mirrors(origin) on delete cascade,
  event_id int not null,
  revision int not null,
  local_date date not null,
  start_at timestamptz,
  region text,
  event_type text not null,
  status text not null,
  published_at timestamptz not null,
  record jsonb not null,
  primary key (origin, event_id)
);
create index mirror_events_chronology on mirror_events (origin, local_date desc, start_at, event_id);
