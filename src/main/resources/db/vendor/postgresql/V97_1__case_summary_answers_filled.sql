-- The answers kept before V97, in its form (tab: chr(9), new line: chr(10)).
update case_summary s set answers = (
    select string_agg(c.field_key || chr(9) || c.categories, chr(10) order by c.field_key)
    from case_statistic c where c.case_number = s.case_number)
where exists (select 1 from case_statistic c where c.case_number = s.case_number);
