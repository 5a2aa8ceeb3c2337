-- The dashboard's figures over all history, kept in step in the same transaction as the visit or the
-- closure they count (VisitOutcomes.add, CaseSummaries.closed), so that the dashboard reads a few
-- dozen rows however many cases there have been instead of scanning every visit and closed case
-- (issue 21: 1.1 s at 100,000 closed cases). Categories and counts only, as the rows they count.
create table visit_barrier_tally (
    office_type       varchar(40)  not null,
    -- '' where the visit's office had no prefecture (a key column may not be null)
    office_prefecture varchar(2)   not null,
    barriers          varchar(400) not null,
    visits            bigint       not null,
    primary key (office_type, office_prefecture, barriers)
);
insert into visit_barrier_tally (office_type, office_prefecture, barriers, visits)
    select office_type, coalesce(office_prefecture, ''), barriers, count(*)
    from visit_outcome group by office_type, coalesce(office_prefecture, ''), barriers;

create table case_outcome_tally (
    outcome varchar(40) not null primary key,
    cases   bigint      not null
);
insert into case_outcome_tally (outcome, cases)
    select outcome, count(*) from case_summary
    where closed_at is not null and outcome is not null group by outcome;
