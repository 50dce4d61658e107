-- Editors search reports over their folded words (core/reading/search.ts): one full-text index,
-- PostgreSQL's 'simple' configuration over text that the fold already wrote in one script, so a
-- word typed in Cyrillic finds it in Latin letters and back.
create index reports_search on reports using gin (to_tsvector('simple', coalesce(text_fold, '')));
