-- The statistic questions ever answered (cases.csv has a column each) are found by stepping
-- through this index, one look-up per question, instead of reading every case's answers.
create index case_statistic_key on case_statistic (field_key);
