-- Case numbers (business keys) are YEAR-NNNNNN, counted per year.
create table case_number_counter (
    case_year  integer not null primary key,
    last_value integer not null
);
