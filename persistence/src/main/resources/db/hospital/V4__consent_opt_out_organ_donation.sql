-- Patients' preferences: sharing consent (FHIR R4 Consent shape), the National Data Opt-out, study-specific
-- research consent, and the organ-donation register. Every change is a new version row; nothing is updated
-- in place, so the history is the table.

-- A consent directive per patient and scope; the highest version is the current one. Provisions (permit or
-- deny, for data categories, organisations or roles, for a period) are a JSON array, read whole.
CREATE TABLE consent_directive (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_nhs_number   varchar(10)   NOT NULL,
    scope                varchar(20)   NOT NULL CHECK (scope IN ('TREATMENT', 'RESEARCH')),
    version              integer       NOT NULL CHECK (version > 0),
    status               varchar(20)   NOT NULL CHECK (status IN ('ACTIVE', 'INACTIVE', 'ENTERED_IN_ERROR')),
    decided_at           timestamptz   NOT NULL,
    recorded_by_kind     varchar(10)   NOT NULL CHECK (recorded_by_kind IN ('PATIENT', 'PROXY', 'STAFF')),
    recorded_by_name     varchar(200)  NOT NULL,
    recorded_by_username varchar(64)   NOT NULL,
    recorded_by_ods      varchar(10),
    reason               varchar(1000),
    provisions           text          NOT NULL,
    recorded_at          timestamptz   NOT NULL,
    CONSTRAINT consent_directive_version_uk UNIQUE (patient_nhs_number, scope, version)
);

-- The National Data Opt-out: one row per change.
CREATE TABLE data_opt_out (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_nhs_number   varchar(10)   NOT NULL,
    version              integer       NOT NULL CHECK (version > 0),
    opted_out            boolean       NOT NULL,
    set_by_kind          varchar(10)   NOT NULL CHECK (set_by_kind IN ('SELF', 'PROXY', 'STAFF')),
    set_by_name          varchar(200)  NOT NULL,
    set_by_username      varchar(64)   NOT NULL,
    recorded_at          timestamptz   NOT NULL,
    CONSTRAINT data_opt_out_version_uk UNIQUE (patient_nhs_number, version)
);

-- Explicit consent to one named study: lets that study use the record despite an opt-out.
CREATE TABLE study_consent (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_nhs_number   varchar(10)   NOT NULL,
    study_id             varchar(64)   NOT NULL,
    consented_at         timestamptz   NOT NULL,
    withdrawn_at         timestamptz,
    CONSTRAINT study_consent_uk UNIQUE (patient_nhs_number, study_id)
);

-- Organ-donation decisions: opt in (all, or chosen organs and tissue), opt out, or appointed representatives
-- (JSON array, at most two), with an optional faith or belief declaration.
CREATE TABLE organ_donation_decision (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_nhs_number   varchar(10)   NOT NULL,
    version              integer       NOT NULL CHECK (version > 0),
    decision             varchar(20)   NOT NULL CHECK (decision IN ('OPT_IN', 'OPT_OUT', 'REPRESENTATIVES')),
    organs               varchar(500),
    representatives      text,
    faith_declaration    boolean       NOT NULL,
    recorded_by_kind     varchar(10)   NOT NULL CHECK (recorded_by_kind IN ('PATIENT', 'STAFF')),
    recorded_by_name     varchar(200)  NOT NULL,
    recorded_by_username varchar(64)   NOT NULL,
    recorded_at          timestamptz   NOT NULL,
    CONSTRAINT organ_donation_decision_version_uk UNIQUE (patient_nhs_number, version)
);

-- What deemed consent depends on besides age: capacity and residence in England, as last recorded.
CREATE TABLE organ_donation_circumstances (
    patient_nhs_number   varchar(10)   PRIMARY KEY,
    lacks_capacity       boolean       NOT NULL,
    residency            varchar(30)   NOT NULL CHECK (residency IN ('ORDINARILY_RESIDENT', 'NOT_ORDINARILY_RESIDENT', 'VISITOR')),
    recorded_by_username varchar(64)   NOT NULL,
    recorded_at          timestamptz   NOT NULL
);

-- The specialist nurse for organ donation, who may look decisions up.
ALTER TABLE staff_role DROP CONSTRAINT staff_role_role_check;
ALTER TABLE staff_role ADD CONSTRAINT staff_role_role_check CHECK (role IN ('GP', 'HOSPITAL_CLINICIAN', 'NURSE',
    'SOCIAL_WORKER', 'CARE_WORKER', 'ADMIN', 'PRIVACY_OFFICER', 'ORGAN_DONATION_NURSE'));
