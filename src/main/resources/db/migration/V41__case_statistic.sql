-- Answers to form questions a modeller marked as statistics (the form field's custom property
-- statistic = true), per case: only the option codes of a select, radio, checklist, tag list or a
-- checkbox's true/false, never typed text. They join the anonymous export cases.csv as one column
-- per question, small counts hidden, without a change to Java or to this schema.
create table case_statistic (
    case_number varchar(20)  not null,
    field_key   varchar(100) not null,
    categories  varchar(400) not null,
    recorded_at timestamp    not null,
    primary key (case_number, field_key)
);
