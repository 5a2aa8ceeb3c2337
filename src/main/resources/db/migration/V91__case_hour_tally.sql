-- The weekly chart's cases opened and closed, counted per hour (an hour falls within one Japanese day:
-- Japan's offset is whole hours) and kept in step as a case is registered or closed
-- (CaseSummaries.opened, .closed), so that the dashboard reads at most 2,016 rows for its twelve weeks
-- however many cases those weeks brought (issue 21: two grouped scans of every case of the period
-- before). A case closed again counts once, at its latest closing. Trial cases count nowhere.
create table case_hour_tally (
    hour_start timestamp not null primary key,
    opened     bigint    not null default 0,
    closed     bigint    not null default 0
);
insert into case_hour_tally (hour_start, opened, closed)
    select hour_start, sum(opened), sum(closed) from (
        select date_trunc('hour', opened_at) as hour_start, 1 as opened, 0 as closed
            from case_summary
            where case_number not in (select business_key from trial_case)
        union all
        select date_trunc('hour', closed_at), 0, 1
            from case_summary
            where closed_at is not null
            and case_number not in (select business_key from trial_case)
    ) h group by hour_start;
