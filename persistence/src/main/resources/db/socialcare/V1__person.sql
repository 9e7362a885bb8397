-- People known to social care, linked to the hospital record by NHS number.
CREATE SEQUENCE person_seq INCREMENT BY 50;

CREATE TABLE person (
    id          bigint       PRIMARY KEY,
    nhs_number  varchar(10)  NOT NULL CHECK (nhs_number ~ '^[0-9]{10}$'),
    given_name  varchar(100) NOT NULL,
    family_name varchar(100) NOT NULL,
    birth_date  date         NOT NULL,
    created_at  timestamptz  NOT NULL,
    version     bigint       NOT NULL DEFAULT 0,
    CONSTRAINT person_nhs_number_uk UNIQUE (nhs_number)
);

CREATE INDEX person_family_name_idx ON person (lower(family_name) text_pattern_ops);
CREATE INDEX person_birth_date_idx ON person (birth_date);
