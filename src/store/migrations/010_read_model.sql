-- The read model at the size of a real crisis: where each published event is, as columns, and
-- tallies of published events that the chronology counts and the map draws from without
-- reading a single public record. A trigger keeps the tallies in the transaction of every change
-- to `events`, so no writer (publish, unpublish, a bulk load) can leave them behind.

alter table events
  add column pub_lon float8,
  add column pub_lat float8,
  add column pub_place_id text,
  add column pub_place_name text;

update events set
  pub_lon = (pub_record->'location'->>'lon')::float8,
  pub_lat = (pub_record->'location'->>'lat')::float8,
  pub_place_id = pub_record->'location'->>'placeId',
  pub_place_name = pub_record->'location'->>'name'
where published_revision is not null;

-- The map's single marks and its list of events abroad look events up by position.
create index events_position on events (pub_lon, pub_lat) where published_revision is not null;

-- Published events per local day and the chronology's filters: counts and where page N starts.
-- Tallies hold no nulls ('' for no region or place, NaN for no position) so that every lookup
-- of a row is a plain equality the unique index serves.
create table published_days (
  local_date date not null,
  region text not null,
  event_type text not null,
  status text not null,
  n int not null,
  unique (local_date, region, event_type, status)
);

-- Published events per position as well: the map, and counts of an area. Rows written straight
-- into `events` without a position (bulk loads in tests) tally at NaN.
create table published_points (
  local_date date not null,
  region text not null,
  event_type text not null,
  status text not null,
  lon float8 not null,
  lat float8 not null,
  place_id text not null,
  place_name text not null,
  n int not null,
  unique (local_date, region, event_type, status, lon, lat, place_id, place_name)
);

-- All published events per local day and UTC hour of their start (the order within a day): the
-- unfiltered chronology finds the hour its page N starts in and skips at most that hour's rows.
create table published_hours (
  local_date date not null,
  hour timestamp not null,
  n int not null,
  unique (local_date, hour)
);

-- All published events per position, place, region and status, whatever their day and type: the
-- unfiltered map (and one filtered by region or status) without a row per day.
create table published_places (
  region text not null,
  status text not null,
  lon float8 not null,
  lat float8 not null,
  place_id text not null,
  place_name text not null,
  n int not null,
  unique (region, status, lon, lat, place_id, place_name)
);

create or replace function tally_published_events() returns trigger language plpgsql as $$
declare
  was boolean := case when tg_op = 'INSERT' then false else old.published_revision is not null end;
  now_published boolean := case when tg_op = 'DELETE' then false else new.published_revision is not null end;
