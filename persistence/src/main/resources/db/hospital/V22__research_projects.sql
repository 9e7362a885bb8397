-- The trusted research environment's people and projects (the Five Safes: safe people, safe projects).
-- Research roles work only inside it: a researcher never opens a clinical screen.
ALTER TABLE staff_role DROP CONSTRAINT staff_role_role_check;
ALTER TABLE staff_role ADD CONSTRAINT staff_role_role_check CHECK (role IN ('GP', 'HOSPITAL_CLINICIAN', 'NURSE',
    'SOCIAL_WORKER', 'CARE_WORKER', 'ADMIN', 'PRIVACY_OFFICER', 'ORGAN_DONATION_NURSE', 'CONTACT_CENTRE',
    'RESEARCHER', 'OUTPUT_CHECKER', 'DATA_ACCESS_COMMITTEE'));

-- A researcher's accreditation (safe people): until this day they may be named on a project and work on it.
ALTER TABLE staff ADD COLUMN accredited_until date;

-- The project register. A project uses only its dataset (entry types, fields, date range) for its legal basis:
-- CONSENT (only patients who consented to it), SECTION_251 (the National Data Opt-out applies), ANONYMISED
-- (aggregates computed inside ICR only, never a row-level extract).
CREATE TABLE research_project (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference           varchar(20)   NOT NULL UNIQUE,
    title               varchar(200)  NOT NULL,
    lay_summary         varchar(4000) NOT NULL,
    sponsor             varchar(200)  NOT NULL,
    legal_basis         varchar(20)   NOT NULL CHECK (legal_basis IN ('CONSENT', 'SECTION_251', 'ANONYMISED')),
    entry_types         varchar(500)  NOT NULL,
    fields              varchar(500)  NOT NULL,
    data_from           date          NOT NULL,
    data_to             date          NOT NULL CHECK (data_to >= data_from),
    minimum_k           integer       NOT NULL DEFAULT 5 CHECK (minimum_k BETWEEN 2 AND 100),
    status              varchar(20)   NOT NULL CHECK (status IN ('SUBMITTED', 'APPROVED', 'REJECTED', 'SUSPENDED')),
    approval_reference  varchar(64),
    approved_until      date,
    key_version         integer       NOT NULL DEFAULT 1,
    submitted_by        varchar(64)   NOT NULL,
    submitted_at        timestamptz   NOT NULL,
    decided_by          varchar(64),
    decided_at          timestamptz,
    decision_note       varchar(2000),
    version             integer       NOT NULL DEFAULT 0,
    CHECK (status <> 'APPROVED' OR (approval_reference IS NOT NULL AND approved_until IS NOT NULL))
);
CREATE INDEX research_project_status_idx ON research_project (status);

-- The researchers approved to work on a project.
CREATE TABLE research_project_researcher (
    project_id  bigint       NOT NULL REFERENCES research_project (id),
    username    varchar(64)  NOT NULL,
    PRIMARY KEY (project_id, username)
);
CREATE INDEX research_project_researcher_username_idx ON research_project_researcher (username);

-- Study consent is to a project of the register, recorded by whom and when; withdrawing keeps the row.
ALTER TABLE study_consent ADD COLUMN recorded_by varchar(64);

-- Extract runs (safe data): a Jakarta Batch job per run copies a project's dataset, pseudonymised, into its own schema of
-- the research database. Progress and the counts by reason are kept here, inside ICR.
CREATE TABLE research_extract_run (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id           bigint        NOT NULL REFERENCES research_project (id),
    key_version          integer       NOT NULL,
    job_execution_id     bigint,
    status               varchar(20)   NOT NULL CHECK (status IN ('STARTING', 'RUNNING', 'STOPPED', 'FAILED', 'PUBLISHED',
                                                                  'REFUSED')),
    patients_total       bigint        NOT NULL,
    patients_read        bigint        NOT NULL DEFAULT 0,
    included             bigint,
    excluded_opt_out     bigint,
    excluded_no_consent  bigint,
    person_rows          bigint,
    entry_rows           bigint,
    smallest_group       bigint,
    outcome              varchar(500),
    started_by           varchar(64)   NOT NULL,
    started_at           timestamptz   NOT NULL,
    ended_at             timestamptz
);
CREATE INDEX research_extract_run_project_idx ON research_extract_run (project_id, id DESC);
-- one run of a project at a time
CREATE UNIQUE INDEX research_extract_run_one_running_idx ON research_extract_run (project_id)
    WHERE status IN ('STARTING', 'RUNNING');

-- Which patients each run took in or left out, and why: the only link between a pseudonymised dataset and a patient,
-- kept inside ICR (a patient may ask which projects used their data).
CREATE TABLE research_extract_log (
    run_id               bigint        NOT NULL REFERENCES research_extract_run (id),
    patient_nhs_number   varchar(10)   NOT NULL,
    reason               varchar(20)   NOT NULL CHECK (reason IN ('NO_OPT_OUT', 'CONSENTED', 'AGGREGATE_ONLY', 'OPTED_OUT',
                                                                  'NO_CONSENT')),
    PRIMARY KEY (run_id, patient_nhs_number)
);
CREATE INDEX research_extract_log_patient_idx ON research_extract_log (patient_nhs_number);
