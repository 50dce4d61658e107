-- A mirrored event's record is read from its entry's own bytes (store/mirrors.ts) instead of a
-- second copy as jsonb: parsing every record into jsonb was most of what importing a bundle
-- cost on the embedded store. What the pages filter on stays in columns, now with the position.
alter table mirror_events
  add column idx int,
  add column lon float8,
  add column lat float8;

update mirror_events v set
  idx = (select max(e.idx) from mirror_entries e where e.origin = v.origin and e.event_id = v.event_id),
  lon = (v.record->'location'->>'lon')::float8,
  lat = (v.record->'location'->>'lat')::float8;

-- Every row came from its event's last entry, stored in the same transaction.
alter table mirror_events
  alter column idx set not null,
  drop column record;

-- Checking each row's mirror cost as much as storing it on the embedded store. Only
-- commitMirrorSync writes these tables, after locking the mirror's row (mirror/sync.ts), and
-- removeMirror deletes them with it in one statement.
alter table mirror_entries drop constraint mirror_entries_origin_fkey;
alter table mirror_events drop constraint mirror_events_origin_fkey;
