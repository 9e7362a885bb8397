-- Inpatient prescribing and the ward medicines chart (issue 17). A trust's wards; an open admission's stay on one of them
-- (bed, expected date of discharge, medically fit, medicines reconciliation done); prescriptions written against the
-- admission, coded to the formulary; each dose given, not given or delayed recorded once.
CREATE TABLE ward (
    id                bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_ods  varchar(10)   NOT NULL,
    code              varchar(20)   NOT NULL,
    name              varchar(200)  NOT NULL,
    UNIQUE (organisation_ods, code)
);

CREATE TABLE inpatient_stay (
    admission_id        bigint        PRIMARY KEY REFERENCES hospital_entry (id),
    patient_nhs_number  varchar(10)   NOT NULL,
    ward_id             bigint        NOT NULL REFERENCES ward (id),
    bed                 varchar(20),
    placed_at           timestamptz   NOT NULL,
    -- set when the admission ends: the ward list shows the stays still open
    ended_at            timestamptz,
    expected_discharge  date,
    discharge_criteria  varchar(1000),
    medically_fit       boolean       NOT NULL DEFAULT false,
    reconciled_at       timestamptz,
    reconciled_by       varchar(64),
    version             integer       NOT NULL DEFAULT 0
);
CREATE INDEX inpatient_stay_ward_idx ON inpatient_stay (ward_id) WHERE ended_at IS NULL;
CREATE INDEX inpatient_stay_patient_idx ON inpatient_stay (patient_nhs_number);

CREATE TABLE inpatient_prescription (
    id                  bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    admission_id        bigint        NOT NULL REFERENCES hospital_entry (id),
    patient_nhs_number  varchar(10)   NOT NULL,
    medicine_id         bigint        NOT NULL REFERENCES medicine (id),
    kind                varchar(12)   NOT NULL CHECK (kind IN ('REGULAR', 'AS_REQUIRED', 'ONCE_ONLY')),
    dose                numeric(12, 3) NOT NULL CHECK (dose > 0),
    dose_unit           varchar(30)   NOT NULL,
    route               varchar(50)   NOT NULL,
    -- REGULAR: the times of day, "08:00 14:00 22:00"
    times_of_day        varchar(200),
    -- AS_REQUIRED: the minimum interval and the most doses in 24 hours
    min_interval_min    integer       CHECK (min_interval_min BETWEEN 1 AND 1440),
    max_doses_24h       integer       CHECK (max_doses_24h BETWEEN 1 AND 24),
    starts_at           timestamptz   NOT NULL,
    ends_at             timestamptz,
    review_on           date,
    indication          varchar(500),
    category            varchar(30)   NOT NULL DEFAULT 'GENERAL',
    prescriber          varchar(64)   NOT NULL,
    prescriber_name     varchar(200)  NOT NULL,
    organisation_ods    varchar(10)   NOT NULL,
    prescribed_at       timestamptz   NOT NULL,
    -- what the checks said when it was prescribed, and why a hard stop was overridden
    check_alerts        varchar(8000) NOT NULL DEFAULT '[]',
    override_reason     varchar(1000),
    checks_incomplete   boolean       NOT NULL DEFAULT false,
    stopped_at          timestamptz,
    stopped_by          varchar(64),
    stop_reason         varchar(500),
    CHECK (kind <> 'REGULAR' OR times_of_day IS NOT NULL),
    CHECK (kind <> 'AS_REQUIRED' OR (min_interval_min IS NOT NULL AND max_doses_24h IS NOT NULL)),
    CHECK (ends_at IS NULL OR ends_at > starts_at)
);
CREATE INDEX inpatient_prescription_admission_idx ON inpatient_prescription (admission_id);
CREATE INDEX inpatient_prescription_patient_idx ON inpatient_prescription (patient_nhs_number) WHERE stopped_at IS NULL;
CREATE INDEX inpatient_prescription_medicine_idx ON inpatient_prescription (medicine_id);

-- One line per dose: given (dose, when, by whom, the witness for a controlled drug), not given with a reason, or delayed (and
-- given later on the same line). An as-required dose is recorded against the time it was given.
CREATE TABLE medicine_administration (
    id               bigint         GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    prescription_id  bigint         NOT NULL REFERENCES inpatient_prescription (id),
    due_at           timestamptz    NOT NULL,
    outcome          varchar(10)    NOT NULL CHECK (outcome IN ('GIVEN', 'NOT_GIVEN', 'DELAYED')),
    reason           varchar(20)    CHECK (reason IN ('PATIENT_REFUSED', 'NIL_BY_MOUTH', 'NOT_AVAILABLE', 'PATIENT_AWAY',
                                        'CLINICAL_REASON')),
    dose             numeric(12, 3) CHECK (dose > 0),
    given_at         timestamptz,
    nurse            varchar(64)    NOT NULL,
    nurse_name       varchar(200)   NOT NULL,
    witness          varchar(64),
    witness_name     varchar(200),
    note             varchar(1000),
    recorded_at      timestamptz    NOT NULL,
    version          integer        NOT NULL DEFAULT 0,
    UNIQUE (prescription_id, due_at),
    CHECK (witness IS NULL OR witness <> nurse),
    CHECK (outcome <> 'NOT_GIVEN' OR reason IS NOT NULL),
    CHECK (outcome <> 'GIVEN' OR (dose IS NOT NULL AND given_at IS NOT NULL))
);

-- Medicines reconciliation at admission: each medicine the patient came in on (the GP record, the hospital record, the
-- social care MAR chart) continued, changed or stopped, with a reason; continued and changed ones lead to a prescription.
CREATE TABLE medicine_reconciliation (
    id               bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    admission_id     bigint        NOT NULL REFERENCES hospital_entry (id),
    source           varchar(20)   NOT NULL CHECK (source IN ('HOSPITAL_RECORD', 'SOCIAL_CARE')),
    source_id        bigint        NOT NULL,
    medicine         varchar(300)  NOT NULL,
    decision         varchar(10)   NOT NULL CHECK (decision IN ('CONTINUED', 'CHANGED', 'STOPPED')),
    reason           varchar(500),
    prescription_id  bigint        REFERENCES inpatient_prescription (id),
    decided_by       varchar(64)   NOT NULL,
    decided_at       timestamptz   NOT NULL,
    UNIQUE (admission_id, source, source_id),
    CHECK (decision = 'CONTINUED' OR reason IS NOT NULL)
);
CREATE INDEX medicine_reconciliation_prescription_idx ON medicine_reconciliation (prescription_id);

INSERT INTO ward (organisation_ods, code, name) VALUES
    ('RXA', 'OAK', 'Oak Ward (acute medicine)'),
    ('RXA', 'ASH', 'Ash Ward (care of older people)'),
    ('RXB', 'WILLOW', 'Willow Ward (general surgery)');
