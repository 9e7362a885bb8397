-- The care plan care staff work from (issue 16): per person and provider, immutable versions, each with its sections
-- (needs, outcomes, the tasks that meet them with times of day, risks with their assessment) and the person's say on it.
CREATE TABLE care_plan_version (
    id                  bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_nhs_number   varchar(10)   NOT NULL,
    provider_ods        varchar(10)   NOT NULL,
    version             integer       NOT NULL CHECK (version >= 1),
    -- the sections as one JSON array, always read and written whole
    sections            text          NOT NULL,
    review_date         date          NOT NULL,
    recorded_by         varchar(64)   NOT NULL,
    recorded_by_name    varchar(200)  NOT NULL,
    recorded_at         timestamptz   NOT NULL,
    agreement           varchar(20)   CHECK (agreement IN ('AGREED', 'DISAGREED')),
    agreement_comment   varchar(1000),
    agreement_by        varchar(200),
    agreement_at        timestamptz,
    CONSTRAINT care_plan_version_uk UNIQUE (person_nhs_number, provider_ods, version)
);
CREATE INDEX care_plan_version_provider_idx ON care_plan_version (provider_ods, review_date);

-- Daily records at the point of care: notes, repositioning, weight and observations.
CREATE TABLE daily_record (
    id                  bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_nhs_number   varchar(10)   NOT NULL,
    provider_ods        varchar(10)   NOT NULL,
    kind                varchar(20)   NOT NULL CHECK (kind IN ('NOTE', 'REPOSITIONING', 'WEIGHT', 'OBSERVATIONS')),
    recorded_for        timestamptz   NOT NULL,
    note                varchar(2000),
    position            varchar(20)   CHECK (position IN ('LEFT_SIDE', 'RIGHT_SIDE', 'BACK', 'SITTING', 'STANDING')),
    skin_intact         boolean,
    weight_kg           numeric(5, 1) CHECK (weight_kg BETWEEN 20 AND 350),
    pulse               integer       CHECK (pulse BETWEEN 20 AND 250),
    temperature_c       numeric(3, 1) CHECK (temperature_c BETWEEN 30 AND 45),
    systolic            integer       CHECK (systolic BETWEEN 50 AND 260),
    diastolic           integer       CHECK (diastolic BETWEEN 20 AND 160),
    respiration_rate    integer       CHECK (respiration_rate BETWEEN 4 AND 60),
    oxygen_saturation   integer       CHECK (oxygen_saturation BETWEEN 50 AND 100),
    recorded_by         varchar(64)   NOT NULL,
    recorded_by_name    varchar(200)  NOT NULL,
    recorded_at         timestamptz   NOT NULL,
    CHECK (kind <> 'NOTE' OR note IS NOT NULL),
    CHECK (kind <> 'REPOSITIONING' OR position IS NOT NULL),
    CHECK (kind <> 'WEIGHT' OR weight_kg IS NOT NULL)
);
CREATE INDEX daily_record_person_idx ON daily_record (person_nhs_number, recorded_for);

-- Incidents are entries of the record: falls, injuries, medication errors, near misses, with a body map.
ALTER TABLE social_care_entry DROP CONSTRAINT social_care_entry_entry_type_check;
ALTER TABLE social_care_entry ADD CONSTRAINT social_care_entry_entry_type_check CHECK (entry_type IN ('NEEDS_ASSESSMENT',
    'CARE_PLAN', 'CARE_VISIT', 'MEDICATION_ADMINISTRATION', 'SAFEGUARDING_CONCERN', 'CONTACT', 'ALLOCATION', 'REFERRAL_REQUEST',
    'INCIDENT'));
ALTER TABLE social_care_entry
    ADD COLUMN incident_kind          varchar(30) CHECK (incident_kind IN ('FALL', 'INJURY', 'MEDICATION_ERROR', 'NEAR_MISS',
                                          'PRESSURE_ULCER', 'OTHER')),
    ADD COLUMN severity               varchar(20) CHECK (severity IN ('NO_HARM', 'LOW', 'MODERATE', 'SEVERE', 'DEATH')),
    -- marked areas: a JSON array of {side: FRONT|BACK, x, y (0-100 % of the outline), note}
    ADD COLUMN body_map               text,
    ADD COLUMN actions_taken          varchar(2000),
    ADD COLUMN notifiable_to_cqc      boolean,
    ADD COLUMN safeguarding_entry_id  bigint REFERENCES social_care_entry (id);
CREATE INDEX social_care_entry_incident_idx ON social_care_entry (organisation_ods, occurred_at) WHERE entry_type = 'INCIDENT';
CREATE INDEX social_care_entry_safeguarding_link_idx ON social_care_entry (safeguarding_entry_id);
