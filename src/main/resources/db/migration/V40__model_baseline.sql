-- Which version of each file in processes/ and forms/ start-up last took in (deployed, or found
-- already live), by its SHA-256: so that start-up can tell "the repository changed" from "a
-- modeller changed the live model since", and never rolls back a modeller's live change.
create table model_baseline (
    resource_name varchar(400) primary key,
    sha256        char(64)     not null,
    recorded_at   timestamp    not null
);
