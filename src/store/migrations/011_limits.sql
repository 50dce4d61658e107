-- How often each limit refused a request, per period. Counts only: no address, no hash, no account.
create table limit_hits (
  period_start timestamptz not null,
  limit_name text not null,
  refusals integer not null check (refusals > 0),
  primary key (period_start, limit_name)
);
