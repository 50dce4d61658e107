-- A mirror's map is drawn like the chronicle's own: from points counted per position, place,
-- region and status, which needs the place in a column (store/mirrors.ts mirrorPoints).
alter table mirror_events
  add column place_id text,
  add column place_name text;

update mirror_events v set
  place_id = x.record->'location'->>'placeId',
  place_name = x.record->'location'->>'name'
from (select e.origin, e.idx, convert_from(e.data, 'UTF8')::jsonb -> 'record' as record from mirror_entries e) x
where x.origin = v.origin and x.idx = v.idx;
