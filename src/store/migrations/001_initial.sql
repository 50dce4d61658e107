-- Caravan's first schema. Forward-only: later changes go in new numbered files.

create table settings (
  key text primary key,
  value jsonb not null
);

create table users (
  id serial primary key,
  username text not null unique,
  password_hash text not null,
  role text not null check (role in ('admin', 'editor')),
  created_at timestamptz not null default now(),
  disabled_at timestamptz
);

-- Only a hash of the session token is stored, so a database leak does not hand out sessions.
create table sessions (
  token_hash text primary key,
  user_id int not null references users(id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_expiry on sessions (expires_at);

create table sources (
  id serial primary key,
  kind text not null check (kind in ('witness', 'relay', 'outlet', 'official', 'social', 'other')),
  name text not null,
  reliability text,
  notes text,
  last_heard_at timestamptz,
  created_at timestamptz not null default now()
);

create table events (
  id serial primary key,
  created_at timestamptz not null default now(),
  created_by int references users(id),
  latest_revision int not null default 0,
  published_revision int,
  first_published_at timestamptz,
  published_at timestamptz,
  -- Read model of the published revision: what the chronology filters and orders on.
  pub_start timestamptz,
  pub_local_date date,
  pub_region text,
  pub_event_type text,
  pub_status text,
  pub_record jsonb
);
create index events_chronology on events (pub_local_date desc, pub_start, id) where published_revision is not null;

-- Every edit is a new row; nothing here is ever updated except the moment a revision goes public.
create table event_revisions (
  event_id int not null references events(id),
  revision int not null,
  editor_id int references users(id),
  created_at timestamptz not null default now(),
  reason text not null,
  data jsonb not null,
  published_at timestamptz,
  primary key (event_id, revision)
);

create table reports (
  id serial primary key,
  receipt_code text not null unique,
  channel text not null,
  received_at timestamptz not null default now(),
  what text not null,
  claimed_when text,
  claimed_where text,
  how_known text not null,
  -- Contact details never sit here in clear.
  contact_sealed text,
  place_id text,
  source_id int references sources(id),
  idempotency_key text unique,
  state text not null default 'new' check (state in ('new', 'claimed', 'linked', 'duplicate', 'rejected')),
  claimed_by int references users(id),
  claimed_at timestamptz,
  event_id int references events(id),
  duplicate_of int references reports(id),
  state_note text,
  updated_at timestamptz not null default now()
);
create index reports_queue on reports (state, received_at);

-- Who did what to a report, for accountability inside the editorial team.
create table report_actions (
  id serial primary key,
  report_id int not null references reports(id),
  user_id int references users(id),
  action text not null,
  note text,
  at timestamptz not null default now()
);
create index report_actions_report on report_actions (report_id, at);

-- Every publish and unpublish, in order: the public history of an event and, later, the log.
create table publications (
  id serial primary key,
  event_id int not null references events(id),
  revision int not null,
  action text not null check (action in ('publish', 'unpublish')),
  editor_id int references users(id),
  reason text,
  at timestamptz not null default now(),
  record jsonb
);
create index publications_event on publications (event_id, id);
