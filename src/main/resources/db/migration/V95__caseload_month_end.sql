-- The dashboard's continuity section shows, for each of the last six months, the cases with a
-- companion open at the month's end and their companions. A month that is over no longer changes (a
-- case's opening and closing are recorded when they happen, never backdated), so its figures are
-- counted once, at the first dashboard after the month ended, and kept here; only the current month
-- is counted live (issue 21: the section read every case open at the earliest of six month ends,
-- 250,000 rows at the benchmark's rate, on every dashboard load). Counts only.
create table caseload_month_end (
    end_month  varchar(7) not null primary key,
    open_cases bigint     not null,
    companions bigint     not null,
    counted_at timestamp  not null
);
