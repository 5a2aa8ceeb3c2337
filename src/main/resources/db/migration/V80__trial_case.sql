-- Trial cases (issue 15, item 7): the business keys (case numbers, application and event numbers)
-- of instances a modeller ran on trial versions (Camunda tenant "trial"). Every dashboard figure,
-- export and real list leaves these out with one fragment (jp.bansou.engine.Trial.realCase), and
-- DELETE /api/models/trials removes them with every row of ours under them.
create table trial_case (
    business_key        varchar(64)  not null primary key,
    process_instance_id varchar(64)  not null,
    modeller            varchar(64),
    recorded_at         timestamp    not null
);
