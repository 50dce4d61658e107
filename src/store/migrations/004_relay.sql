-- Reports this node carries for other chronicles. A row is the envelope exactly as the reporter
-- sent it (bytes, so an age-encrypted contact is forwarded untouched), held until the origin
-- confirms it with the receipt code the reporter was given. Rows leave only by that
-- confirmation; a refusal by the origin marks the row failed and keeps it for an operator.
create table relay_outbox (
  id serial primary key,
  origin_url text not null,
  envelope bytea not null,
  idempotency_key text not null,
  receipt_code text not null,
  attempts int not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error text,
  failed_at timestamptz,
  created_at timestamptz not null default now(),
  unique (origin_url, idempotency_key)
);
create index relay_outbox_due on relay_outbox (next_attempt_at) where failed_at is null;
