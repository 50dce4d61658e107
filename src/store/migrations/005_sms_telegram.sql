-- Reports that arrive from other systems (SMS gateways, Telegram exports) carry their own time,
-- their own id and a sender who must never be stored in clear.

-- When the sender sent it, as the channel tells (the SMS's timestamp, the Telegram message's
-- date); received_at stays the time it reached us.
alter table reports add column sent_at timestamptz;
-- The channel's own id for the message (Telegram "<chat id>/<message id>", an SMS gateway's
-- delivery id), for tracing a report back; deduplication goes through idempotency_key.
alter table reports add column external_id text;
-- HMAC-SHA256 of the sender's number under a key kept in the data folder: groups one sender's
-- messages without the number. The number itself is sealed in contact_sealed.
alter table reports add column sender_hash text;
create index reports_sender on reports (sender_hash) where sender_hash is not null;

-- A source found by the channel's own name for it (a Telegram channel's id), so a second import
-- finds the source the first one created.
alter table sources add column external_ref text unique;

-- Media a report refers to, by SHA-256 of the file's bytes; the bytes themselves are stored (or
-- not) elsewhere. sha256 is null when the export did not include the file.
create table report_media_refs (
  id serial primary key,
  -- Cascade only for "caravan demo --reset": reports are otherwise never deleted.
  report_id int not null references reports(id) on delete cascade,
  name text not null,
  kind text not null,
  sha256 text,
  bytes bigint,
  unique (report_id, name)
);