begin
  if was and now_published
     and (old.pub_local_date, old.pub_start, old.pub_region, old.pub_event_type, old.pub_status, old.pub_lon, old.pub_lat, old.pub_place_id, old.pub_place_name)
         is not distinct from
         (new.pub_local_date, new.pub_start, new.pub_region, new.pub_event_type, new.pub_status, new.pub_lon, new.pub_lat, new.pub_place_id, new.pub_place_name) then
    return null;
  end if;
  -- One lock for every tally writer: a correction moves an event from one tally row to another,
  -- and two of them crossing would otherwise deadlock.
  perform pg_advisory_xact_lock(4246);
  if was then
    update published_places set n = n - 1
      where region = coalesce(old.pub_region, '') and status = old.pub_status
        and lon = coalesce(old.pub_lon, 'NaN') and lat = coalesce(old.pub_lat, 'NaN')
        and place_id = coalesce(old.pub_place_id, '') and place_name = coalesce(old.pub_place_name, '');
    delete from published_places
      where region = coalesce(old.pub_region, '') and status = old.pub_status
        and lon = coalesce(old.pub_lon, 'NaN') and lat = coalesce(old.pub_lat, 'NaN')
        and place_id = coalesce(old.pub_place_id, '') and place_name = coalesce(old.pub_place_name, '') and n <= 0;
    update published_hours set n = n - 1
      where local_date = old.pub_local_date and hour = date_trunc('hour', old.pub_start at time zone 'UTC');
    delete from published_hours
      where local_date = old.pub_local_date and hour = date_trunc('hour', old.pub_start at time zone 'UTC') and n <= 0;
    update published_days set n = n - 1
      where local_date = old.pub_local_date and region = coalesce(old.pub_region, '')
        and event_type = old.pub_event_type and status = old.pub_status;
    delete from published_days
      where local_date = old.pub_local_date and region = coalesce(old.pub_region, '')
        and event_type = old.pub_event_type and status = old.pub_status and n <= 0;
    update published_points set n = n - 1
      where local_date = old.pub_local_date and region = coalesce(old.pub_region, '')
        and event_type = old.pub_event_type and status = old.pub_status
        and lon = coalesce(old.pub_lon, 'NaN') and lat = coalesce(old.pub_lat, 'NaN')
        and place_id = coalesce(old.pub_place_id, '') and place_name = coalesce(old.pub_place_name, '');
    delete from published_points
      where local_date = old.pub_local_date and region = coalesce(old.pub_region, '')
        and event_type = old.pub_event_type and status = old.pub_status
        and lon = coalesce(old.pub_lon, 'NaN') and lat = coalesce(old.pub_lat, 'NaN')
        and place_id = coalesce(old.pub_place_id, '') and place_name = coalesce(old.pub_place_name, '') and n <= 0;
  end if;
  if now_published then
    insert into published_places (region, status, lon, lat, place_id, place_name, n)
      values (coalesce(new.pub_region, ''), new.pub_status, coalesce(new.pub_lon, 'NaN'), coalesce(new.pub_lat, 'NaN'),
              coalesce(new.pub_place_id, ''), coalesce(new.pub_place_name, ''), 1)
      on conflict (region, status, lon, lat, place_id, place_name) do update set n = published_places.n + 1;
    insert into published_hours (local_date, hour, n)
      values (new.pub_local_date, date_trunc('hour', new.pub_start at time zone 'UTC'), 1)
      on conflict (local_date, hour) do update set n = published_hours.n + 1;
    insert into published_days (local_date, region, event_type, status, n)
      values (new.pub_local_date, coalesce(new.pub_region, ''), new.pub_event_type, new.pub_status, 1)
      on conflict (local_date, region, event_type, status) do update set n = published_days.n + 1;
    insert into published_points (local_date, region, event_type, status, lon, lat, place_id, place_name, n)
      values (new.pub_local_date, coalesce(new.pub_region, ''), new.pub_event_type, new.pub_status,
              coalesce(new.pub_lon, 'NaN'), coalesce(new.pub_lat, 'NaN'), coalesce(new.pub_place_id, ''), coalesce(new.pub_place_name, ''), 1)
      on conflict (local_date, region, event_type, status, lon, lat, place_id, place_name)
      do update set n = published_points.n + 1;
  end if;
  return null;
end $$;

-- Bumped by every statement that may change the tallies, in its transaction: what caches of
-- counts key on. Once per statement, not per row, so a bulk load does not rewrite it per event.
create table published_version (n bigint not null);
insert into published_version values (0);

create or replace function bump_published_version() returns trigger language plpgsql as $$
begin
  perform pg_advisory_xact_lock(4246);
  update published_version set n = n + 1;
  return null;
end $$;

create trigger events_tally after insert or delete or update of
  published_revision, pub_local_date, pub_start, pub_region, pub_event_type, pub_status, pub_lon, pub_lat, pub_place_id, pub_place_name
  on events for each row execute function tally_published_events();

create trigger events_tally_version after insert or delete or update of
  published_revision, pub_local_date, pub_start, pub_region, pub_event_type, pub_status, pub_lon, pub_lat, pub_place_id, pub_place_name
  on events for each statement execute function bump_published_version();

insert into published_places (region, status, lon, lat, place_id, place_name, n)
  select coalesce(pub_region, ''), pub_status, coalesce(pub_lon, 'NaN'), coalesce(pub_lat, 'NaN'),
    coalesce(pub_place_id, ''), coalesce(pub_place_name, ''), count(*)
  from events where published_revision is not null group by 1, 2, 3, 4, 5, 6;

insert into published_hours (local_date, hour, n)
  select pub_local_date, date_trunc('hour', pub_start at time zone 'UTC'), count(*)
  from events where published_revision is not null group by 1, 2;

insert into published_days (local_date, region, event_type, status, n)
  select pub_local_date, coalesce(pub_region, ''), pub_event_type, pub_status, count(*)
  from events where published_revision is not null group by 1, 2, 3, 4;

insert into published_points (local_date, region, event_type, status, lon, lat, place_id, place_name, n)
  select pub_local_date, coalesce(pub_region, ''), pub_event_type, pub_status, coalesce(pub_lon, 'NaN'), coalesce(pub_lat, 'NaN'),
    coalesce(pub_place_id, ''), coalesce(pub_place_name, ''), count(*)
  from events where published_revision is not null group by 1, 2, 3, 4, 5, 6, 7, 8;
