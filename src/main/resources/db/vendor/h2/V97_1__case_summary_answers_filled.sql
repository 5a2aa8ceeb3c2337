-- The answers kept before V97, in its form (tab: char(9), new line: char(10)).
update case_summary s set answers = (
    select listagg(c.field_key || char(9) || c.categories, char(10)) within group (order by c.field_key)
    from case_statistic c where c.case_number = s.case_number)
where exists (select 1 from case_statistic c where c.case_number = s.case_number);
