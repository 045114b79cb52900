-- Search on several instances (issue 6). Portable SQL (H2 in PostgreSQL mode and PostgreSQL 15+).
--
-- The two tables of Hibernate Search's outbox-polling coordination, as Hibernate Search 8.2 maps them (read from
-- the schema Hibernate generates on each database, with Spring Boot's snake_case column names; written by hand).
-- They are made on every install and stay empty until coordination.strategy=outbox-polling is switched on (the
-- elasticsearch profile does), so that moving to several instances changes properties only. The ids are the uuid
-- type, which Hibernate Search's default (coordination.entity.mapping.*.uuid_type=default) picks on both
-- databases. On H2 the payloads become BLOBs in db/vendor/h2/V5_1. Hibernate validates all of it at start-up
-- (OutboxIndexingPostgresTest, ElasticsearchProfileTest).
--
-- The enum columns (status, state, type) carry no check of their names: Hibernate Search owns them, and a name
-- added by a later version must not make its inserts fail.

-- One row per change of an indexed entity, written in the transaction of the change; the event processors read
-- and delete them, and index the entities they name.
create table hsearch_outbox_event (
    id             uuid                        not null,
    entity_name    varchar(256)                not null,
    entity_id      varchar(256)                not null,
    entity_id_hash integer                     not null,
    payload        bytea                       not null,
    retries        integer                     not null,
    process_after  timestamp(6) with time zone not null,
    status         varchar(255)                not null,
    tenant_id      varchar(255),
    constraint hsearch_outbox_event_pk primary key (id)
);

create index hsearch_outbox_event_by_process_after on hsearch_outbox_event (process_after);

-- One row per running agent (an instance's event processor, or a mass indexer), renewed by its pulse: how the
-- instances share out the events between them, and pause while the index is rebuilt.
create table hsearch_agent (
    id                   uuid                        not null,
    type                 varchar(255)                not null,
    name                 varchar(255)                not null,
    expiration           timestamp(6) with time zone not null,
    state                varchar(255)                not null,
    total_shard_count    integer,
    assigned_shard_index integer,
    payload              bytea,
    tenant_id            varchar(255),
    constraint hsearch_agent_pk primary key (id)
);
