-- Who can accompany whom: the companion network's profiles (volunteers, not the people supported).
-- Lists are comma-separated codes from src/main/resources/reference/.
create table companion_profile (
    user_id        varchar(64)  not null primary key,
    display_name   varchar(100) not null,
    prefectures    varchar(400) not null,
    languages      varchar(400) not null,
    specialties    varchar(400) not null,
    works_remotely boolean      not null,
    is_interpreter boolean      not null,
    available      boolean      not null
);
