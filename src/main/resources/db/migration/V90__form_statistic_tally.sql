-- The dashboard's breakdown of the form questions a modeller marked as statistics (issue 15,
-- "reports follow the forms"), kept in step in the same transaction as the answer it counts
-- (FormStatistics.record), so the dashboard reads a few rows however many cases there have been.
-- Categories and counts only. A case is counted when its person agreed to anonymous statistics and
-- the case is not restricted; `counted` remembers whether an answer was, so that a changed answer
-- takes back exactly what it added.
alter table case_statistic add column counted boolean default false not null;

create table case_statistic_tally (
    field_key varchar(100) not null,
    category  varchar(100) not null,
    cases     bigint       not null,
    primary key (field_key, category)
);

-- What the dashboard calls a question and its options: the wording of the form that asked it last.
create table case_statistic_question (
    field_key     varchar(100)  not null primary key,
    label         varchar(400)  not null,
    option_labels varchar(4000) not null
);

-- Answers kept before this migration: counted as they would have been, each option once.
update case_statistic set counted = true
    where exists (select 1 from case_summary c
                  where c.case_number = case_statistic.case_number and c.consent_statistics)
      and not exists (select 1 from case_access a
                      where a.case_number = case_statistic.case_number and a.restricted);

insert into case_statistic_tally (field_key, category, cases)
with recursive split (field_key, category, rest) as (
    select field_key, cast('' as varchar(401)), cast(categories || ' ' as varchar(401))
    from case_statistic where counted
  union all
    select field_key,
           cast(substring(rest from 1 for position(' ' in rest) - 1) as varchar(401)),
           cast(substring(rest from position(' ' in rest) + 1) as varchar(401))
    from split where position(' ' in rest) > 0
)
select field_key, category, count(*) from split where category <> '' group by field_key, category;
