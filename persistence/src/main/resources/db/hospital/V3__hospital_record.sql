-- The hospital record: every kind of entry in one table (single-table inheritance), so a patient's record
-- loads in one query whatever its size. Columns that belong to one kind are null for the others; the
-- CHECK constraints say which kind needs what.
CREATE TABLE hospital_entry (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_nhs_number    varchar(10)   NOT NULL,
    entry_type            varchar(30)   NOT NULL CHECK (entry_type IN ('ENCOUNTER', 'PROBLEM', 'MEDICATION', 'ALLERGY',
                              'BLOOD_TEST', 'TREATMENT_PLAN', 'REFERRAL', 'DISCHARGE_SUMMARY', 'ALERT')),
    -- the data category consent provisions refer to (e.g. MENTAL_HEALTH, SEXUAL_HEALTH)
    category              varchar(30)   NOT NULL DEFAULT 'GENERAL',
    occurred_at           timestamptz   NOT NULL,
    recorded_at           timestamptz   NOT NULL,
    author_username       varchar(64)   NOT NULL,
    author_name           varchar(200)  NOT NULL,
    organisation_ods      varchar(10)   NOT NULL,
    title                 varchar(300)  NOT NULL,
    status                varchar(20),
    details               varchar(4000),
    -- ENCOUNTER
    encounter_kind        varchar(20) CHECK (encounter_kind IN ('OUTPATIENT', 'ADMISSION', 'DISCHARGE', 'EMERGENCY')),
    ended_at              timestamptz,
    -- PROBLEM
    snomed_code           varchar(20),
    -- MEDICATION
    dose                  varchar(100),
    route                 varchar(50),
    frequency             varchar(100),
    course                varchar(10) CHECK (course IN ('ACUTE', 'REPEAT')),
    -- ALLERGY
    reaction              varchar(200),
    severity              varchar(20) CHECK (severity IN ('MILD', 'MODERATE', 'SEVERE')),
    -- BLOOD_TEST
    result_value          numeric(14, 4),
    unit                  varchar(30),
    reference_low         numeric(14, 4),
    reference_high        numeric(14, 4),
    abnormal_flag         varchar(10) CHECK (abnormal_flag IN ('LOW', 'HIGH', 'NORMAL')),
    -- TREATMENT_PLAN
    goals                 varchar(2000),
    activities            varchar(2000),
    responsible_clinician varchar(200),
    review_date           date,
    -- REFERRAL
    referred_to           varchar(200),
    -- DISCHARGE_SUMMARY: the admission it closes
    encounter_id          bigint REFERENCES hospital_entry (id),
    -- ALERT
    alert_kind            varchar(20) CHECK (alert_kind IN ('DNACPR', 'RESPECT', 'OTHER')),
    CHECK (entry_type <> 'ENCOUNTER' OR encounter_kind IS NOT NULL),
    CHECK (entry_type <> 'BLOOD_TEST' OR (result_value IS NOT NULL AND unit IS NOT NULL)),
    CHECK (entry_type <> 'ALERT' OR alert_kind IS NOT NULL)
);
CREATE INDEX hospital_entry_timeline_idx ON hospital_entry (patient_nhs_number, occurred_at DESC, id DESC);
CREATE INDEX hospital_entry_type_idx ON hospital_entry (patient_nhs_number, entry_type, occurred_at DESC);
CREATE INDEX hospital_entry_encounter_idx ON hospital_entry (encounter_id);
