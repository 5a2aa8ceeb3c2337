-- The case's answers to the form questions marked as statistics, kept beside its other categories
-- (FormStatistics.record writes both in one transaction), so that cases.csv reads one row per case
-- from one table instead of gathering a year's answers in memory first: one line per question,
-- the question's key, a tab, its option codes separated by spaces (as case_statistic.categories),
-- ordered by key. case_statistic stays what the dashboard's tallies are kept from.
alter table case_summary add column answers varchar;
