-- Safe settings and safe outputs: a researcher's aggregate query over their project's dataset is kept in the
-- project's workspace (the cells as computed, never shown to the researcher unchecked); a release needs two output
-- checkers' approval, and only the disclosure-controlled table ever leaves.
CREATE TABLE research_output (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id      bigint        NOT NULL REFERENCES research_project (id),
    run_id          bigint        NOT NULL REFERENCES research_extract_run (id),
    query           varchar(2000) NOT NULL,
    cells           text          NOT NULL,
    differencing    varchar(2000),
    status          varchar(20)   NOT NULL CHECK (status IN ('IN_WORKSPACE', 'RELEASE_REQUESTED', 'RELEASED', 'REJECTED')),
    requested_by    varchar(64)   NOT NULL,
    created_at      timestamptz   NOT NULL,
    release_requested_at timestamptz,
    released_at     timestamptz
);
CREATE INDEX research_output_project_idx ON research_output (project_id, id DESC);
CREATE INDEX research_output_waiting_idx ON research_output (status) WHERE status = 'RELEASE_REQUESTED';

-- Each output checker's decision on a release request: two different checkers must approve.
CREATE TABLE research_output_check (
    output_id   bigint        NOT NULL REFERENCES research_output (id),
    checker     varchar(64)   NOT NULL,
    approved    boolean       NOT NULL,
    note        varchar(2000),
    checked_at  timestamptz   NOT NULL,
    PRIMARY KEY (output_id, checker)
);
