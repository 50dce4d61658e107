-- Witnesses (C2SP tlog-witness, tlog-cosignature v1).

-- As a witness: the latest checkpoint cosigned for each log this chronicle follows. A new one
-- replaces it only if the stored size is still the one the request proved from, in one
-- statement, so concurrent requests cannot roll the size back.
create table witness_checkpoints (
  origin text primary key,
  size bigint not null,
  root bytea not null,
  note text not null,
  cosigned_at timestamptz not null
);

-- As a log: the witnesses asked to cosign its checkpoints, and how each stands.
create table log_witnesses (
  name text primary key,
  -- The witness's vkey (type 0x04).
  verifier_key text not null unique,
  -- Submission prefix: add-checkpoint is POSTed to <url>/add-checkpoint.
  url text not null,
  added_at timestamptz not null,
  -- The size of the last checkpoint it cosigned: the old size of the next request.
  size bigint not null default 0,
  last_attempt_at timestamptz,
  last_success_at timestamptz,
  last_error text,
  failures int not null default 0
);

-- Cosignatures received, per checkpoint and witness key; served after the log's signature.
create table log_cosignatures (
  size bigint not null references log_checkpoints(size) on delete cascade,
  witness_key text not null,
  line text not null,
  -- The time inside the cosignature, and when it arrived here.
  cosigned_at timestamptz not null,
  received_at timestamptz not null,
  primary key (size, witness_key)
);

-- As a mirror: the witness keys the followed chronicle lists at /log/witnesses, one per line,
-- to count the cosignatures on its checkpoint.
alter table mirrors add column witness_keys text not null default '';
