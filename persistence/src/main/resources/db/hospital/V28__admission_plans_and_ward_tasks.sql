-- An admission's treatment plan is a TREATMENT_PLAN entry tied to the admission (encounter_id, as a discharge summary is); a
-- new version supersedes the last. Its interventions are ward tasks: due at a time, owned by a role, completed in one click.
CREATE TABLE ward_task (
    id                  bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    admission_id        bigint        NOT NULL REFERENCES hospital_entry (id),
    patient_nhs_number  varchar(10)   NOT NULL,
    title               varchar(300)  NOT NULL,
    kind                varchar(20)   NOT NULL CHECK (kind IN ('OBSERVATIONS', 'TEST', 'REVIEW', 'MEDICINES', 'THERAPY', 'DISCHARGE',
                                          'OTHER')),
    owner_role          varchar(30)   NOT NULL CHECK (owner_role IN ('NURSE', 'HOSPITAL_CLINICIAN')),
    due_at              timestamptz   NOT NULL,
    created_by          varchar(64)   NOT NULL,
    created_at          timestamptz   NOT NULL,
    done_at             timestamptz,
    done_by             varchar(64),
    done_by_name        varchar(200),
    version             integer       NOT NULL DEFAULT 0,
    CHECK ((done_at IS NULL) = (done_by IS NULL))
);
CREATE INDEX ward_task_admission_idx ON ward_task (admission_id, due_at);
CREATE INDEX hospital_entry_plan_idx ON hospital_entry (encounter_id) WHERE entry_type = 'TREATMENT_PLAN' AND status = 'ACTIVE';
