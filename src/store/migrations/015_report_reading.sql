-- What the desk reads in a report on arrival (core/reading/), written with the report by
-- writeReport. Reports from before this migration have neither.
-- lang: the language it is written in (kk, ru, en or other), a column so the queue can filter
-- by it; the evidence is read again from the text when a report is shown.
-- text_fold: its words folded (core/reading/fold.ts), so reports that say the same thing however
-- it was typed meet in one index lookup.
alter table reports
  add column lang text check (lang in ('kk', 'ru', 'en', 'other')),
  add column text_fold text;

create index reports_text_fold on reports using hash (text_fold) where text_fold <> '';
-- Only the reports still to be read: serve looks for them at every start (app/intake/reread.ts).
create index reports_unread on reports (id) where lang is null or text_fold is null;
