-- Social-care relationships that give staff a legitimate reason to open a person's record.
CREATE TABLE caseload_allocation (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_nhs_number      varchar(10) NOT NULL,
    social_worker_username varchar(64) NOT NULL,
    allocated_at           timestamptz NOT NULL,
    closed_at              timestamptz
);
CREATE INDEX caseload_allocation_lookup_idx ON caseload_allocation (person_nhs_number, social_worker_username);
CREATE INDEX caseload_allocation_worker_idx ON caseload_allocation (social_worker_username);

CREATE TABLE care_provision (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_nhs_number varchar(10) NOT NULL,
    provider_ods      varchar(10) NOT NULL,
    started_at        timestamptz NOT NULL,
    ended_at          timestamptz
);
CREATE INDEX care_provision_lookup_idx ON care_provision (person_nhs_number, provider_ods);
CREATE INDEX care_provision_provider_idx ON care_provision (provider_ods);
