-- Failed logins per account and source address (and per source address alone, account '*'):
-- the next attempt waits until blocked_until. Nobody is locked out for good.
create table login_failure (
    account       varchar(64)  not null,
    source        varchar(64)  not null,
    failures      integer      not null,
    last_failure  timestamp    not null,
    blocked_until timestamp,
    primary key (account, source)
);

-- A procedure an administrator suspended, and why: what people see instead of an error.
create table process_suspension (
    process_key  varchar(255) not null primary key,
    reason       varchar(500) not null,
    suspended_by varchar(64)  not null,
    suspended_at timestamp    not null
);
