-- The language a report is written in, as the desk read it on arrival (core/reading/language.ts):
-- kk, ru, en or other. Kept as a column so the queue can filter by it; the evidence is read again
-- from the text when a report is shown. Reports from before this migration have none.
alter table reports add column lang text check (lang in ('kk', 'ru', 'en', 'other'));
