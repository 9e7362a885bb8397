-- Patients' demographic record. The NHS number is the identifier shared with the social-care database.
CREATE SEQUENCE patient_seq INCREMENT BY 50;

CREATE TABLE patient (
    id              bigint       PRIMARY KEY,
    nhs_number      varchar(10)  NOT NULL CHECK (nhs_number ~ '^[0-9]{10}$'),
    given_name      varchar(100) NOT NULL,
    family_name     varchar(100) NOT NULL,
    birth_date      date         NOT NULL,
    sex             varchar(10)  NOT NULL CHECK (sex IN ('FEMALE', 'MALE', 'OTHER', 'UNKNOWN')),
    postcode        varchar(8)   NOT NULL,
    gp_practice_ods varchar(10)  NOT NULL,
    registered_at   timestamptz  NOT NULL,
    version         bigint       NOT NULL DEFAULT 0,
    CONSTRAINT patient_nhs_number_uk UNIQUE (nhs_number)
);

-- Name search is "starts with", case-insensitive: text_pattern_ops lets LIKE 'abc%' use the index.
CREATE INDEX patient_family_name_idx ON patient (lower(family_name) text_pattern_ops);
CREATE INDEX patient_given_name_idx ON patient (lower(given_name) text_pattern_ops);
CREATE INDEX patient_birth_date_idx ON patient (birth_date);
CREATE INDEX patient_gp_practice_idx ON patient (gp_practice_ods);
