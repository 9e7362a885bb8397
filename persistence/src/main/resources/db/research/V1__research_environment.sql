-- The research database: each project's pseudonymised dataset lives in a schema of its own (rp_2026_0001), made by the
-- project's extract runs; a run writes into a schema of its own (rp_2026_0001_run_7) and is published by renaming it.
-- This table (in the schema registry, beside JBeret's job repository in public) says which schema is a project's
-- published dataset now.
CREATE TABLE project_dataset (
    reference        varchar(20)  PRIMARY KEY,
    schema_name      varchar(63)  NOT NULL UNIQUE,
    run_id           bigint       NOT NULL,
    key_version      integer      NOT NULL,
    persons          bigint       NOT NULL,
    entries          bigint       NOT NULL,
    smallest_group   bigint       NOT NULL,
    row_level        boolean      NOT NULL,
    published_at     timestamptz  NOT NULL
);
