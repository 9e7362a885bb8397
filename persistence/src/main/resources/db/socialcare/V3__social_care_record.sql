-- The digital social care record: every kind of entry in one table (single-table inheritance), as in the
-- hospital database, so a person's record loads in one query whatever its size.
CREATE TABLE social_care_entry (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_nhs_number  varchar(10)   NOT NULL,
    entry_type         varchar(30)   NOT NULL CHECK (entry_type IN ('NEEDS_ASSESSMENT', 'CARE_PLAN', 'CARE_VISIT',
                           'MEDICATION_ADMINISTRATION', 'SAFEGUARDING_CONCERN', 'CONTACT', 'ALLOCATION', 'REFERRAL_REQUEST')),
    category           varchar(30)   NOT NULL DEFAULT 'SOCIAL_CARE',
    occurred_at        timestamptz   NOT NULL,
    recorded_at        timestamptz   NOT NULL,
    author_username    varchar(64)   NOT NULL,
    author_name        varchar(200)  NOT NULL,
    organisation_ods   varchar(10)   NOT NULL,
    title              varchar(300)  NOT NULL,
    status             varchar(20),
    details            varchar(4000),
    -- NEEDS_ASSESSMENT
    eligibility        varchar(20) CHECK (eligibility IN ('ELIGIBLE', 'NOT_ELIGIBLE', 'PENDING')),
    -- CARE_PLAN
    outcomes           varchar(2000),
    services           varchar(2000),
    review_date        date,
    -- CARE_VISIT
    planned_start      timestamptz,
    planned_end        timestamptz,
    actual_start       timestamptz,
    actual_end         timestamptz,
    tasks_done         varchar(2000),
    care_worker        varchar(200),
    -- MEDICATION_ADMINISTRATION
    medication         varchar(200),
    dose               varchar(100),
    administration     varchar(20) CHECK (administration IN ('GIVEN', 'REFUSED', 'MISSED', 'NOT_REQUIRED')),
    -- SAFEGUARDING_CONCERN
    safeguarding_category varchar(40),
    raised_by          varchar(200),
    -- CONTACT
    contact_name       varchar(200),
    relationship       varchar(100),
    telephone          varchar(40),
    next_of_kin        boolean,
    -- ALLOCATION
    social_worker      varchar(200),
    care_provider_ods  varchar(10),
    -- REFERRAL_REQUEST (transfer of care from hospital): the hospital admission it continues, once only
    source_encounter_id bigint,
    CONSTRAINT social_care_entry_source_encounter_uk UNIQUE (source_encounter_id)
);
CREATE INDEX social_care_entry_timeline_idx ON social_care_entry (person_nhs_number, occurred_at DESC, id DESC);
CREATE INDEX social_care_entry_type_idx ON social_care_entry (person_nhs_number, entry_type, occurred_at DESC);
