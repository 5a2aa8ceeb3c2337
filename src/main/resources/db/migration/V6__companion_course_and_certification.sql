-- The 9-session companion course: attendance per session; completing the five basic sessions
-- certifies a companion, each applied session adds its specialty.
create table course_attendance (
    user_id      varchar(64) not null,
    session_code varchar(40) not null,
    attended_on  date        not null,
    recorded_by  varchar(64),
    primary key (user_id, session_code)
);
alter table companion_profile add column certified boolean default false not null;
-- languages now read "code:level" (level: fluent or conversational); a bare code means fluent
