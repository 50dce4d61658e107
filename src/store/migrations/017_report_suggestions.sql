-- What the desk suggests for each report (core/reading/read.ts), in columns so the queue can
-- filter and group by them; the suggestions' evidence is read again from the text when a report
-- is shown. Written with the report by writeReport, and again by `caravan reread`.
-- written_at: when the reporter wrote it on their device (the offline page), which can be a day
--   before it reached us; the time the event is read against.
-- hedged: the report says itself that it is hearsay, a rumour or unconfirmed.
-- event_place_id / event_settlement: the place the event happened, and its city or town (or the
--   region, when no settlement is named), which incidents are grouped by.
-- event_start / event_end / event_precision: the window the event happened in, as read, and
--   how precisely (core/time.ts TIME_PRECISIONS): only a part of the day or finer groups a city.
-- event_type: the ACLED event type read from the words.
alter table reports
  add column written_at timestamptz,
  add column hedged boolean,
  add column event_place_id text,
  add column event_settlement text,
  add column event_start timestamptz,
  add column event_end timestamptz,
  add column event_precision text,
  add column event_type text,
  add column suggested boolean not null default false;

-- Reports with the same photo or video (store/reports.ts sameMediaAs), by the bytes as received.
create index media_sha256 on media (sha256);
create index report_media_refs_sha256 on report_media_refs (sha256) where sha256 is not null;
-- The candidates for the same incident (store/reports.ts sameIncidentAs): reports of one
-- settlement and kind of event, or of one place, whose windows end around a time.
create index reports_incident_type on reports (event_settlement, event_type, event_end) where event_settlement is not null;
create index reports_incident_place on reports (event_place_id, event_end) where event_settlement is not null;
-- Reports read before this migration get their suggestions from `caravan serve`'s background
-- reading, which looks for them here.
drop index reports_unread;
create index reports_unread on reports (id) where lang is null or text_fold is null or not suggested;

-- What editors did with each suggestion when they coded an event from a report: kept it
-- ('accepted'), changed it ('corrected') or cleared it ('rejected'), per field, so the desk's
-- accuracy on real work can be counted (/editor/accuracy). `suggested` and `chosen` are the
-- field's values as the form shows them.
create table suggestion_outcomes (
  id serial primary key,
  report_id int not null references reports(id),
  event_id int not null references events(id),
  field text not null check (field in ('place', 'time', 'type', 'fatalities')),
  outcome text not null check (outcome in ('accepted', 'corrected', 'rejected')),
  suggested text not null,
  chosen text not null,
  user_id int references users(id),
  at timestamptz not null default now()
);
create index suggestion_outcomes_field on suggestion_outcomes (field, outcome);
