-- Public media: stripped copies of report photos and videos that editors publish with an event.
-- An event revision names them by the SHA-256 of the stripped copy (its data.media), and so does
-- the public record in `publications` and in the log; nothing else needs a table on the origin.

-- "Is this file referenced by anything ever published?" is asked on every GET /media/<sha256>.
create index media_stripped_sha256 on media (stripped_sha256);
create index publications_media on publications using gin ((record -> 'media') jsonb_path_ops);

-- A mirror's copies of the media its verified entries reference, checked against their hash
-- before they are stored. The mime type comes from the signed record, not from the transfer.
create table mirror_media (
  origin text not null references mirrors(origin) on delete cascade,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  mime text not null,
  data bytea not null,
  fetched_at timestamptz not null default now(),
  primary key (origin, sha256)
);

-- The media the verified entries name, indexed as entries arrive so that finding what is still
-- missing does not re-read the whole log on every poll. `scanned_to` is the entry index up to
-- which (exclusive) mirror_entries have been read into mirror_media_refs.
create table mirror_media_refs (
  origin text not null references mirrors(origin) on delete cascade,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  mime text not null,
  primary key (origin, sha256)
);
create table mirror_media_scans (
  origin text primary key references mirrors(origin) on delete cascade,
  scanned_to int not null
);
