-- Who may see what: the staff directory, health-side care relationships, break-glass grants and the
-- append-only, hash-chained audit log. pgcrypto gives bcrypt (crypt/gen_salt) for staff passwords.
CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE TABLE organisation (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ods_code varchar(10)  NOT NULL UNIQUE,
    name     varchar(200) NOT NULL,
    type     varchar(20)  NOT NULL CHECK (type IN ('HOSPITAL_TRUST', 'GP_PRACTICE', 'LOCAL_AUTHORITY', 'CARE_PROVIDER'))
);

CREATE TABLE staff (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username        varchar(64)  NOT NULL UNIQUE,
    display_name    varchar(200) NOT NULL,
    organisation_id bigint       NOT NULL REFERENCES organisation (id),
    -- bcrypt in modular crypt form ($2a$...), read by the Elytron JDBC realm
    password_hash   varchar(100) NOT NULL CHECK (password_hash LIKE '$2_$%'),
    enabled         boolean      NOT NULL DEFAULT true,
    failed_sign_ins integer      NOT NULL DEFAULT 0,
    locked_until    timestamptz
);
CREATE INDEX staff_organisation_idx ON staff (organisation_id);

CREATE TABLE staff_role (
    staff_id bigint      NOT NULL REFERENCES staff (id),
    role     varchar(30) NOT NULL CHECK (role IN ('GP', 'HOSPITAL_CLINICIAN', 'NURSE', 'SOCIAL_WORKER', 'CARE_WORKER',
                                                  'ADMIN', 'PRIVACY_OFFICER')),
    PRIMARY KEY (staff_id, role)
);

-- Open referrals, appointments and admissions that put an organisation in a patient's care team.
CREATE TABLE care_relationship (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_nhs_number varchar(10) NOT NULL,
    organisation_ods  varchar(10) NOT NULL,
    kind              varchar(20) NOT NULL CHECK (kind IN ('REFERRAL', 'APPOINTMENT', 'ADMISSION')),
    started_at        timestamptz NOT NULL,
    ended_at          timestamptz
);
CREATE INDEX care_relationship_patient_idx ON care_relationship (patient_nhs_number, organisation_ods);
CREATE INDEX care_relationship_organisation_idx ON care_relationship (organisation_ods);

CREATE TABLE break_glass_grant (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    staff_username     varchar(64)  NOT NULL,
    staff_role         varchar(30)  NOT NULL,
    organisation_ods   varchar(10)  NOT NULL,
    patient_nhs_number varchar(10)  NOT NULL,
    reason             varchar(2000) NOT NULL,
    granted_at         timestamptz  NOT NULL,
    expires_at         timestamptz  NOT NULL,
    review_status      varchar(20)  NOT NULL DEFAULT 'PENDING' CHECK (review_status IN ('PENDING', 'APPROPRIATE', 'ESCALATED')),
    reviewed_by        varchar(64),
    reviewed_at        timestamptz,
    review_note        varchar(2000)
);
CREATE INDEX break_glass_grant_lookup_idx ON break_glass_grant (staff_username, patient_nhs_number, expires_at);
CREATE INDEX break_glass_grant_review_idx ON break_glass_grant (review_status, granted_at);

-- Every access to patient data, granted or denied. Each row's hash covers its content and the previous
-- row's hash, so changing or removing a row breaks the chain from there on.
CREATE TABLE audit_event (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at        timestamptz  NOT NULL,
    username           varchar(64)  NOT NULL,
    role               varchar(30)  NOT NULL,
    organisation_ods   varchar(10)  NOT NULL,
    patient_nhs_number varchar(10),
    resource_type      varchar(40)  NOT NULL,
    action             varchar(20)  NOT NULL,
    purpose            varchar(20)  NOT NULL,
    outcome            varchar(30)  NOT NULL,
    reason             varchar(500) NOT NULL,
    channel            varchar(10)  NOT NULL,
    client_address     varchar(64)  NOT NULL,
    previous_hash      char(64)     NOT NULL,
    hash               char(64)     NOT NULL UNIQUE
);
CREATE INDEX audit_event_patient_idx ON audit_event (patient_nhs_number, occurred_at);
CREATE INDEX audit_event_username_idx ON audit_event (username, occurred_at);

-- The head of the chain: one row, locked by each append so that appends are strictly ordered.
CREATE TABLE audit_chain_head (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    last_id   bigint   NOT NULL,
    last_hash char(64) NOT NULL
);
INSERT INTO audit_chain_head (last_id, last_hash) VALUES (0, repeat('0', 64));

-- Append-only: the application's role may insert and read audit rows, never change or remove them.
CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM CURRENT_USER;
