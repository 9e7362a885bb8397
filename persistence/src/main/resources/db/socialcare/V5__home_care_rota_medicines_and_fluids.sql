-- A care provider runs its day on the record (issue 16): the home-care rota and its visits, the medicines carers give
-- (an electronic MAR chart) and food-and-fluid charts. Alerts are computed from these when asked; only a coordinator's
-- acknowledgement of one is stored.

-- Where the care is given: a care home's staff care for every resident on shift; a home-care agency's carers see the
-- people on their rota, around their visits.
ALTER TABLE care_provision ADD COLUMN setting varchar(20) NOT NULL DEFAULT 'HOME_CARE'
    CHECK (setting IN ('HOME_CARE', 'CARE_HOME'));

CREATE TABLE planned_visit (
    id                    bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_nhs_number     varchar(10)   NOT NULL,
    provider_ods          varchar(10)   NOT NULL,
    care_worker_username  varchar(64)   NOT NULL,
    care_worker_name      varchar(200)  NOT NULL,
    planned_start         timestamptz   NOT NULL,
    planned_end           timestamptz   NOT NULL,
    travel_order          integer       NOT NULL CHECK (travel_order BETWEEN 1 AND 50),
    status                varchar(20)   NOT NULL CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')),
    checked_in_at         timestamptz,
    checked_out_at        timestamptz,
    -- the CARE_VISIT entry written to the person's record at check-out
    visit_entry_id        bigint        REFERENCES social_care_entry (id),
    planned_by            varchar(64)   NOT NULL,
    planned_at            timestamptz   NOT NULL,
    version               integer       NOT NULL DEFAULT 0,
    CHECK (planned_end > planned_start),
    CHECK (status = 'PLANNED' OR status = 'CANCELLED' OR checked_in_at IS NOT NULL),
    CHECK (status <> 'COMPLETED' OR (checked_out_at IS NOT NULL AND checked_out_at >= checked_in_at))
);
CREATE INDEX planned_visit_worker_idx ON planned_visit (care_worker_username, planned_start);
CREATE INDEX planned_visit_person_idx ON planned_visit (person_nhs_number, planned_start);
CREATE INDEX planned_visit_provider_idx ON planned_visit (provider_ods, planned_start);
CREATE INDEX planned_visit_entry_idx ON planned_visit (visit_entry_id);

CREATE TABLE planned_visit_task (
    visit_id   bigint        NOT NULL REFERENCES planned_visit (id),
    position   integer       NOT NULL,
    task       varchar(200)  NOT NULL,
    -- null until the carer says; false: not done (the note says why)
    done       boolean,
    note       varchar(1000),
    PRIMARY KEY (visit_id, position)
);

-- A coordinator's answer to an alert (late or missed visit, fluid below target, missed time-critical medicine). The alert
-- itself is worked out from the rota and the charts when the list is read, so it can never be stale or forgotten.
CREATE TABLE care_alert_acknowledgement (
    kind             varchar(40)   NOT NULL,
    subject          varchar(120)  NOT NULL,
    provider_ods     varchar(10)   NOT NULL,
    acknowledged_by  varchar(64)   NOT NULL,
    acknowledged_at  timestamptz   NOT NULL,
    note             varchar(1000) NOT NULL,
    PRIMARY KEY (kind, subject)
);
CREATE INDEX care_alert_acknowledgement_provider_idx ON care_alert_acknowledgement (provider_ods, acknowledged_at);

-- The medicines carers give a person, coded against ICR's one medicines table (hospital database: its name).
CREATE TABLE care_medicine (
    id                    bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_nhs_number     varchar(10)   NOT NULL,
    provider_ods          varchar(10)   NOT NULL,
    medicine              varchar(300)  NOT NULL,
    dose                  varchar(100)  NOT NULL,
    route                 varchar(50)   NOT NULL,
    category              varchar(30)   NOT NULL,
    as_required           boolean       NOT NULL,
    -- as required: when to give it, how long between doses, how many doses in 24 hours
    protocol              varchar(1000),
    minimum_interval_min  integer       CHECK (minimum_interval_min BETWEEN 1 AND 1440),
    most_per_day          integer       CHECK (most_per_day BETWEEN 1 AND 24),
    time_critical         boolean       NOT NULL,
    controlled_drug       boolean       NOT NULL,
    started_on            date          NOT NULL,
    stopped_at            timestamptz,
    added_by              varchar(64)   NOT NULL,
    added_at              timestamptz   NOT NULL,
    CHECK (NOT as_required OR (protocol IS NOT NULL AND minimum_interval_min IS NOT NULL AND most_per_day IS NOT NULL))
);
CREATE INDEX care_medicine_person_idx ON care_medicine (person_nhs_number);
CREATE INDEX care_medicine_time_critical_idx ON care_medicine (provider_ods) WHERE time_critical AND stopped_at IS NULL;

CREATE TABLE care_medicine_time (
    care_medicine_id  bigint  NOT NULL REFERENCES care_medicine (id),
    time_of_day       time    NOT NULL,
    PRIMARY KEY (care_medicine_id, time_of_day)
);

-- A MAR line is a MEDICATION_ADMINISTRATION entry of the record, now tied to the medicine and the dose it answers: one
-- dose is recorded once (two carers cannot both give it), and a controlled drug's witness is someone else.
ALTER TABLE social_care_entry
    ADD COLUMN care_medicine_id  bigint REFERENCES care_medicine (id),
    ADD COLUMN due_at            timestamptz,
    ADD COLUMN witness_username  varchar(64),
    ADD COLUMN witness_name      varchar(200),
    ADD CONSTRAINT social_care_entry_dose_uk UNIQUE (care_medicine_id, due_at),
    ADD CONSTRAINT social_care_entry_witness_check CHECK (witness_username IS NULL OR witness_username <> author_username);
ALTER TABLE social_care_entry DROP CONSTRAINT social_care_entry_administration_check;
ALTER TABLE social_care_entry ADD CONSTRAINT social_care_entry_administration_check CHECK (administration IN ('GIVEN',
    'REFUSED', 'MISSED', 'NOT_REQUIRED', 'NOT_AVAILABLE', 'SELF_ADMINISTERED'));
CREATE INDEX social_care_entry_medicine_idx ON social_care_entry (care_medicine_id, occurred_at) WHERE care_medicine_id IS NOT NULL;

CREATE TABLE fluid_target (
    person_nhs_number  varchar(10)  PRIMARY KEY,
    daily_ml           integer      NOT NULL CHECK (daily_ml BETWEEN 100 AND 5000),
    set_by             varchar(64)  NOT NULL,
    set_at             timestamptz  NOT NULL
);

CREATE TABLE fluid_intake (
    id                 bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_nhs_number  varchar(10)   NOT NULL,
    provider_ods       varchar(10)   NOT NULL,
    taken_at           timestamptz   NOT NULL,
    amount_ml          integer       NOT NULL CHECK (amount_ml BETWEEN 1 AND 2000),
    drink              varchar(60)   NOT NULL,
    recorded_by        varchar(64)   NOT NULL,
    recorded_by_name   varchar(200)  NOT NULL,
    recorded_at        timestamptz   NOT NULL
);
CREATE INDEX fluid_intake_person_idx ON fluid_intake (person_nhs_number, taken_at);
