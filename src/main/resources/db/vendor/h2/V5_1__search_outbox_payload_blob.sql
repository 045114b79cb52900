-- H2 only (Flyway location db/vendor/{vendor}; PostgreSQL has nothing to add). Hibernate maps the outbox tables'
-- unbounded payloads to a BLOB on H2 and to bytea on PostgreSQL, and validates the column type, but the bytea of
-- the portable V5 is a binary varying on H2. No type name is accepted by both databases and read by H2 as a BLOB
-- (H2 in PostgreSQL mode does not even take "blob"), hence this one vendor script.
alter table hsearch_outbox_event alter column payload set data type binary large object;
alter table hsearch_agent alter column payload set data type binary large object;
